#!/usr/bin/env node
// Side-by-side conformance: Python Cartography's Docker Scout module and scoutgraph load the same
// report folder into the same real Neo4j (one after the other, each on a wiped database seeded with
// the same `Image` nodes), both graphs are dumped canonically, and the dumps are diffed.
//
//   npm run conformance -- [--source DIR] [--update-tag N] [--show-explained] [--keep-server] [--break-rule NAME]
//
// A difference is "explained" only by a documented departure detected from the report itself
// (scripts/conformance/report-departures.mjs; docs/divergences.md) or
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
import { RULES, detectDepartures } from "./conformance/report-departures.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values: opts } = parseArgs({
  options: {
    source: { type: "string", default: join(root, "test", "fixtures", "reports") },
    "update-tag": { type: "string", default: "1700000000" },
    "show-explained": { type: "boolean", default: false },
    "keep-server": { type: "boolean", default: false },
    "break-rule": { type: "string" },
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
 * Documented departures from Cartography are detected from each report file itself
 * (scripts/conformance/report-departures.mjs, rules with their docs/divergences.md reference), never
 * from its name: any folder can be certified. `--break-rule NAME` leaves one rule out, so the
 * self-check can show that a missing explanation makes the run fail.
 */
const brokenRule = opts["break-rule"];
if (brokenRule && !RULES[brokenRule]) throw new Error(`--break-rule: no rule named ${brokenRule} (rules: ${Object.keys(RULES).join(", ")})`);

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
  const reports = reportFiles(source);
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

/** The report files of a folder (as the sources list them: no hidden names, no fixture expectations). */
function reportFiles(dir) {
  return readdirSync(dir).filter((f) => !f.endsWith(".expected.json") && !f.endsWith(".md") && !f.startsWith(".")).sort();
}

/** Every (file, rule) that applies in a folder, with the graph keys it may explain. */
function detectedRules(dir) {
  const out = [];
  for (const file of reportFiles(dir)) {
    const { rules, bases, firstBase, reports } = detectDepartures(readFileSync(join(dir, file)), { broken: brokenRule });
    const names = [...bases].filter((b) => b !== "").map((b) => `"${b}:`);
    for (const name of rules) {
      const rule = RULES[name];
      // A rule explains differences on the graph keys of the base images its report names
      // (ids are `name:tag`, contract §2.2); the unresolved base is what Cartography wrote under an empty name.
      let covers = rule.emptyName ? (d) => d.key.includes('"":') || d.key.includes(' ":') : (d) => names.some((n) => d.key.includes(n));
      if (rule.mergedIntoFirst && firstBase !== null) {
        // What Cartography's merge adds sits under the first report's base; the later bases it only lacks.
        const first = `"${firstBase}:`;
        const inNames = covers;
        covers = (d) => d.key.includes(first) || (inNames(d) && d.only !== "cartography");
      }
      out.push({ file, name, rule, covers, reports });
    }
  }
  return out;
}

/**
 * The rules of a phase's folder. After the first phase, data of reports no longer in the folder
 * stays when a writer skips cleanup, with the differences their rules explain: so those rules count too.
 */
function phaseRules(phase, index) {
  const own = detectedRules(phase.dir);
  if (index === 0 || !own.some((r) => r.rule.cartographyFails || r.rule.scoutgraphFails)) return own;
  const leftovers = detectedRules(source).filter((r) => !own.some((o) => o.file === r.file));
  return [...own, ...leftovers.map((r) => ({ ...r, leftover: true }))];
}

/**
 * A writer that skips its cleanup (Cartography after a read failure, scoutgraph after a malformed
 * report) keeps stale data the other deletes: a node or relationship only in its graph whose
 * `lastupdated` is older than this run's tag is explained by that skip.
 */
function cleanupSkips(rules, cartGraph, scoutGraph, tag) {
  const cart = rules.find((r) => r.rule.cartographyFails);
  const scout = rules.find((r) => r.rule.scoutgraphFails);
  const stale = (graph, key) => {
    const props = graph.nodes.get(key) ?? graph.rels.get(key)?.[0];
    const m = /^INTEGER (\d+)$/.exec(props?.get("lastupdated") ?? "");
    return m !== null && Number(m[1]) < tag;
  };
  return (d) => {
    if (d.only === "cartography" && cart && !scout && stale(cartGraph, d.key)) return `${cart.file}: rule ${cart.name}: Cartography fails to read it and skips its cleanup (${cart.rule.doc})`;
    if (d.only === "scoutgraph" && scout && !cart && stale(scoutGraph, d.key)) return `${scout.file}: rule ${scout.name}: a failure, so scoutgraph skips cleanup (${scout.rule.doc})`;
    return undefined;
  };
}

/** Rules that claim what Cartography does with a file, checked against its log of this phase. */
function staleRules(rules, cartLog) {
  const problems = [];
  const escaped = (f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const { file, name, rule, reports, leftover } of rules) {
    if (leftover) continue; // not in this phase's folder: Cartography did not see it
    if (rule.cartographySkips && reports === 1 && !new RegExp(`Skipping [^\\n]*${escaped(file)}`).test(cartLog)) {
      problems.push(`rule ${name} (${file}): expected Cartography to skip this report, but its log does not say so`);
    }
    if (rule.cartographyFails && !new RegExp(`Failed to read [^\\n]*${escaped(file)}`).test(cartLog)) {
      problems.push(`rule ${name} (${file}): expected Cartography to fail reading this file, but its log does not say so`);
    }
  }
  return problems;
}

function explain(diffs, { additive, additiveKinds: kinds, rules, cleanupSkipped, cartLog }) {
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
    if (!why) why = cleanupSkipped(d);
    for (const { file, name, rule, covers } of rules) {
      if (why) break;
      if (!covers(d)) continue;
      if (rule.side && d.only && d.only !== rule.side) continue;
      if (rule.scope === "all" || (d.prop && rule.scope.includes(d.prop))) why = `${file}: rule ${name}: ${rule.why} (${rule.doc})`;
    }
    (why ? explained : unexplained).push({ ...d, why });
  }
  return { explained, unexplained, problems: staleRules(rules, cartLog) };
}

/** "additive 40, rule malformed 12, ...": how many differences each kind of explanation took. */
function explainedBy(explained) {
  const counts = new Map();
  for (const d of explained) {
    const m = /rule ([a-z0-9-]+)/.exec(d.why);
    const label = m ? `rule ${m[1]}` : "additive";
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k} ${n}`).join(", ") || "nothing";
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
        // A report scoutgraph refuses (rule `malformed`) makes the run partial (exit 3) by design.
        const rules = phaseRules(phase, i);
        const partialExpected = rules.some((r) => r.rule.scoutgraphFails);
        if (s.code !== 0 && !(s.code === 3 && partialExpected)) {
          console.log(`conformance: scoutgraph failed (${phase.name}):\n${s.output}`);
          failed = true;
        }
        const diffs = diffGraphs(c.graph, s.graph);
        const { explained, unexplained, problems } = explain(diffs, {
          additive,
          additiveKinds: kinds,
          rules,
          cleanupSkipped: cleanupSkips(rules, c.graph, s.graph, phase.tag),
          cartLog: c.output,
        });
        console.log(
          `conformance: ${phase.name}, ${phase.dir}, update tag ${phase.tag}` +
            `\n  cartography ${CARTOGRAPHY_VERSION}: ${c.graph.nodes.size} nodes, ${[...c.graph.rels.values()].flat().length} relationships` +
            `\n  scoutgraph:  ${s.graph.nodes.size} nodes, ${[...s.graph.rels.values()].flat().length} relationships` +
            `\n  ${diffs.length} differences: ${explained.length} explained, ${unexplained.length} unexplained`,
        );
        console.log(`  explained by: ${explainedBy(explained)}`);
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
