#!/usr/bin/env node
// Side-by-side conformance: Python Cartography's Docker Scout module and scoutgraph load the same
// report folder into the same real Neo4j (one after the other, each on a wiped database seeded with
// the same `Image` nodes), both graphs are dumped canonically, and the dumps are diffed.
//
//   npm run conformance -- [--source DIR] [--update-tag N] [--show-explained] [--keep-server]
//
// A difference is "explained" only by a documented departure (DEPARTURES below: contract Part A) or
// an additive property scoutgraph declares in its schema (`additive: true`); everything else is
// printed and makes the exit code 1. Values of `firstseen` and `_module_version` are not compared
// (timestamps and writer names), but their presence and value types are. Types are part of identity:
// INTEGER and FLOAT differ, lists compare in order.
//
// The Neo4j is scripts/neo4j.mjs's (port SCOUTGRAPH_NEO4J_PORT, default 7687): started if it is not
// running, and stopped at the end if this script started it. Cartography runs from the virtualenv
// that scripts/cartography/cartography.mjs installs.
import { Buffer } from "node:buffer";
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join, dirname, basename, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import neo4j from "neo4j-driver";
import { ensureCartography, runCartography, CARTOGRAPHY_VERSION } from "./cartography/cartography.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values: opts } = parseArgs({
  options: {
    source: { type: "string", default: join(root, "test", "fixtures", "reports") },
    "update-tag": { type: "string", default: "1700000000" },
    "show-explained": { type: "boolean", default: false },
    "keep-server": { type: "boolean", default: false },
  },
});
const source = resolve(opts.source);
const updateTag = Number(opts["update-tag"]);
const port = Number(process.env.SCOUTGRAPH_NEO4J_PORT ?? "7687");
const uri = `bolt://127.0.0.1:${port}`;
const cliPath = join(root, "dist", "src", "cli", "main.js");
const schemaPath = join(root, "dist", "src", "graph", "schema.js");

/** Bookkeeping whose values legitimately differ between two writers; presence and type still compared. */
const VALUE_NOT_COMPARED = new Set(["firstseen", "_module_version"]);

/**
 * Documented departures from Cartography (contract Part A), one per fixture it concerns. `scope`
 * says which differences it explains, restricted to the nodes and relationships that the fixture's
 * parse (its NAME.expected.json) contributes:
 *   "all"              any difference on them (Cartography skips or mis-reads the whole report);
 *   ["prop", ...]      only differences in these properties.
 * `cartographySkips: true` is checked against Cartography's log, so a rule cannot silently go stale.
 */
const DEPARTURES = [
  {
    fixture: "kiosk-ruby-legacy-header.txt",
    scope: "all",
    cartographySkips: true,
    reason:
      "Part A: the legacy 2023 header (`Recommended fixes for image  X`, no Target/digest block) is parsed; Cartography's pre-filter needs `Target` and `digest` and skips the file.",
  },
  {
    fixture: "tile-server-golang-ansi-console.txt",
    scope: "all",
    cartographySkips: true,
    reason: "D5: ANSI colour escapes are removed before parsing; Cartography's Target regex fails on the coloured `Target` line and skips the report.",
  },
  {
    fixture: "edge-cache-rust-wrapped-tags.txt",
    scope: ["alternative_tags"],
    reason: "Part A: a supported-tags note without backticks (glamour form, tags split at hyphens) is parsed; Cartography finds no backticked tags and writes [].",
  },
  {
    fixture: "intranet-php-only-refresh.txt",
    scope: ["alternative_tags"],
    reason: "Part A: the glamour-form supported-tags note (no backticks) is parsed; Cartography writes [].",
  },
  {
    fixture: "audit-log-distroless-base-unresolved.txt",
    scope: "all",
    unresolvedBase: true,
    reason:
      "Part A + D3: `Base image is  :nonroot` with empty Digest/Vulnerabilities rows is an unresolved base (nothing written); Cartography writes a public image with an empty name and lets the empty cells swallow the next lines.",
  },
];

// ---------------------------------------------------------------------------------------------
// Running the two writers

function run(cmd, args, env = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const chunks = [];
    child.stdout.on("data", (c) => chunks.push(c));
    child.stderr.on("data", (c) => chunks.push(c));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code: code ?? 1, output: Buffer.concat(chunks).toString("utf8") }));
  });
}

async function runScoutgraph(dir, tag) {
  return run(process.execPath, [cliPath, "sync", "--docker-scout-source", dir, "--neo4j-uri", uri, "--update-tag", String(tag)]);
}

/**
 * The re-sync phase's folder: every second report of the source (sorted), with its expected parse,
 * so the second run updates some nodes, drops others (cleanup) and removes properties that became null.
 */
function resyncFolder() {
  const dir = join(root, ".cache", "conformance", "resync");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const reports = readdirSync(source).filter((f) => !f.endsWith(".expected.json") && !f.endsWith(".md") && !f.startsWith(".")).sort();
  reports.forEach((f, i) => {
    if (i % 2 !== 0) return;
    copyFileSync(join(source, f), join(dir, f));
    const expected = f.replace(/\.txt$/, ".expected.json");
    if (existsSync(join(source, expected))) copyFileSync(join(source, expected), join(dir, expected));
  });
  return dir;
}

// ---------------------------------------------------------------------------------------------
// The seeded Image nodes: what Cartography's registry modules would have written (contract §3.2, §6)

function fixtureParses(dir = source) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".expected.json"))
    .sort()
    .map((f) => ({ file: f.replace(/\.expected\.json$/, ".txt"), parse: JSON.parse(readFileSync(join(dir, f), "utf8")) }));
}

function seedImages() {
  const zeros = (n) => "0".repeat(n);
  // The two images of Cartography's integration test (contract §6); the GitLab one matches no fixture.
  const images = [
    { id: "image-for-sha256:ecr00000000", labels: ["AWSECRImage", "ECRImage"], source: "aws", digest: `sha256:ecr${zeros(61)}` },
    { id: "image-for-sha256:gl000000000", labels: ["GitLabContainerImage"], source: "gitlab", digest: `sha256:gl${zeros(62)}` },
  ];
  // For every fixture target digest: an ECR image whose full digest starts with it, the same digest
  // in GitLab (both must link), and an upper-case variant in GCP (matching is case-insensitive).
  for (const { file, parse } of fixtureParses()) {
    const short = parse.target?.digest;
    if (!short || !/^[0-9a-z]+$/i.test(short)) continue;
    const full = `sha256:${short.toLowerCase()}${"f".repeat(Math.max(0, 64 - short.length))}`;
    const stem = basename(file, ".txt");
    images.push({ id: `ecr:${stem}`, labels: ["AWSECRImage", "ECRImage"], source: "aws", digest: full });
    images.push({ id: `gitlab:${stem}`, labels: ["GitLabContainerImage"], source: "gitlab", digest: full });
    images.push({ id: `gcp:${stem}`, labels: ["GCPArtifactRegistryImage"], source: "gcp", digest: full.toUpperCase().replace("SHA256:", "sha256:") });
  }
  // An image that matches nothing, and one with no digest at all.
  images.push({ id: "image-unmatched", labels: ["AWSECRImage", "ECRImage"], source: "aws", digest: `sha256:${"a".repeat(64)}` });
  images.push({ id: "image-without-digest", labels: ["ScalewayContainerRegistryImage"], source: "scaleway", digest: null });
  return images;
}

async function wipeAndSeed(session) {
  await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  for (const img of seedImages()) {
    // Labels cannot be parameters; these come from the fixed list above, never from input.
    const labels = ["Image", ...img.labels].map((l) => `:${l}`).join("");
    await session.run(
      `CREATE (i${labels} {id: $id, digest: $digest, _ont_digest: $digest, _ont_source: $source, lastupdated: $tag, firstseen: $tag, _module_name: $module})`,
      { id: img.id, digest: img.digest, source: img.source, tag: neo4j.int(updateTag - 1), module: `cartography:${img.source}` },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Canonical dump: every node keyed by labels + id, every relationship by type + endpoint keys;
// every value rendered with its Neo4j type.

function typed(value) {
  if (value === null || value === undefined) return "NULL";
  if (neo4j.isInt(value)) return `INTEGER ${value.toString()}`;
  if (typeof value === "number") return `FLOAT ${Number.isInteger(value) ? value.toFixed(1) : String(value)}`;
  if (typeof value === "boolean") return `BOOLEAN ${value}`;
  if (typeof value === "string") return `STRING ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return `LIST [${value.map(typed).join(", ")}]`;
  return `OTHER ${String(value)}`;
}

const typeOf = (rendered) => rendered.split(" ")[0];

async function dump(session) {
  const nodes = new Map();
  const keyByElement = new Map();
  const nodeResult = await session.run("MATCH (n) RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props");
  for (const rec of nodeResult.records) {
    const props = rec.get("props");
    const key = `(${[...rec.get("labels")].sort().join(":")} ${JSON.stringify(props.id ?? null)})`;
    keyByElement.set(rec.get("eid"), key);
    if (nodes.has(key)) throw new Error(`two nodes share the key ${key}: the graph has duplicate ids`);
    nodes.set(key, renderProps(props));
  }
  const rels = new Map();
  const relResult = await session.run("MATCH (a)-[r]->(b) RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS type, properties(r) AS props");
  for (const rec of relResult.records) {
    const key = `${keyByElement.get(rec.get("a"))}-[:${rec.get("type")}]->${keyByElement.get(rec.get("b"))}`;
    const list = rels.get(key) ?? [];
    list.push(renderProps(rec.get("props")));
    rels.set(key, list);
  }
  return { nodes, rels };
}

function renderProps(props) {
  return new Map(Object.keys(props).sort().map((k) => [k, typed(props[k])]));
}

// ---------------------------------------------------------------------------------------------
// Diff

function diffProps(kind, key, cart, scout, out) {
  for (const prop of new Set([...cart.keys(), ...scout.keys()])) {
    const c = cart.get(prop);
    const s = scout.get(prop);
    if (c === s) continue;
    if (VALUE_NOT_COMPARED.has(prop) && c !== undefined && s !== undefined && typeOf(c) === typeOf(s)) continue;
    out.push({ kind, key, prop, cartography: c ?? "(absent)", scoutgraph: s ?? "(absent)" });
  }
}

function diffGraphs(cart, scout) {
  const out = [];
  for (const key of new Set([...cart.nodes.keys(), ...scout.nodes.keys()])) {
    const c = cart.nodes.get(key);
    const s = scout.nodes.get(key);
    if (!c || !s) out.push({ kind: "node", key, only: c ? "cartography" : "scoutgraph" });
    else diffProps("node", key, c, s, out);
  }
  for (const key of new Set([...cart.rels.keys(), ...scout.rels.keys()])) {
    const c = cart.rels.get(key) ?? [];
    const s = scout.rels.get(key) ?? [];
    if (c.length === 0 || s.length === 0) {
      out.push({ kind: "relationship", key, only: c.length ? "cartography" : "scoutgraph" });
    } else if (c.length !== s.length) {
      out.push({ kind: "relationship", key, prop: "(count)", cartography: String(c.length), scoutgraph: String(s.length) });
    } else {
      diffProps("relationship", key, c[0], s[0], out);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Explaining differences

/** The node and relationship keys a fixture's parse contributes (ids are `name:tag`, contract §2.2). */
function keysOf(parse, images) {
  const keys = new Set();
  const base = parse.base_image;
  if (!base) return keys;
  const pub = `(DockerScoutPublicImage ${JSON.stringify(`${base.name}:${base.tag}`)})`;
  const tag = (t) => `(DockerScoutPublicImageTag ${JSON.stringify(`${base.name}:${t}`)})`;
  keys.add(pub);
  keys.add(tag(base.tag));
  keys.add(`${pub}-[:BUILT_FROM]->${tag(base.tag)}`);
  for (const rec of parse.recommendations) {
    keys.add(tag(rec.tag));
    keys.add(`${pub}-[:SHOULD_UPDATE_TO]->${tag(rec.tag)}`);
  }
  for (const imageKey of images) keys.add(`${imageKey}-[:BUILT_ON]->${pub}`);
  return keys;
}

function additiveProperties() {
  if (!existsSync(schemaPath)) return new Map();
  return import(schemaPath).then((schema) => {
    const byOwner = new Map();
    for (const def of [...schema.NODES, ...schema.RELATIONSHIPS]) {
      const owner = def.label ?? def.type;
      byOwner.set(owner, new Set(def.properties.filter((p) => p.additive).map((p) => p.name)));
    }
    return byOwner;
  });
}

/** Labels and relationship types scoutgraph adds (`additive: true` in the schema): Cartography writes none of them. */
function additiveKinds() {
  if (!existsSync(schemaPath)) return new Set();
  return import(schemaPath).then(
    (schema) => new Set([...schema.NODES, ...schema.RELATIONSHIPS].filter((d) => d.additive).map((d) => d.label ?? d.type)),
  );
}

/** A node key `(Labels "id")` or relationship key `(...)-[:TYPE]->(...)` made only of scoutgraph's additive kinds. */
function isAdditiveKey(key, kinds) {
  const rel = /-\[:([A-Z_]+)\]->/.exec(key);
  if (rel) return kinds.has(rel[1]);
  return /^\(([^ ]+) /.exec(key)[1].split(":").some((l) => kinds.has(l));
}

function ownerOf(key) {
  const rel = /-\[:([A-Z_]+)\]->/.exec(key);
  if (rel) return rel[1];
  return /^\(([^ ]+) /.exec(key)[1].split(":").find((l) => l.startsWith("DockerScout")) ?? "Image";
}

function explain(diffs, { additive, additiveKinds: kinds, parses, cartLog, cartGraph }) {
  const rules = [];
  const problems = [];
  // The seeded Image nodes; a BUILT_ON key also names the fixture's public image, so this stays precise.
  const imageKeys = [...cartGraph.nodes.keys()].filter((k) => !k.includes("DockerScout"));
  for (const dep of DEPARTURES) {
    const fixture = parses.find((p) => p.file === dep.fixture);
    if (!fixture) continue; // not in this source folder
    if (dep.cartographySkips && !new RegExp(`Skipping [^\\n]*${dep.fixture.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`).test(cartLog)) {
      problems.push(`departure ${dep.fixture}: expected Cartography to skip this report, but its log does not say so`);
    }
    let keys = keysOf(fixture.parse, imageKeys);
    if (dep.unresolvedBase) {
      // Cartography's mis-read base: whatever it wrote under an empty repository name.
      keys = new Set([...cartGraph.nodes.keys(), ...cartGraph.rels.keys()].filter((k) => k.includes('"":') || k.includes(' ":')));
    }
    rules.push({ dep, keys });
  }
  const unexplained = [];
  const explained = [];
  for (const d of diffs) {
    let why;
    if (d.only === "scoutgraph" && kinds && isAdditiveKey(d.key, kinds)) {
      why = `additive ${d.kind} kind (src/graph/schema.ts): one DockerScoutReport per report and its links`;
    }
    if (!why && d.prop && d.cartography === "(absent)" && additive.get(ownerOf(d.key))?.has(d.prop)) {
      why = `additive property ${ownerOf(d.key)}.${d.prop} (src/graph/schema.ts)`;
    }
    for (const { dep, keys } of rules) {
      if (why) break;
      if (!keys.has(d.key)) continue;
      if (dep.scope === "all" || (d.prop && dep.scope.includes(d.prop))) why = `${dep.fixture}: ${dep.reason}`;
    }
    (why ? explained : unexplained).push({ ...d, why });
  }
  return { explained, unexplained, problems };
}

function describe(d) {
  if (d.only) return `${d.kind} only in ${d.only}: ${d.key}`;
  return `${d.kind} ${d.key}\n      .${d.prop}: cartography ${d.cartography} | scoutgraph ${d.scoutgraph}`;
}

// ---------------------------------------------------------------------------------------------

/** Each writer, on its own wiped and seeded database: a full run, then a re-sync of half the reports. */
async function runWriter(session, name, phases) {
  await wipeAndSeed(session);
  const results = [];
  for (const phase of phases) {
    const t = Date.now();
    const res =
      name === "cartography"
        ? await runCartography({ neo4jUri: uri, source: phase.dir, updateTag: phase.tag, verbose: true })
        : await runScoutgraph(phase.dir, phase.tag);
    console.log(`conformance: ${name} (${phase.name}) exited ${res.code} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    results.push({ ...res, graph: await dump(session) });
  }
  return results;
}

async function main() {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first`);
  if (!existsSync(source)) throw new Error(`report folder ${source} does not exist`);
  const started = Date.now();
  ensureCartography();
  const phases = [
    { name: "full run", dir: source, tag: updateTag },
    { name: "re-sync of every second report", dir: resyncFolder(), tag: updateTag + 1 },
  ];

  const wasRunning = spawnSync(process.execPath, [join(root, "scripts", "neo4j.mjs"), "status"], { stdio: "ignore" }).status === 0;
  if (!wasRunning) {
    const rc = spawnSync(process.execPath, [join(root, "scripts", "neo4j.mjs"), "start"], { stdio: "inherit" }).status;
    if (rc !== 0) throw new Error("could not start Neo4j");
  }
  const driver = neo4j.driver(uri);
  let failed = false;
  try {
    const session = driver.session();
    try {
      const cart = await runWriter(session, "cartography", phases);
      const scout = await runWriter(session, "scoutgraph", phases);
      const additive = await additiveProperties();
      const kinds = await additiveKinds();
      phases.forEach((phase, i) => {
        const c = cart[i];
        const s = scout[i];
        if (c.code !== 0) {
          console.log(`conformance: Cartography failed (${phase.name}):\n${c.output}`);
          failed = true;
        }
        if (s.code !== 0) {
          console.log(`conformance: scoutgraph failed (${phase.name}):\n${s.output}`);
          failed = true;
        }
        const diffs = diffGraphs(c.graph, s.graph);
        const { explained, unexplained, problems } = explain(diffs, {
          additive,
          additiveKinds: kinds,
          parses: fixtureParses(phase.dir),
          cartLog: c.output,
          cartGraph: c.graph,
        });
        console.log(
          `conformance: ${phase.name}, ${phase.dir}, update tag ${phase.tag}` +
            `\n  cartography ${CARTOGRAPHY_VERSION}: ${c.graph.nodes.size} nodes, ${[...c.graph.rels.values()].flat().length} relationships` +
            `\n  scoutgraph:  ${s.graph.nodes.size} nodes, ${[...s.graph.rels.values()].flat().length} relationships` +
            `\n  ${diffs.length} differences: ${explained.length} explained, ${unexplained.length} unexplained`,
        );
        if (opts["show-explained"]) {
          for (const d of explained) console.log(`  explained ${describe(d)}\n      because ${d.why}`);
        }
        for (const p of problems) console.log(`  PROBLEM ${p}`);
        for (const d of unexplained) console.log(`  UNEXPLAINED ${describe(d)}`);
        if (unexplained.length > 0 || problems.length > 0) failed = true;
      });
    } finally {
      await session.close();
    }
  } finally {
    await driver.close();
    if (!wasRunning && !opts["keep-server"]) spawnSync(process.execPath, [join(root, "scripts", "neo4j.mjs"), "stop"], { stdio: "inherit" });
  }
  console.log(`conformance: ${failed ? "FAILED" : "passed"} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`conformance: ${err.message}`);
    process.exit(1);
  },
);
