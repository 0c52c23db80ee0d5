#!/usr/bin/env node
// Keeps the context seed honest as Cartography changes (not in CI; like `npm run conformance`):
//
//   npm run context:cartography -- [--keep-server]
//
// 1. Loads the seed's block A (what Cartography's provider loaders wrote, test/fixtures/context)
//    into the project's Neo4j and runs Cartography's OWN exposure and ontology analysis jobs on it
//    (the pip release of scripts/cartography/cartography.mjs, offline: scripts/cartography/derive-context.py).
// 2. Compares the derived edges and exposure flags with those of block B + the seed as published:
//    a difference means Cartography changed and the seed (and the report's queries) must follow.
// 3. Syncs the context reports with the real CLI and runs `report --format json` on that graph,
//    printing each conclusion of the contract's scenario table.
//
// Not done here: regenerating block A itself with Cartography's provider loaders (ECR, Kubernetes,
// GitHub, GitLab with their getters patched, contract §11.3) — that needs the sdist's test data
// and API-shaped inputs; the seed's block A is the dump of such a run.
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

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values: opts } = parseArgs({ options: { "keep-server": { type: "boolean", default: false } } });
const port = Number(process.env.SCOUTGRAPH_NEO4J_PORT ?? "7687");
const uri = `bolt://127.0.0.1:${port}`;
const TAG = 1760000000;
const neo4jScript = join(root, "scripts", "neo4j.mjs");
const { seedStatements, writeContextReports } = await import(join(root, "dist", "test", "insights", "support", "context-seed.js"));

const DERIVED = `
MATCH (a)-[r:RESOLVED_IMAGE|HAS_RUNTIME_IMAGE]->(b)
RETURN a.id + ' -[:' + type(r) + (CASE WHEN r.exposed_internet IS NULL THEN '' ELSE ' exposed=' + toString(r.exposed_internet) END) + ']-> ' + b.id AS edge
UNION
MATCH (n) WHERE n.exposed_internet IS NOT NULL
RETURN n.id + ' exposed_internet=' + toString(n.exposed_internet) + ' ' + reduce(s = '', x IN coalesce(n.exposed_internet_type, []) | s + x + ',') AS edge`;

async function run(session, statements) {
  for (const s of statements) await session.run(s);
}

async function dump(session) {
  return (await session.run(DERIVED)).records.map((r) => r.get("edge")).sort();
}

function diff(expected, actual) {
  const e = new Set(expected);
  const a = new Set(actual);
  return [...expected.filter((x) => !a.has(x)).map((x) => `- ${x}`), ...actual.filter((x) => !e.has(x)).map((x) => `+ ${x}`)];
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
    const wipe = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS";
    await session.run(wipe);
    await run(session, [...seedStatements("seed-block-a.cypher"), ...seedStatements("seed-block-b.cypher")]);
    const expected = await dump(session);
    await session.run(wipe);
    // Block A without the exposure flags the exposure jobs write, so Cartography's jobs must recreate them.
    await run(session, seedStatements("seed-block-a.cypher"));
    await session.run("MATCH (n) WHERE n.exposed_internet IS NOT NULL AND NOT n:AWSLoadBalancerV2 REMOVE n.exposed_internet, n.exposed_internet_type");
    const py = spawnSync(join(VENV_DIR, "bin", "python"), [join(root, "scripts", "cartography", "derive-context.py"), uri, String(TAG)], { stdio: "inherit" });
    if (py.status !== 0) throw new Error("Cartography's analysis jobs failed");
    const actual = await dump(session);
    const d = diff(expected, actual);
    console.log(`derived by Cartography: ${actual.length} edges and flags; the seed's: ${expected.length}`);
    if (d.length > 0) {
      failed = true;
      console.log(`DIFFERENT from the seed (update test/fixtures/context):\n${d.join("\n")}`);
    } else console.log("identical to the seed's block B and exposure flags");
  } finally {
    await session.close();
    await driver.close();
  }

  writeContextReports(join(dir, "reports"));
  const cli = (args) => spawnSync(process.execPath, [join(root, "dist", "src", "cli", "main.js"), ...args], { encoding: "utf8" });
  const sync = cli(["sync", "--quiet", "--docker-scout-source", join(dir, "reports"), "--neo4j-uri", uri]);
  if (sync.status !== 0) throw new Error(`sync failed: ${sync.stderr}`);
  const out = cli(["report", "--neo4j-uri", uri, "--format", "json", "--max-age", "7d"]);
  if (out.status !== 0) throw new Error(`report failed: ${out.stderr}`);
  const report = JSON.parse(out.stdout);
  for (const img of report.images) {
    const c = img.context ?? {};
    const where = (c.runtime?.workloads ?? []).map((w) => `${w.name} (${w.namespace}, ${w.cluster})${w.exposed ? " exposed" : ""}`).join(", ") || "-";
    console.log(`${img.digest.slice(0, 16)}… ${img.name}: ${c.tier}; runs in ${where}; owner ${c.owner ? `${c.owner.repository} ${c.owner.dockerfile} ${c.owner.matchMethod} ${c.owner.confidence}` : "none"}; internal base ${c.internalBase?.name ?? "none"}`);
  }
  const cov = report.coverage;
  console.log(`running without report: ${cov.runningWithoutReport.map((u) => u.reference).join(", ") || "none"}`);
  console.log(`containers whose image is not in the graph: ${cov.containersWithoutImage.map((u) => u.reference).join(", ") || "none"}`);
  console.log(`reports older than 7 days: ${(cov.staleReports ?? []).map((s) => s.targetImage).join(", ") || "none"}`);
  const tiers = Object.fromEntries(report.images.map((i) => [i.digest.slice(7, 9), i.context?.tier]));
  const ok = tiers.a1 === "exposed" && tiers.a2 === "exposed" && tiers.c1 === "running" && tiers.b1 === "not-running" && cov.runningWithoutReport.length === 1 && cov.containersWithoutImage.length === 1;
  if (!ok) failed = true;
  console.log(ok ? "scenario table: every conclusion holds" : "scenario table: a conclusion does NOT hold (see above)");
} finally {
  rmSync(dir, { recursive: true, force: true });
  if (started && !opts["keep-server"]) spawnSync(process.execPath, [neo4jScript, "stop"], { stdio: "inherit" });
}
process.exit(failed ? 1 : 0);
