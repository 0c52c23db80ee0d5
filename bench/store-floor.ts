// scoutgraph sync against each store's floor, and one very large report. For a fleet of N
// generated reports and for one generated report with M recommendations (default 151,684: about
// 9.9 MB, the size from issue 9), it times the built CLI (`sync`, a child process) into a fresh
// embedded store and into an emptied Neo4j, and the Neo4j floor: the same rows, parsed and merged
// before the clock starts, written by the store's own UNWIND statements as one batch (one
// pre-built UNWIND per label, no reading, parsing or cleanup). Prints seconds, peak RSS, the load
// average, and scoutgraph's time over the floor; asserts nothing.
//
//   npm run bench:floor -- [--reports 10000] [--recommendations 151684] [--stores embedded,neo4j]
//
// Neo4j: scripts/neo4j.mjs's on SCOUTGRAPH_NEO4J_PORT (started and stopped here if not running).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { BatchBuilder } from "../src/graph/batch-builder.js";
import { DigestIndex } from "../src/graph/digest-index.js";
import type { GraphBatch } from "../src/graph/rows.js";
import { isParsed, parseReport } from "../src/report/index.js";
import { Neo4jGraphStore } from "../src/stores/neo4j/neo4j-graph-store.js";
import { writeReports } from "./support/generate-reports.js";
import { emptyNeo4jAt, neo4jAnswers } from "./support/neo4j-admin.js";
import { runSyncCli } from "./support/sync-cli.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const work = join(root, ".cache", "bench-floor");

const { values: opts } = parseArgs({
  options: {
    reports: { type: "string", default: "10000" },
    recommendations: { type: "string", default: "151684" },
    stores: { type: "string", default: "embedded,neo4j" },
  },
});
const stores = opts.stores.split(",");
const port = Number(process.env.SCOUTGRAPH_NEO4J_PORT ?? "7687");
const uri = `bolt://127.0.0.1:${port}`;

/** One report with `n` one-line recommendations (distinct tags), as compact as Scout prints them. */
export function largeReport(n: number): string {
  const lines = [
    "  Target   │  ghcr.io/acme/monolith:1.0",
    "    digest │  0123456789ab",
    "",
    "## Recommended fixes",
    "",
    "  Base image is  node:20-alpine",
    "",
    "  Name            │  20-alpine",
    `  Digest          │  sha256:${"a".repeat(64)}`,
    "  Vulnerabilities │    1C     3H     8M    32L",
    "",
    "",
    "Change base image",
    "  The list displays new recommended tags in descending order, where the top results are rated as most suitable.",
    "",
    "",
    "        Tag        │  Details  │    Pushed    │   Vulnerabilities",
    "───────────────────┼───────────┼──────────────┼──────────────────────",
  ];
  for (let i = 0; i < n; i++) lines.push(`  20.${String(i).padStart(6, "0")}-alpine │ Benefits: │ 2 weeks ago  │  0C  ${i % 4}H  ${i % 9}M  ${i % 31}L`);
  return `${lines.join("\n")}\n`;
}

/** Every row of the source as one merged batch, built as sync builds it (untimed). */
function prebuiltBatch(dir: string): GraphBatch {
  const builder = new BatchBuilder(DigestIndex.empty(), { createTargetImages: true });
  for (const name of readdirSync(dir).sort()) {
    const parsed = parseReport(readFileSync(join(dir, name), "utf8"));
    if (isParsed(parsed)) builder.add(parsed, join(dir, name));
  }
  return builder.take();
}

async function neo4jFloor(dir: string): Promise<number> {
  const batch = prebuiltBatch(dir);
  await emptyNeo4jAt(uri);
  const store = new Neo4jGraphStore({ uri });
  try {
    await store.prepare();
    const started = process.hrtime.bigint();
    await store.writeBatch(batch, { updateTag: 1 });
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    await store.close();
  }
}

const load = (): string => `load ${os.loadavg()[0]?.toFixed(1)}`;

let startedNeo4j = false;
try {
  if (stores.includes("neo4j") && !(await neo4jAnswers(uri))) {
    const r = spawnSync(process.execPath, [join(root, "scripts", "neo4j.mjs"), "start"], { stdio: "inherit", env: { ...process.env, SCOUTGRAPH_NEO4J_PORT: String(port) } });
    if (r.status !== 0) throw new Error("could not start Neo4j");
    startedNeo4j = true;
  }
  const inputs: [string, string][] = [];
  const fleet = join(work, `fleet-${opts.reports}`);
  if (!existsSync(fleet) || readdirSync(fleet).length !== Number(opts.reports)) {
    rmSync(fleet, { recursive: true, force: true });
    writeReports(fleet, Number(opts.reports));
  }
  inputs.push([`${opts.reports} reports`, fleet]);
  const large = join(work, `large-${opts.recommendations}`);
  mkdirSync(large, { recursive: true });
  const text = largeReport(Number(opts.recommendations));
  writeFileSync(join(large, "report.txt"), text);
  inputs.push([`1 report, ${opts.recommendations} recommendations, ${(text.length / 1e6).toFixed(1)} MB`, large]);

  console.log(`scoutgraph sync vs the store floor (node ${process.version}, ${os.availableParallelism()} cores)`);
  for (const [label, dir] of inputs) {
    let neo4jSeconds: number | undefined;
    for (const store of stores) {
      const args = ["--docker-scout-source", dir];
      if (store === "neo4j") {
        await emptyNeo4jAt(uri);
        args.push("--neo4j-uri", uri, "--create-target-images");
      } else {
        const db = join(work, "embedded.db");
        rmSync(db, { force: true });
        args.push("--store", db);
      }
      const r = await runSyncCli(args);
      if (store === "neo4j") neo4jSeconds = r.seconds;
      console.log(`${label}: ${store} sync ${r.seconds.toFixed(1)} s, peak RSS ${r.peakMb.toFixed(0)} MB, exit ${r.code} (${load()})`);
      if (r.code !== 0) console.error(r.stderr.split("\n").slice(-4).join("\n"));
    }
    if (stores.includes("neo4j")) {
      const floor = await neo4jFloor(dir);
      const ratio = neo4jSeconds === undefined ? "" : `; scoutgraph sync / floor = ${(neo4jSeconds / floor).toFixed(2)}x`;
      console.log(`${label}: neo4j floor (pre-built rows, one UNWIND per label) ${floor.toFixed(1)} s${ratio} (${load()})`);
    }
  }
} finally {
  if (startedNeo4j) spawnSync(process.execPath, [join(root, "scripts", "neo4j.mjs"), "stop"], { stdio: "inherit", env: { ...process.env, SCOUTGRAPH_NEO4J_PORT: String(port) } });
}
