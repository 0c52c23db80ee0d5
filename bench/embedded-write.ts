// Write throughput of the embedded store (LadybugDB): the rows of N generated reports, built by the
// real parser and batch builder as `sync` does (1000 reports per batch, one Image node per target),
// written with EmbeddedGraphStore.writeBatch into a fresh file; then the same rows again (every
// MERGE matches) and a cleanup that finds nothing stale. Times the store only, not parsing.
//
//   node dist/bench/embedded-write.js [--count 10000] [--batch 1000] [--chunk 5000]
//
// Prints figures; asserts nothing.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { BatchBuilder } from "../src/graph/batch-builder.js";
import { DigestIndex } from "../src/graph/digest-index.js";
import type { GraphBatch } from "../src/graph/rows.js";
import { isParsed, parseReport } from "../src/report/index.js";
import { EmbeddedGraphStore } from "../src/stores/embedded/embedded-graph-store.js";
import { generateReport } from "./support/generate-reports.js";

const { values: opts } = parseArgs({
  options: {
    count: { type: "string", default: "10000" },
    batch: { type: "string", default: "1000" },
    chunk: { type: "string", default: "5000" },
  },
});
const count = Number(opts.count);
const perBatch = Number(opts.batch);

const builder = new BatchBuilder(DigestIndex.empty(), { createTargetImages: true });
const batches: GraphBatch[] = [];
for (let i = 0; i < count; i++) {
  const parsed = parseReport(generateReport(i));
  if (isParsed(parsed)) builder.add(parsed, `report-${i}`);
  if (builder.pending >= perBatch) batches.push(builder.take());
}
if (builder.pending > 0) batches.push(builder.take());
const rowsOf = (b: GraphBatch): number => Object.values(b).reduce((n: number, rows: unknown[]) => n + rows.length, 0);
const totalRows = batches.reduce((n, b) => n + rowsOf(b), 0);
const kinds = Object.fromEntries(Object.keys(batches[0] ?? {}).map((k) => [k, batches.reduce((n, b) => n + b[k as keyof GraphBatch].length, 0)]));

const dir = mkdtempSync(join(tmpdir(), "scoutgraph-bench-embedded-"));
const path = join(dir, "store");
const store = new EmbeddedGraphStore({ path, chunkRows: Number(opts.chunk) });
try {
  await store.prepare();
  for (const [label, tag] of [
    ["first write (creates)", 1],
    ["second write (all MERGEs match)", 2],
  ] as const) {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    let nodes = 0;
    let relationships = 0;
    for (const batch of batches) {
      const stats = await store.writeBatch(batch, { updateTag: tag });
      nodes += stats.nodes;
      relationships += stats.relationships;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    // On a shared host wall time includes waiting for a core; CPU time (all LadybugDB threads) does not.
    console.log(
      `${label}: ${totalRows} rows (${nodes} nodes, ${relationships} relationships) in ${seconds.toFixed(2)} s wall = ` +
        `${Math.round(totalRows / seconds)} rows/s, ${Math.round(count / seconds)} reports/s; CPU ${cpuSeconds.toFixed(2)} s = ${Math.round(totalRows / cpuSeconds)} rows per CPU-second`,
    );
  }
  const started = process.hrtime.bigint();
  const stats = await store.cleanup({ updateTag: 2 });
  console.log(`cleanup with nothing stale: ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms (${JSON.stringify(stats)})`);
  const startedStale = process.hrtime.bigint();
  const stale = await store.cleanup({ updateTag: 3 });
  console.log(`cleanup of everything: ${(Number(process.hrtime.bigint() - startedStale) / 1e9).toFixed(2)} s (${JSON.stringify(stale)})`);
} finally {
  await store.close();
}
console.log(`reports: ${count}, batches: ${batches.length}, rows by kind: ${JSON.stringify(kinds)}; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} cores`);
console.log(`store file: ${(statSync(path).size / 1e6).toFixed(1)} MB; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
rmSync(dir, { recursive: true, force: true });
