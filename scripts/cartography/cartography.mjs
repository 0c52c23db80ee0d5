#!/usr/bin/env node
// Python Cartography, installed into a project-local virtualenv, for side-by-side runs against
// scoutgraph (scripts/conformance.mjs, bench/neo4j-load.ts). Nothing here is needed to use scoutgraph.
//
//   node scripts/cartography/cartography.mjs install
//   node scripts/cartography/cartography.mjs run --neo4j-uri bolt://127.0.0.1:7687 --source DIR --update-tag N
//
// `install` creates .cache/cartography-venv with `python3 -m venv` and pip-installs the pinned
// version; it does nothing when that version is already there. `run` runs Cartography's Docker
// Scout module alone (`--selected-modules docker_scout`), with no Neo4j auth.
import { Buffer } from "node:buffer";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

/** The Cartography release compared against (the contract studied 0.140.0+22; this is the newest on PyPI). */
export const CARTOGRAPHY_VERSION = "0.143.0";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const VENV_DIR = join(root, ".cache", "cartography-venv");
const stamp = join(VENV_DIR, "scoutgraph-installed-version");
const bin = (name) => join(VENV_DIR, "bin", name);

function check(result, what) {
  if (result.error) throw new Error(`${what}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${what} failed with exit code ${result.status}`);
}

/** Creates the virtualenv and installs Cartography unless the pinned version is already installed. */
export function ensureCartography({ log = console.error } = {}) {
  if (existsSync(stamp) && readFileSync(stamp, "utf8").trim() === CARTOGRAPHY_VERSION && existsSync(bin("cartography"))) {
    return bin("cartography");
  }
  const started = Date.now();
  log(`cartography: installing cartography==${CARTOGRAPHY_VERSION} into ${VENV_DIR} (a few minutes the first time)...`);
  rmSync(VENV_DIR, { recursive: true, force: true });
  const python = process.env.PYTHON ?? "python3";
  check(spawnSync(python, ["-m", "venv", VENV_DIR], { stdio: "inherit" }), `${python} -m venv`);
  check(
    spawnSync(bin("pip"), ["install", "--quiet", "--disable-pip-version-check", `cartography==${CARTOGRAPHY_VERSION}`], { stdio: "inherit" }),
    "pip install cartography",
  );
  writeFileSync(stamp, `${CARTOGRAPHY_VERSION}\n`);
  log(`cartography: installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return bin("cartography");
}

/**
 * Runs Cartography's Docker Scout module over `source` into the Neo4j at `neoUri`.
 * Resolves to { code, output } (Cartography logs go to stderr; `output` holds both streams).
 */
export function runCartography({ neo4jUri, source, updateTag, quiet = false, verbose = false }) {
  const exe = ensureCartography();
  const args = [
    "--neo4j-uri",
    neo4jUri,
    "--selected-modules",
    "docker_scout",
    "--docker-scout-source",
    source,
    "--update-tag",
    String(updateTag),
  ];
  if (quiet) args.push("--quiet");
  if (verbose) args.push("--verbose");
  return new Promise((resolve, reject) => {
    const child = spawn(exe, args, { stdio: ["ignore", "pipe", "pipe"] });
    const chunks = [];
    child.stdout.on("data", (c) => chunks.push(c));
    child.stderr.on("data", (c) => chunks.push(c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString("utf8") }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "install") {
    ensureCartography();
  } else if (command === "run") {
    const { values } = parseArgs({
      args: rest,
      options: { "neo4j-uri": { type: "string" }, source: { type: "string" }, "update-tag": { type: "string" } },
    });
    if (!values.source) {
      console.error("usage: cartography.mjs run --source DIR [--neo4j-uri URI] [--update-tag N]");
      process.exit(2);
    }
    const port = process.env.SCOUTGRAPH_NEO4J_PORT ?? "7687";
    const { code, output } = await runCartography({
      neo4jUri: values["neo4j-uri"] ?? `bolt://127.0.0.1:${port}`,
      source: values.source,
      updateTag: values["update-tag"] ?? String(Math.floor(Date.now() / 1000)),
    });
    process.stdout.write(output);
    process.exit(code);
  } else {
    console.error("usage: node scripts/cartography/cartography.mjs install | run --source DIR [--neo4j-uri URI] [--update-tag N]");
    process.exit(2);
  }
}
