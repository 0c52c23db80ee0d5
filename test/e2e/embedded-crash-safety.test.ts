// Crash safety of the embedded store, by killing the real CLI: a multi-batch sync killed with
// SIGKILL or two Ctrl-Cs at several points, on a fresh store and on one holding an earlier graph,
// leaves a store that opens and holds the earlier graph or the complete new one, never a mix; the
// dead run's lock and copy do not block the next run, whose result equals a clean run's.
import { describe, test, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { writeReports } from "../../bench/support/generate-reports.js";
import { graphFingerprint, syncAndSignal, type SignalPlan } from "./embedded-crash-support.js";
import { runCli, tempDir } from "./sync-support.js";

const work = tempDir("scoutgraph-crash-");
const earlier = join(work, "earlier");
const later = join(work, "later");
// Reports 0-39 make the earlier graph; 20-79 the later one (some shared, so its cleanup deletes),
// written in 8 batches.
writeReports(earlier, 40, 0);
writeReports(later, 60, 20);
const LATER_ARGS = ["--docker-scout-source", later, "--batch-size", "8", "--update-tag", "200"];

async function cleanSync(store: string, source: string, tag: string): Promise<void> {
  const r = await runCli(["sync", "--docker-scout-source", source, "--store", store, "--batch-size", "8", "--update-tag", tag]);
  assert.equal(r.code, 0, r.stderr);
}

/** Files beside the store other than the store itself (the lock, copies, WAL files). */
const leftovers = (store: string): string[] => readdirSync(dirname(store)).filter((n) => n.startsWith(basename(store)) && n !== basename(store));

let earlierGraph: string | null = null;
let laterGraph: string | null = null;

before(async () => {
  const a = join(work, "clean-earlier.db");
  await cleanSync(a, earlier, "100");
  earlierGraph = await graphFingerprint(a);
  const b = join(work, "clean-later.db");
  await cleanSync(b, later, "200");
  laterGraph = await graphFingerprint(b);
  assert.ok(earlierGraph && laterGraph && earlierGraph !== laterGraph);
});

const KILL_POINTS: [string, SignalPlan][] = [
  ["at the first report", { afterParsed: 1, signals: ["SIGKILL"] }],
  ["after a few batches", { afterParsed: 20, signals: ["SIGKILL"] }],
  ["near the end of the writes", { afterParsed: 56, signals: ["SIGKILL"] }],
  ["during cleanup and publishing", { afterText: "Running Docker Scout cleanup", signals: ["SIGKILL"] }],
  ["by two Ctrl-Cs mid-run", { afterParsed: 16, signals: ["SIGINT", "SIGINT"] }],
  ["by two Ctrl-Cs during cleanup", { afterText: "Running Docker Scout cleanup", signals: ["SIGINT", "SIGINT"] }],
];

for (const existing of [false, true]) {
  describe(`a killed sync on ${existing ? "a store holding an earlier graph" : "a fresh store"}`, () => {
    for (const [where, plan] of KILL_POINTS) {
      test(`killed ${where}: the store opens with the ${existing ? "earlier" : "no"} graph or the complete new one`, { timeout: 120_000 }, async () => {
        const store = join(work, `${existing ? "existing" : "fresh"}-${where.replaceAll(" ", "-")}.db`);
        if (existing) await cleanSync(store, earlier, "100");
        const run = await syncAndSignal([...LATER_ARGS, "--store", store], plan);
        const graph = await graphFingerprint(store);
        const before = existing ? earlierGraph : null;
        assert.ok(graph === before || graph === laterGraph, `a mixed graph after the kill (exit ${String(run.code)}, signal ${String(run.signal)}, sent ${String(run.sent)})`);
        if (plan.signals.length === 2 && run.sent && run.code === 130) assert.match(run.stderr, /Interrupted again: exiting now; the store keeps the graph from before this run\./);
        // The next run is not blocked by the dead run's lock or copy, and ends as a clean run does.
        const again = await runCli(["sync", ...LATER_ARGS, "--store", store]);
        assert.equal(again.code, 0, again.stderr);
        assert.equal(await graphFingerprint(store), laterGraph);
        assert.deepEqual(leftovers(store), []);
      });
    }
  });
}

test("Ctrl-C once: the run stops, exit 130, and the store keeps the graph from before the run", { timeout: 120_000 }, async () => {
  const store = join(work, "ctrl-c-once.db");
  await cleanSync(store, earlier, "100");
  const run = await syncAndSignal([...LATER_ARGS, "--store", store], { afterParsed: 16, signals: ["SIGINT"] });
  assert.ok(run.sent);
  assert.equal(run.code, 130, run.stderr);
  assert.match(run.stdout, /^scoutgraph sync: interrupted/);
  assert.match(run.stderr, /Interrupted: stopped before the end; no cleanup; the store keeps the graph from before this run\./);
  assert.equal(await graphFingerprint(store), earlierGraph);
  assert.deepEqual(leftovers(store), []);
});

test("a second sync on a store being written refuses in one line; readers read the published graph", { timeout: 120_000 }, async () => {
  const store = join(work, "two-writers.db");
  await cleanSync(store, earlier, "100");
  const first = syncAndSignal([...LATER_ARGS, "--store", store], { afterParsed: 1_000_000, signals: [] });
  // Wait until the first run holds the lock.
  for (let i = 0; i < 200 && !existsSync(`${store}.lock`); i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(existsSync(`${store}.lock`), "the first sync never took the lock");
  const second = await runCli(["sync", ...LATER_ARGS, "--store", store]);
  const firstDone = await first;
  if (firstDone.code === 0 && !/is writing the store/.test(second.stderr)) return; // the first run ended before the second started
  assert.equal(second.code, 1, second.stderr);
  const lines = second.stderr.trim().split("\n").filter((l) => /is writing the store/.test(l));
  assert.equal(lines.length, 1, second.stderr);
  assert.match(lines[0] ?? "", /a scoutgraph sync \(pid \d+\) is writing the store .*two-writers\.db; retry when it has finished/);
  assert.equal(firstDone.code, 0, firstDone.stderr);
  assert.equal(await graphFingerprint(store), laterGraph);
});

test("query and report during a sync read a published graph, or say in one line that a sync is writing", { timeout: 180_000 }, async () => {
  for (const existing of [false, true]) {
    const store = join(work, `readers-${String(existing)}.db`);
    rmSync(store, { force: true });
    if (existing) await cleanSync(store, earlier, "100");
    const expected = existing ? [40, 60] : [60];
    const writer = syncAndSignal([...LATER_ARGS, "--store", store], { afterParsed: 1_000_000, signals: [] });
    let done = false;
    void writer.then(() => (done = true));
    // Before the writer has taken its lock a new store simply does not exist yet ("run sync first"):
    // that is not the race under test, so the readers start once the lock is there (or the run is over).
    for (let i = 0; i < 400 && !done && !existsSync(`${store}.lock`); i++) await new Promise((r) => setTimeout(r, 25));
    const outcomes: string[] = [];
    while (!done || outcomes.length < 4) {
      const q = await runCli(["query", "MATCH (r:DockerScoutReport) RETURN count(r) AS n", "--store", store, "--json"]);
      if (q.code === 0) {
        const n = (JSON.parse(q.stdout) as { n: number }[])[0]?.n ?? -1;
        assert.ok(expected.includes(n), `a reader saw ${n} reports (a mix?)`);
        outcomes.push(`read ${n}`);
      } else {
        assert.equal(q.code, 1, q.stderr);
        assert.match(q.stderr.trim(), /^scoutgraph: a scoutgraph sync \(pid \d+\) is writing the store .*; retry when it has finished$/);
        assert.ok(!existing, "a reader of a published store was refused");
        outcomes.push("busy");
      }
      const r = await runCli(["report", "--store", store, "--format", "json"]);
      if (r.code === 0) outcomes.push("report");
      else {
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stderr.trim(), /a scoutgraph sync \(pid \d+\) is writing the store .*; retry when it has finished$/);
        outcomes.push("report busy");
      }
      if (outcomes.length > 40) break;
    }
    assert.equal((await writer).code, 0);
    assert.ok(outcomes.length >= 4, outcomes.join(", "));
  }
});
