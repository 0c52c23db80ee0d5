// The main job end to end: `scoutgraph sync` (the built CLI, as a child process) on generated
// reports, into the embedded store and into Neo4j (--create-target-images, so both stores write the
// same graph). Prints reports/s and the CLI's peak RSS (VmHWM from /proc, polled); asserts nothing.
//
//   npm run bench:sync -- [--counts 1000,10000,100000] [--stores embedded,neo4j] [--batch-size N]
//
// Reports are generated once into .cache/bench-sync/reports/<count>/. The Neo4j is scripts/neo4j.mjs's
// on SCOUTGRAPH_NEO4J_PORT (default 7687), started and stopped here if it is not already running;
// its database is emptied before each run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { neo4jAnswers } from "./support/neo4j-admin.js";
import { freshStoreArgs, runSyncCli } from "./support/sync-cli.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const generator = join(root, "dist", "bench", "support", "generate-reports.js");
const neo4jScript = join(root, "scripts", "neo4j.mjs");
const cacheDir = join(root, ".cache", "bench-sync", "reports");
const workDir = join(root, ".cache", "bench-sync");

const { values: opts } = parseArgs({
  options: {
    counts: { type: "string", default: "1000,10000,100000" },
    stores: { type: "string", default: "embedded,neo4j" },
    "batch-size": { type: "string" },
  },
});
const counts = opts.counts.split(",").map(Number);
const stores = opts.stores.split(",");
const port = Number(process.env.SCOUTGRAPH_NEO4J_PORT ?? "7687");
const uri = `bolt://127.0.0.1:${port}`;

function reportsFor(count: number): string {
  const dir = join(cacheDir, String(count));
  if (existsSync(dir) && readdirSync(dir).length === count) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = spawnSync(process.execPath, [generator, "--count", String(count), "--out", dir], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`generating ${count} reports failed`);
  return dir;
}

const rows: string[] = [];
const print = (line: string): void => {
  rows.push(line);
  console.log(line);
};

let startedNeo4j = false;
try {
  if (stores.includes("neo4j") && !(await neo4jAnswers(uri))) {
    const r = spawnSync(process.execPath, [neo4jScript, "start"], { stdio: "inherit", env: { ...process.env, SCOUTGRAPH_NEO4J_PORT: String(port) } });
    if (r.status !== 0) throw new Error("could not start Neo4j");
    startedNeo4j = true;
  }
  mkdirSync(workDir, { recursive: true });
  print(`scoutgraph sync benchmark (node ${process.version}; batch size ${opts["batch-size"] ?? "default"})`);
  print("store     reports   seconds  reports/s  peak RSS MB  status");
  for (const count of counts) {
    const source = reportsFor(count);
    for (const store of stores) {
      const summaryPath = join(workDir, `summary-${store}-${count}.json`);
      rmSync(summaryPath, { force: true });
      const args = ["--docker-scout-source", source, "--summary-json", summaryPath];
      if (opts["batch-size"] !== undefined) args.push("--batch-size", opts["batch-size"]);
      args.push(...(await freshStoreArgs(store, { uri, embeddedPath: join(workDir, `embedded-${count}.db`) })));
      const r = await runSyncCli(args);
      const ingested = r.summary?.reports.ingested ?? 0;
      print(
        `${store.padEnd(9)} ${String(count).padStart(7)} ${r.seconds.toFixed(1).padStart(9)} ${(ingested / r.seconds).toFixed(0).padStart(10)} ${r.peakMb.toFixed(0).padStart(12)}  ${r.summary?.status ?? `exit ${r.code}`}`,
      );
      if (r.code !== 0) console.error(r.stderr.split("\n").slice(-5).join("\n"));
    }
  }
} finally {
  if (startedNeo4j) spawnSync(process.execPath, [neo4jScript, "stop"], { stdio: "inherit", env: { ...process.env, SCOUTGRAPH_NEO4J_PORT: String(port) } });
}
