import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { prepareFile } from "../../src/sync/prepare-file.js";
import { IN_THREAD_BYTES, PreparePool } from "../../src/sync/prepare-pool.js";
import { FIXTURE_REPORTS_DIR, IN_PRACTICE_DIR } from "../support/fixtures.js";

/** Every sample report, damaged and re-encoded ones included, plus the edge cases of bytes. */
function samples(): { name: string; bytes: Buffer }[] {
  const files = [FIXTURE_REPORTS_DIR, IN_PRACTICE_DIR].flatMap((dir) =>
    readdirSync(dir)
      .filter((n) => !n.endsWith(".json") && n !== "README.md")
      .map((n) => ({ name: n, bytes: readFileSync(join(dir, n)) })),
  );
  return [...files, { name: "empty", bytes: Buffer.alloc(0) }, { name: "binary", bytes: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]) }];
}

test("worker threads prepare every sample exactly as the calling thread does, each result to its own file", async () => {
  const pool = new PreparePool(2);
  try {
    const all = samples();
    assert.ok(all.length > 20, `only ${all.length} samples`);
    const expected = all.map((s) => prepareFile(s.bytes));
    // All at once, so both workers hold several files and replies can overtake each other.
    const got = await Promise.all(all.map((s) => pool.prepare(Buffer.from(s.bytes))));
    for (const [i, s] of all.entries()) assert.deepEqual(got[i], expected[i], s.name);
    const kinds = new Set(got.flatMap((f) => f.reports.map((r) => r.kind)));
    assert.deepEqual([...kinds].sort(), ["malformed", "no-base-image", "not-a-report", "report"]);
  } finally {
    await pool.close();
  }
});

test("a buffer that shares its memory is copied, not moved: the caller's bytes stay readable", async () => {
  const pool = new PreparePool(1);
  try {
    const report = readFileSync(join(FIXTURE_REPORTS_DIR, "cartography-sample.txt"));
    const backing = Buffer.alloc(report.length + 10);
    report.copy(backing, 5);
    const view = backing.subarray(5, 5 + report.length);
    const file = await pool.prepare(view);
    assert.equal(file.reports[0]?.kind, "report");
    assert.equal(view.length, report.length);
    assert.ok(view.equals(report));
  } finally {
    await pool.close();
  }
});

test("with no threads, files are prepared on the calling thread with the same results", async () => {
  const pool = new PreparePool(0);
  const sample = readFileSync(join(FIXTURE_REPORTS_DIR, "cartography-sample.txt"));
  assert.deepEqual(await pool.prepare(sample), prepareFile(sample));
  await pool.close();
});

test("a parse that throws in the worker rejects that file with the error, and the pool reports it", async () => {
  const pool = new PreparePool(1);
  try {
    // Not a Uint8Array: the parser throws inside the worker, as a parser bug would.
    await assert.rejects(pool.prepare({ byteOffset: 0, byteLength: 1, buffer: new ArrayBuffer(1) } as unknown as Uint8Array), /parsing failed/);
  } finally {
    await pool.close();
  }
});

test("a file over IN_THREAD_BYTES is prepared on the calling thread, with the same result, and starts no worker", async () => {
  const pool = new PreparePool(2);
  try {
    const report = readFileSync(join(FIXTURE_REPORTS_DIR, "cartography-sample.txt"));
    // The sample, padded past the threshold with trailing blank lines (a report ends at its table).
    const large = Buffer.concat([report, Buffer.alloc(IN_THREAD_BYTES + 1 - report.length, "\n")]);
    const got = await pool.prepare(large);
    assert.equal(pool.startedThreads, 0);
    assert.deepEqual(got, prepareFile(large));
    assert.equal(got.reports[0]?.kind, "report");
    await pool.prepare(Buffer.from(report));
    assert.equal(pool.startedThreads, 1, "a small file still goes to a worker");
  } finally {
    await pool.close();
  }
});
