// readReports over a real local folder: order kept, concurrency bounded and used, read failures
// and listing problems become outcomes, a listing error surfaces after what was listed before it.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ScoutgraphError } from "../../src/errors.js";
import { readReports, type ReadOutcome } from "../../src/sources/read-reports.js";
import { openReportSource } from "../../src/sources/registry.js";
import type { ReportRef, ReportSource } from "../../src/sources/report-source.js";

async function folder(count: number): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "scoutgraph-read-"));
  for (let i = 0; i < count; i++) await writeFile(join(root, `r${String(i).padStart(3, "0")}.txt`), `report ${i}`);
  return root;
}

/** The real local source, with its reads slowed and counted while in flight. */
function instrumented(source: ReportSource) {
  const stats = { inFlight: 0, maxInFlight: 0 };
  const wrapped: ReportSource = {
    uri: source.uri,
    list: () => source.list(),
    close: () => source.close(),
    async read(ref: ReportRef) {
      stats.inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      try {
        await new Promise((r) => setTimeout(r, 5 + (Number(ref.name.slice(1, 4)) % 3) * 5));
        return await source.read(ref);
      } finally {
        stats.inFlight -= 1;
      }
    },
  };
  return { wrapped, stats };
}

async function collect(iterable: AsyncIterable<ReadOutcome>): Promise<ReadOutcome[]> {
  const out: ReadOutcome[] = [];
  for await (const o of iterable) out.push(o);
  return out;
}

test("keeps listing order, runs up to `concurrency` reads at once and no more", async () => {
  const root = await folder(40);
  const { wrapped, stats } = instrumented(await openReportSource(root));
  const outcomes = await collect(readReports(wrapped, { concurrency: 4 }));
  assert.deepEqual(
    outcomes.map((o) => (o.status === "read" ? o.bytes.toString() : o.status)),
    Array.from({ length: 40 }, (_, i) => `report ${i}`),
  );
  assert.equal(stats.maxInFlight, 4);
});

test("a read failure is an outcome and the rest are still read", async () => {
  const root = await folder(3);
  const source = await openReportSource(root);
  const refs: ReportRef[] = [];
  for await (const ref of source.list()) refs.push(ref);
  await rm(join(root, "r001.txt"));
  async function* listed() {
    yield* refs;
  }
  const outcomes = await collect(readReports(source, { concurrency: 2 }, listed()));
  assert.deepEqual(
    outcomes.map((o) => o.status),
    ["read", "failed", "read"],
  );
  const failed = outcomes[1];
  assert.ok(failed?.status === "failed" && failed.error instanceof ScoutgraphError && failed.error.code === "READ");
});

test("a listing error comes after the outcomes listed before it", async () => {
  const root = await folder(3);
  const source = await openReportSource(root);
  async function* failing() {
    let n = 0;
    for await (const ref of source.list()) {
      if (n++ === 2) throw new ScoutgraphError("SOURCE", "second page failed");
      yield ref;
    }
  }
  const seen: string[] = [];
  await assert.rejects(async () => {
    for await (const o of readReports(source, { concurrency: 8 }, failing())) seen.push(o.ref.name);
  }, /second page failed/);
  assert.deepEqual(seen, ["r000.txt", "r001.txt"]);
});

test("stopping early stops the listing", async () => {
  const root = await folder(20);
  const source = await openReportSource(root);
  let listed = 0;
  async function* counted() {
    for await (const ref of source.list()) {
      listed += 1;
      yield ref;
    }
  }
  for await (const o of readReports(source, { concurrency: 2 }, counted())) {
    if (o.ref.name === "r001.txt") break;
  }
  assert.ok(listed <= 4, `listed ${listed}`);
});
