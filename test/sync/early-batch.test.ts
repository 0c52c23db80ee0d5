// The read loop sends a smaller batch while the writer has nothing to do (run-sync.ts): with a
// real embedded store whose first write is held back, the first batch is the early minimum and
// the rest fill up to --batch-size, and every report still arrives once, in order.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { GraphBatch } from "../../src/graph/rows.js";
import { EmbeddedGraphStore } from "../../src/stores/embedded/embedded-graph-store.js";
import type { WriteContext } from "../../src/stores/graph-store.js";
import { runSync } from "../../src/sync/run-sync.js";
import { FIXTURE_REPORTS_DIR } from "../support/fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "scoutgraph-early-batch-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("a batch goes early while the writer is idle; later ones fill up to the batch size; no report is lost or reordered", async () => {
  const sample = readFileSync(join(FIXTURE_REPORTS_DIR, "cartography-sample.txt"), "utf8");
  const source = join(dir, "reports");
  mkdirSync(source);
  const count = 1_300;
  for (let i = 0; i < count; i++) {
    const target = `registry.example.test/team/app-${String(i).padStart(4, "0")}:1.0`;
    writeFileSync(join(source, `r${String(i).padStart(4, "0")}.txt`), sample.replace("registry.example.test/example/app:1.2.3", target));
  }
  const store = new EmbeddedGraphStore({ path: join(dir, "store"), bufferPoolBytes: 64 * 1024 * 1024 });
  const written: string[][] = [];
  const realWrite = store.writeBatch.bind(store);
  store.writeBatch = async (batch: GraphBatch, ctx: WriteContext) => {
    written.push(batch.reports.map((r) => r.source));
    // The first write is slow, so the pipeline runs ahead of it.
    if (written.length === 1) await sleep(500);
    return realWrite(batch, ctx);
  };
  try {
    const summary = await runSync({ source, store, batchSize: 1_000, updateTag: 1 });
    assert.equal(summary.reports.ingested, count);
    const sizes = written.map((w) => w.length);
    assert.equal(sizes[0], 500, `batch sizes ${sizes.join(", ")}`);
    assert.ok(sizes.every((n) => n <= 1_000), `batch sizes ${sizes.join(", ")}`);
    assert.ok(sizes.length >= 2, `batch sizes ${sizes.join(", ")}`);
    const order = written.flat();
    assert.deepEqual(order, [...order].sort());
    assert.equal(new Set(order).size, count);
    const [row] = await store.query("MATCH (r:DockerScoutReport) RETURN count(r) AS n");
    assert.equal(Number(row?.n), count);
  } finally {
    await store.close();
  }
});
