// `scoutgraph report` over a synced fleet of 10 000 generated reports, on the embedded store and
// on Neo4j. Times the built CLI end to end (process start to exit, per format) and, in process,
// the three phases: the graph reads, the model builder, each renderer. Prints figures; asserts nothing.
//
//   npm run bench:report -- [--count 10000] [--stores embedded,neo4j] [--runs 3]
//
// Reports are generated once into .cache/bench-report/reports-<count>/ (bench/support/generate-reports.ts)
// and synced with the real CLI (Neo4j with --create-target-images, so both stores hold the same
// graph). The Neo4j is scripts/neo4j.mjs's on SCOUTGRAPH_NEO4J_PORT (default 7687), started and
// stopped here when it is not already running; its database is emptied first.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { emptyNeo4jAt, neo4jAnswers } from "./support/neo4j-admin.js";
import { buildFleetReport, DEFAULT_FILTERS } from "../src/insights/build-report.js";
import { fetchFleetRows } from "../src/insights/queries.js";
import { FORMATS, render } from "../src/insights/render/index.js";
import { EmbeddedGraphStore } from "../src/stores/embedded/embedded-graph-store.js";
import { Neo4jGraphStore } from "../src/stores/neo4j/neo4j-graph-store.js";
import type { GraphStore } from "../src/stores/graph-store.js";
import { writeReports } from "./support/generate-reports.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const cliPath = join(root, "dist", "src", "cli", "main.js");
const neo4jScript = join(root, "scripts", "neo4j.mjs");
const workDir = join(root, ".cache", "bench-report");

const { values: opts } = parseArgs({
  options: {
    count: { type: "string", default: "10000" },
    stores: { type: "string", default: "embedded,neo4j" },
    runs: { type: "string", default: "3" },
  },
});
const count = Number(opts.count);
const runs = Math.max(1, Number(opts.runs));
const stores = opts.stores.split(",");
const port = Number(process.env.SCOUTGRAPH_NEO4J_PORT ?? "7687");
const uri = `bolt://127.0.0.1:${port}`;

function reportsDir(): string {
  // Its own folder: other benchmarks regenerate .cache/bench-reports/ while they run.
  const dir = join(workDir, `reports-${count}`);
  if (existsSync(dir) && readdirSync(dir).length === count) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeReports(dir, count);
  return dir;
}

function cli(args: string[]): Promise<{ seconds: number; code: number; bytes: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    let bytes = 0;
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (bytes += d.length));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, code: code ?? 1, bytes, stderr }));
  });
}



const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Wall and CPU milliseconds of one step (CPU is this process's, including the embedded store's threads). */
async function timed<T>(step: () => Promise<T> | T): Promise<{ value: T; wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = await step();
  const cpu = process.cpuUsage(c0);
  return { value, wall: Number(process.hrtime.bigint() - t0) / 1e6, cpu: (cpu.user + cpu.system) / 1000 };
}
const fmt = (t: { wall: number; cpu: number }): string => `${t.wall.toFixed(0)} ms (cpu ${t.cpu.toFixed(0)})`;

async function inProcess(store: GraphStore): Promise<string[]> {
  const read = await timed(() => fetchFleetRows(store));
  const rows = read.value;
  const build = await timed(() => buildFleetReport(rows, { filters: DEFAULT_FILTERS }));
  const lines = [
    `    in process: read ${fmt(read)}: ${rows.images.length} images, ${rows.bases.length} bases, ${rows.recommendations.length} recommendations`,
    `    in process: build ${fmt(build)}`,
  ];
  for (const f of FORMATS) lines.push(`    in process: render ${f.padEnd(8)} ${fmt(await timed(() => render(build.value, f, { color: false })))}`);
  return lines;
}

let startedNeo4j = false;
try {
  const source = reportsDir();
  mkdirSync(workDir, { recursive: true });
  console.log(`scoutgraph report benchmark: ${count} synced reports, node ${process.version}, ${runs} CLI runs per format (process start to exit)`);
  const startup = await cli(["--version"]);
  console.log(`node + scoutgraph start-up alone (--version): ${startup.seconds.toFixed(2)} s`);
  if (stores.includes("neo4j") && !(await neo4jAnswers(uri))) {
    const r = spawnSync(process.execPath, [neo4jScript, "start"], { stdio: "inherit", env: { ...process.env, SCOUTGRAPH_NEO4J_PORT: String(port) } });
    if (r.status !== 0) throw new Error("could not start Neo4j");
    startedNeo4j = true;
  }
  for (const kind of stores) {
    const db = join(workDir, `embedded-${count}.db`);
    const storeArgs = kind === "neo4j" ? ["--neo4j-uri", uri] : ["--store", db];
    if (kind === "neo4j") await emptyNeo4jAt(uri);
    else {
      rmSync(db, { force: true });
      rmSync(`${db}.wal`, { force: true });
    }
    const sync = await cli(["sync", "--quiet", "--docker-scout-source", source, ...storeArgs, ...(kind === "neo4j" ? ["--create-target-images"] : [])]);
    if (sync.code !== 0) throw new Error(`sync into ${kind} failed: ${sync.stderr.slice(-500)}`);
    console.log(`${kind}: synced in ${sync.seconds.toFixed(1)} s`);
    for (const format of FORMATS) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const r = await cli(["report", "--quiet", ...storeArgs, "--format", format]);
        if (r.code !== 0) throw new Error(`report --format ${format} on ${kind} failed: ${r.stderr.slice(-500)}`);
        times.push(r.seconds);
        bytes = r.bytes;
      }
      console.log(
        `  scoutgraph report --format ${format.padEnd(8)} median ${median(times).toFixed(2)} s, best ${Math.min(...times).toFixed(2)} s  (${(bytes / 1024).toFixed(0)} KiB)`,
      );
    }
    const store: GraphStore = kind === "neo4j" ? new Neo4jGraphStore({ uri }) : new EmbeddedGraphStore({ path: db, readOnly: true });
    try {
      for (const line of await inProcess(store)) console.log(line);
    } finally {
      await store.close();
    }
  }
} finally {
  if (startedNeo4j) spawnSync(process.execPath, [neo4jScript, "stop"], { stdio: "inherit", env: { ...process.env, SCOUTGRAPH_NEO4J_PORT: String(port) } });
}
