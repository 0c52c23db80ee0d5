#!/usr/bin/env node
// Keeps the context seed honest as Cartography changes (not in CI; like `npm run conformance`):
//
//   npm run context:cartography -- [--keep-server]
//
// 1. Produces the context with Cartography's OWN loaders, offline (contract cartography-context.md
//    §11.3): scripts/cartography/load-context.py runs the pip release of scripts/cartography/
//    cartography.mjs over the seed's invented estate (scripts/cartography/estate.py: ECR API rows,
//    manifests and blobs incl. a multi-arch index with attestations, an NLB, kubernetes.client
//    objects, GitHub GraphQL/REST and GitLab REST answers), with only the network calls replaced:
//    ECR sync, ECR layers (provenance, BUILT_FROM), NLB + exposure job, Kubernetes (cluster,
//    namespaces, nodes, workloads, pods, containers, services, exposure jobs), GitHub repos + supply
//    chain, GitLab group, project + supply chain, then RESOLVED_IMAGE_JOBS and
//    WORKLOAD_HAS_RUNTIME_IMAGE.
// 2. Compares that graph with the seed the tests load (test/fixtures/context, block A + B): every
//    seed node and relationship and every property, typed; what the seed leaves out (layers,
//    ReplicaSets, ...) is only counted. scripts/cartography/compare-context.mjs defines it exactly;
//    each difference is marked [read] when the report's queries name it. Any difference exits 1:
//    Cartography changed, so the seed (and maybe the report's queries) must follow.
// 3. Syncs the context reports with the real CLI into that Cartography-made graph, runs
//    `report --format json`, and checks each conclusion of the contract's scenario table (§10).
//
// The Neo4j is scripts/neo4j.mjs's (SCOUTGRAPH_NEO4J_PORT, default 7687), started when not running
// and then stopped; its database is emptied.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import neo4j from "neo4j-driver";
import { ensureCartography, VENV_DIR } from "./cartography/cartography.mjs";
import { compareGraphs, dumpGraph, namesRead } from "./cartography/compare-context.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values: opts } = parseArgs({ options: { "keep-server": { type: "boolean", default: false } } });
const port = Number(process.env.SCOUTGRAPH_NEO4J_PORT ?? "7687");
const uri = `bolt://127.0.0.1:${port}`;
const TAG = 1760000000; // the seed's update tag
const neo4jScript = join(root, "scripts", "neo4j.mjs");
const dist = (...p) => join(root, "dist", ...p);
const { seedStatements, writeContextReports, ECR, digest } = await import(dist("test", "insights", "support", "context-seed.js"));

/** The Cypher the report (and sync's Image lookup) runs: what "read by the report" means. */
async function reportQueries() {
  const context = await import(dist("src", "insights", "context", "context-queries.js"));
  const fleet = await import(dist("src", "insights", "queries.js"));
  const sync = await import(dist("src", "graph", "cypher", "neo4j.js"));
  const strings = (m) => Object.values(m).filter((v) => typeof v === "string");
  return [...strings(context), ...strings(fleet), fleet.imagesQuery("neo4j"), sync.IMAGE_DIGESTS_PAGE_QUERY];
}

const WIPE = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS";

async function compareWithSeed(session) {
  await session.run(WIPE);
  for (const s of [...seedStatements("seed-block-a.cypher"), ...seedStatements("seed-block-b.cypher")]) await session.run(s);
  const seed = await dumpGraph(session);
  await session.run(WIPE);
  const started = Date.now();
  // Cartography 0.143.0 warns on every import that it is tested on Python 3.13+ only (contract §11.1).
  const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1", PYTHONWARNINGS: "ignore::DeprecationWarning" };
  const py = spawnSync(join(VENV_DIR, "bin", "python"), [join(root, "scripts", "cartography", "load-context.py"), uri, String(TAG)], { stdio: "inherit", env });
  if (py.status !== 0) throw new Error("Cartography's loaders failed (see above)");
  console.log(`Cartography's loaders and jobs took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const cart = await dumpGraph(session);
  const { differences, outOfScope } = compareGraphs(seed, cart, namesRead(await reportQueries()));
  const count = (g) => `${g.nodes.size} nodes, ${g.rels.size} relationships`;
  console.log(`seed: ${count(seed)}; Cartography wrote ${count(cart)}`);
  console.log(`not in the seed (contract §10 leaves them out): ${[...outOfScope].map(([k, n]) => `${k} ${n}`).join(", ") || "nothing"}`);
  if (differences.length === 0) console.log("the seed equals what Cartography wrote (every node, relationship and property in its scope)");
  else console.log(`${differences.length} DIFFERENCE(S) between the seed and Cartography (update test/fixtures/context):\n  ${differences.join("\n  ")}`);
  return differences.length === 0;
}

/** The contract's scenario table (§10), each conclusion as a check on `report --format json`. */
function scenarioChecks(report) {
  const img = (pair) => report.images.find((i) => i.digest === digest(pair))?.context ?? {};
  const where = (c) => (c.runtime?.workloads ?? []).map((w) => `${w.name} (${w.namespace}, ${w.cluster})${w.exposed ? " exposed" : ""}`).join(", ");
  const owner = (c) => (c.owner ? `${c.owner.repository} ${c.owner.provider} ${c.owner.dockerfile} ${c.owner.matchMethod} ${c.owner.confidence}` : "none");
  const cov = report.coverage ?? { runningWithoutReport: [], containersWithoutImage: [] };
  const batch = cov.runningWithoutReport.find((u) => u.reference === `${ECR}/batch-worker@${digest("d1")}`);
  return [
    ["payments-api amd64 (a1) runs exposed in payments-api", `${img("a1").tier}: ${where(img("a1"))}`, "exposed: payments-api (payments, prod-eks) exposed"],
    ["payments-api arm64 (a2) runs exposed in payments-api", `${img("a2").tier}: ${where(img("a2"))}`, "exposed: payments-api (payments, prod-eks) exposed"],
    ["a1 and a2 are owned by acme/payments-api via provenance", `${owner(img("a1"))} | ${owner(img("a2"))}`,
      "acme/payments-api github docker/Dockerfile provenance 1 | acme/payments-api github docker/Dockerfile provenance 1"],
    ["a1's revision", img("a1").owner?.revision, "4f2c9e1d0b7a6c5e4d3b2a19081726354f6e7d8c"],
    ["a1 is built on internal platform/python-base:3.12, a2 on a public base", `${img("a1").internalBase?.name ?? "none"} | ${img("a2").internalBase?.name ?? "none"}`,
      `${ECR}/platform/python-base:3.12 | none`],
    ["web-frontend (c1) runs, not exposed", `${img("c1").tier}: ${where(img("c1"))}`, "running: web-frontend (web, prod-eks)"],
    ["c1 is owned by acme/web-frontend via its Dockerfile", owner(img("c1")), "acme/web-frontend gitlab deploy/Dockerfile dockerfile_analysis 0.98"],
    ["python-base (b1) is only in the registry, no owner", `${img("b1").tier}, owner ${owner(img("b1"))}`, "not-running, owner none"],
    ["the nginx sidecar's image is not in the graph", cov.containersWithoutImage.map((u) => u.reference).join(", "), `nginx@${digest("e1")}`],
    ["batch-worker (d1) runs only in the bare pod (the terminated Job is not counted), no workload", batch ? `${batch.runtime.runningContainers} running, workloads [${batch.runtime.workloads.map((w) => w.name)}], namespaces ${batch.runtime.namespaces}` : "not listed",
      "1 running, workloads [], namespaces batch"],
    ["running without a report: only batch-worker", cov.runningWithoutReport.map((u) => u.reference).join(", "), `${ECR}/batch-worker@${digest("d1")}`],
  ];
}

function reportOnGraph(dir) {
  writeContextReports(join(dir, "reports"));
  const cli = (args) => spawnSync(process.execPath, [dist("src", "cli", "main.js"), ...args], { encoding: "utf8" });
  const sync = cli(["sync", "--quiet", "--docker-scout-source", join(dir, "reports"), "--neo4j-uri", uri]);
  if (sync.status !== 0) throw new Error(`sync failed: ${sync.stderr}`);
  const out = cli(["report", "--neo4j-uri", uri, "--format", "json", "--max-age", "7d"]);
  if (out.status !== 0) throw new Error(`report failed: ${out.stderr}`);
  const report = JSON.parse(out.stdout);
  let ok = true;
  for (const [what, actual, expected] of scenarioChecks(report)) {
    const pass = actual === expected;
    ok &&= pass;
    console.log(`${pass ? "ok  " : "FAIL"} ${what}: ${actual}${pass ? "" : `  (expected ${expected})`}`);
  }
  console.log(`reports older than 7 days: ${(report.coverage?.staleReports ?? []).map((s) => s.targetImage).join(", ") || "none"}`);
  console.log(ok ? "scenario table: every conclusion holds on Cartography's graph" : "scenario table: a conclusion does NOT hold (see above)");
  return ok;
}

let started = false;
let failed = false;
const dir = mkdtempSync(join(tmpdir(), "scoutgraph-context-"));
try {
  ensureCartography();
  if (spawnSync(process.execPath, [neo4jScript, "status"], { stdio: "ignore" }).status !== 0) {
    if (spawnSync(process.execPath, [neo4jScript, "start"], { stdio: "inherit" }).status !== 0) throw new Error("could not start Neo4j");
    started = true;
  }
  const driver = neo4j.driver(uri);
  const session = driver.session();
  try {
    if (!(await compareWithSeed(session))) failed = true;
  } finally {
    await session.close();
    await driver.close();
  }
  if (!reportOnGraph(dir)) failed = true;
} finally {
  rmSync(dir, { recursive: true, force: true });
  if (started && !opts["keep-server"]) spawnSync(process.execPath, [neo4jScript, "stop"], { stdio: "inherit" });
}
process.exit(failed ? 1 : 0);
