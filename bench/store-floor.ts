// scoutgraph sync against each store's floor, on generated fleets and on single large reports.
// For each fleet of N generated reports and each generated report with M recommendations (default
// 151,684: about 9.9 MB, the size from issue 9), it times the built CLI (`sync`, a child process)
// into a fresh embedded store and into an emptied Neo4j, and the Neo4j floor: the same rows
// (every report parsed and merged into one batch before the clock starts, converted to the
// driver's parameters too), written as one pre-built UNWIND statement per label and relationship
// type, one transaction each, with the store's own Cypher: no reading, parsing, batching, index
// or digest reads, cleanup or process start. The embedded floor is the same rows in sync's batches
// (--batch-size reports each), written with the store's own writeBatch into a fresh file in this
// process and published. Prints a line per run (seconds, peak RSS, load average) and scoutgraph's
// time over each floor; asserts nothing.
//
//   npm run bench:floor -- [--reports 10000[,100000]] [--recommendations 151684[,37921,...]]
//                          [--stores embedded,neo4j] [--repeat 1] [--floor-chunk N] [--batch-size N]
//
// --repeat runs sync and floor alternately that many times (the machine is shared: take the best).
// --batch-size is passed to sync (reports per write; its default otherwise).
// --floor-chunk splits the floor's statements into N-row transactions (default: none).
// --warmup-reports writes a fleet of that many reports (default 1,000; 0: none) before anything is
// timed: a just-started server compiles its write paths during the first minute, which made the
// first timed run up to 3x slower than the same run a minute later.
// Neo4j: scripts/neo4j.mjs's on SCOUTGRAPH_NEO4J_PORT (started and stopped here if not running).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import neo4j from "neo4j-driver";
import { BatchBuilder } from "../src/graph/batch-builder.js";
import { DigestIndex } from "../src/graph/digest-index.js";
import type { GraphBatch } from "../src/graph/rows.js";
import { isParsed, parseReport } from "../src/report/index.js";
import { EmbeddedGraphStore } from "../src/stores/embedded/embedded-graph-store.js";
import { Neo4jGraphStore, writeStatements } from "../src/stores/neo4j/neo4j-graph-store.js";
import { DEFAULT_BATCH_SIZE } from "../src/sync/run-sync.js";
import { writeReports } from "./support/generate-reports.js";
import { largeReport } from "./support/large-report.js";
import { emptyNeo4jAt, neo4jAnswers } from "./support/neo4j-admin.js";
import { freshStoreArgs, runSyncCli } from "./support/sync-cli.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const work = join(root, ".cache", "bench-floor");

const { values: opts } = parseArgs({
  options: {
    reports: { type: "string", default: "10000" },
    recommendations: { type: "string", default: "151684" },
    stores: { type: "string", default: "embedded,neo4j" },
    repeat: { type: "string", default: "1" },
    "floor-chunk": { type: "string" },
    "warmup-reports": { type: "string", default: "1000" },
    "batch-size": { type: "string" },
  },
});
const list = (text: string): number[] => text.split(",").filter((x) => x !== "").map(Number);
const stores = opts.stores.split(",");
const repeat = Math.max(1, Number(opts.repeat));
const floorChunk = opts["floor-chunk"] === undefined ? Number.MAX_SAFE_INTEGER : Number(opts["floor-chunk"]);
const port = Number(process.env.SCOUTGRAPH_NEO4J_PORT ?? "7687");
const uri = `bolt://127.0.0.1:${port}`;

/** Every row of the source as one merged batch, built as sync builds it (untimed). */
function prebuiltBatch(dir: string): GraphBatch {
  return prebuiltBatches(dir, Number.MAX_SAFE_INTEGER)[0] ?? new BatchBuilder(DigestIndex.empty(), { createTargetImages: true }).take();
}

/** The rows of the source in batches of `reportsPerBatch` reports, as sync's full batches are (untimed). */
function prebuiltBatches(dir: string, reportsPerBatch: number): GraphBatch[] {
  const builder = new BatchBuilder(DigestIndex.empty(), { createTargetImages: true });
  const batches: GraphBatch[] = [];
  for (const name of readdirSync(dir).sort()) {
    const parsed = parseReport(readFileSync(join(dir, name), "utf8"));
    if (isParsed(parsed)) builder.add(parsed, join(dir, name));
    if (builder.pending >= reportsPerBatch) batches.push(builder.take());
  }
  if (builder.pending > 0) batches.push(builder.take());
  return batches;
}

/**
 * The embedded floor: the same rows, in sync's batches, written into a fresh store with the
 * store's own writeBatch (one transaction each) and published (checkpoint, fsync, rename), in
 * this process: no process start, reading, parsing, batching or cleanup.
 */
async function embeddedFloor(dir: string): Promise<{ seconds: number; batches: number }> {
  const batches = prebuiltBatches(dir, opts["batch-size"] === undefined ? DEFAULT_BATCH_SIZE : Number(opts["batch-size"]));
  const path = join(work, "embedded-floor.db");
  for (const suffix of ["", ".wal"]) rmSync(path + suffix, { force: true });
  const store = new EmbeddedGraphStore({ path });
  try {
    await store.verifyConnectivity();
    await store.prepare();
    const started = process.hrtime.bigint();
    for (const batch of batches) await store.writeBatch(batch, { updateTag: 1 });
    await store.finishRun("commit");
    return { seconds: Number(process.hrtime.bigint() - started) / 1e9, batches: batches.length };
  } finally {
    await store.close();
  }
}

interface FloorResult {
  seconds: number;
  statements: number;
  rows: number;
  /** Rows per transaction when one per label did not fit the server's transaction memory. */
  chunk: number | null;
}

/** The server refused a transaction for its memory (dbms.memory.transaction.total.max). */
function isTransactionMemoryError(err: unknown): boolean {
  return (err as { code?: string }).code === "Neo.TransientError.General.MemoryPoolOutOfMemoryError";
}

/**
 * The floor: the store's own statements for the whole source, built before the clock, then run.
 * One transaction per label, unless a label's rows exceed the server's transaction memory (the
 * benchmark server's 512 MB heap allows about 350 MiB, under 75,000 rows): then, as a floor that
 * can run at all, Cartography's 10,000 rows per transaction.
 */
async function neo4jFloor(dir: string): Promise<FloorResult> {
  const batch = prebuiltBatch(dir);
  try {
    return await timedFloor(batch, floorChunk);
  } catch (err) {
    if (!isTransactionMemoryError(err) || floorChunk <= 10_000) throw err;
    return await timedFloor(batch, 10_000);
  }
}

async function timedFloor(batch: GraphBatch, chunk: number): Promise<FloorResult> {
  const statements = [...writeStatements(batch, { updateTag: 1 }, chunk)];
  await emptyNeo4jAt(uri);
  const store = new Neo4jGraphStore({ uri });
  try {
    await store.prepare(); // the indexes, as sync creates them before it writes
  } finally {
    await store.close();
  }
  const driver = neo4j.driver(uri, undefined, { maxTransactionRetryTime: 0 });
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run("RETURN 1"); // the connection, opened outside the clock
    const started = process.hrtime.bigint();
    for (const statement of statements) await session.executeWrite((tx) => tx.run(statement.cypher, statement.params));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { seconds, statements: statements.length, rows: statements.reduce((n, s) => n + s.rows, 0), chunk: chunk === floorChunk ? null : chunk };
  } finally {
    await session.close();
    await driver.close();
  }
}

const load = (): string => `load ${os.loadavg()[0]?.toFixed(1)}`;
const best = (xs: number[]): number => Math.min(...xs);

let startedNeo4j = false;
try {
  if (stores.includes("neo4j") && !(await neo4jAnswers(uri))) {
    const r = spawnSync(process.execPath, [join(root, "scripts", "neo4j.mjs"), "start"], { stdio: "inherit", env: { ...process.env, SCOUTGRAPH_NEO4J_PORT: String(port) } });
    if (r.status !== 0) throw new Error("could not start Neo4j");
    startedNeo4j = true;
  }
  const inputs: [string, string][] = [];
  for (const count of list(opts.reports)) {
    const fleet = join(work, `fleet-${count}`);
    if (!existsSync(fleet) || readdirSync(fleet).length !== count) {
      rmSync(fleet, { recursive: true, force: true });
      writeReports(fleet, count);
    }
    inputs.push([`${count} reports`, fleet]);
  }
  for (const n of list(opts.recommendations)) {
    const large = join(work, `large-${n}`);
    mkdirSync(large, { recursive: true });
    const text = largeReport(n);
    writeFileSync(join(large, "report.txt"), text);
    inputs.push([`1 report, ${n} recommendations, ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB`, large]);
  }

  if (stores.includes("neo4j") && Number(opts["warmup-reports"]) > 0) {
    const count = Number(opts["warmup-reports"]);
    const warm = join(work, `fleet-${count}`);
    if (!existsSync(warm) || readdirSync(warm).length !== count) {
      rmSync(warm, { recursive: true, force: true });
      writeReports(warm, count);
    }
    const w = await neo4jFloor(warm);
    console.log(`warm-up (untimed): the floor of ${count} reports in ${w.seconds.toFixed(1)} s`);
  }
  console.log(`scoutgraph sync vs the store floor (node ${process.version}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB)`);
  const summary: string[] = [];
  for (const [label, dir] of inputs) {
    const syncSeconds: Record<string, number[]> = {};
    const floorSeconds: number[] = [];
    const embeddedFloorSeconds: number[] = [];
    let floorRows = 0;
    for (let run = 1; run <= repeat; run++) {
      const tag = repeat > 1 ? ` [run ${run}/${repeat}]` : "";
      for (const store of stores) {
        const summaryPath = join(work, "summary.json");
        rmSync(summaryPath, { force: true });
        const args = ["--docker-scout-source", dir, "--summary-json", summaryPath];
        if (opts["batch-size"] !== undefined) args.push("--batch-size", opts["batch-size"]);
        args.push(...(await freshStoreArgs(store, { uri, embeddedPath: join(work, "embedded.db") })));
        const before = load();
        const r = await runSyncCli(args);
        // A skipped file (over the size cap, say) still exits 0: only a run that ingested counts.
        const ingested = r.summary?.reports.ingested ?? 0;
        if (r.code === 0 && ingested > 0) (syncSeconds[store] ??= []).push(r.seconds);
        console.log(
          `${label}${tag}: ${store} sync ${r.seconds.toFixed(1)} s, ${ingested} reports ingested, peak RSS ${r.peakMb.toFixed(0)} MB, exit ${r.code} (${before} before, ${load()} after)`,
        );
        if (r.code !== 0) console.error(r.stderr.split("\n").slice(-4).join("\n"));
      }
      if (stores.includes("embedded")) {
        const before = load();
        const floor = await embeddedFloor(dir);
        embeddedFloorSeconds.push(floor.seconds);
        console.log(`${label}${tag}: embedded floor ${floor.seconds.toFixed(1)} s (pre-built rows in ${floor.batches} writeBatch transactions, then published; ${before} before, ${load()} after)`);
      }
      if (stores.includes("neo4j")) {
        const before = load();
        const floor = await neo4jFloor(dir);
        floorSeconds.push(floor.seconds);
        floorRows = floor.rows;
        console.log(
          `${label}${tag}: neo4j floor ${floor.seconds.toFixed(1)} s (${floor.rows} pre-built rows in ${floor.statements} UNWIND statements, one transaction each${floor.chunk === null ? "" : `, ${floor.chunk} rows per transaction: one per label is over the server's transaction memory`}; ${before} before, ${load()} after)`,
        );
      }
    }
    for (const [store, xs] of Object.entries(syncSeconds)) {
      const floors = store === "neo4j" ? floorSeconds : embeddedFloorSeconds;
      const rate = store === "neo4j" ? `, sync ${(floorRows / best(xs)).toFixed(0)} rows/s` : "";
      const ratio = floors.length > 0 ? `, floor ${best(floors).toFixed(1)} s, sync/floor ${(best(xs) / best(floors)).toFixed(2)}x${rate}` : "";
      summary.push(`${label}: ${store} sync ${best(xs).toFixed(1)} s${ratio}${repeat > 1 ? ` (best of ${repeat})` : ""}`);
    }
  }
  console.log("\nsummary:");
  for (const line of summary) console.log(`  ${line}`);
} finally {
  if (startedNeo4j) spawnSync(process.execPath, [join(root, "scripts", "neo4j.mjs"), "stop"], { stdio: "inherit", env: { ...process.env, SCOUTGRAPH_NEO4J_PORT: String(port) } });
}
