import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { exitCodeOfSummary } from "../../src/cli/exit-codes.js";
import { formatTextLine } from "../../src/cli/logger.js";
import { formatProgress } from "../../src/cli/progress.js";
import { renderSummaryText } from "../../src/cli/render-summary.js";
import { tooLargeMessage } from "../../src/sources/options.js";
import { renderRowsJson, renderTable } from "../../src/cli/render-table.js";
import { SummaryRecorder } from "../../src/sync/summary.js";

function summary() {
  const rec = new SummaryRecorder("/reports", "embedded", 42, new Date("2026-01-01T00:00:00Z"));
  rec.summary.reports.listed = 3;
  rec.summary.reports.ingested = 1;
  rec.fail("/reports/bad.txt", "no `Base image is` line");
  return rec;
}

describe("summary", () => {
  test("text names each failure with its file and reason, and the cleanup decision", () => {
    const rec = summary();
    rec.summary.cleanup = { ran: false, reason: "1 report(s) failed to read or parse" };
    const text = renderSummaryText(rec.finish("partial"));
    assert.match(text, /^scoutgraph sync: partial/);
    assert.match(text, /3 listed, 1 ingested, .* 1 failed/);
    assert.match(text, /\/reports\/bad\.txt: no `Base image is` line/);
    assert.match(text, /cleanup +skipped: 1 report\(s\) failed/);
  });

  test("a skipped file whose reason already names it is named once (the size cap's message)", () => {
    const rec = summary();
    rec.skip("/reports/big.txt", tooLargeMessage("/reports/big.txt", 12 * 1024 * 1024, 10 * 1024 * 1024));
    const lines = renderSummaryText(rec.finish("partial")).split("\n").filter((l) => l.includes("big.txt"));
    assert.deepEqual(lines, ["  Skipping /reports/big.txt: 12.0 MiB is over the 10.0 MiB report size cap."]);
  });

  test("exit codes: ok 0, partial 3, nothing ingested with failures 1, interrupted 130, failed 1 or 2", () => {
    assert.equal(exitCodeOfSummary(new SummaryRecorder("s", "e", 1).finish("ok")), 0);
    assert.equal(exitCodeOfSummary(summary().finish("partial")), 3);
    const none = summary();
    none.summary.reports.ingested = 0;
    assert.equal(exitCodeOfSummary(none.finish("partial")), 1);
    assert.equal(exitCodeOfSummary(summary().finish("interrupted")), 130);
    assert.equal(exitCodeOfSummary(summary().finish("failed", { code: "STORE", message: "x" })), 1);
    assert.equal(exitCodeOfSummary(summary().finish("failed", { code: "USAGE", message: "x" })), 2);
  });

  test("unmatched digests keep a count and only the first examples", () => {
    const rec = new SummaryRecorder("s", "e", 1);
    for (let i = 0; i < 30; i++) rec.unmatched(`r${i}`);
    assert.equal(rec.summary.unmatchedDigests.count, 30);
    assert.equal(rec.summary.unmatchedDigests.examples.length, 20);
    assert.match(renderSummaryText(rec.finish("ok")), /\.\.\. and 10 more/);
  });
});

describe("progress and logs", () => {
  test("progress shows counts and rate, and an ETA once the listing is complete", () => {
    const p = { listed: 100, listingDone: false, read: 50, parsed: 45, written: 40, failed: 1 };
    assert.equal(formatProgress(p, 10_000), "read 50, parsed 45, written 40, failed 1 (5/s)");
    assert.equal(formatProgress({ ...p, listingDone: true }, 10_000), "[##########----------]  50% read 50/100, parsed 45, written 40, failed 1 (5/s, ETA 10s)");
    assert.equal(formatProgress({ ...p, listingDone: true, read: 100, listed: 100 }, 10_000).slice(0, 27), "[####################] 100%");
    assert.equal(formatProgress({ ...p, listingDone: true, read: 1, listed: 3 }, 10_000).slice(0, 27), "[######--------------]  33%");
  });

  test("a text log line has time, level, message and extra fields", () => {
    const line = formatTextLine({ level: "warn", time: "2026-01-01T10:11:12.345Z", msg: "Failed to parse a.txt: x", uri: "a.txt", n: 2 });
    assert.equal(line, "10:11:12.345 WARN  Failed to parse a.txt: x n=2\n");
  });
});

describe("query output", () => {
  test("a table has the returned columns in order, and JSON is an array of row objects", () => {
    const rows = [
      { id: "node:25", tags: ["a", "b"], fix: 2 },
      { id: "python:3.12", tags: [], fix: null },
    ];
    const table = renderTable(rows).split("\n");
    assert.match(table[0] ?? "", /^id +\| tags +\| fix$/);
    assert.match(table[2] ?? "", /^node:25 +\| \["a","b"\] \| 2$/);
    assert.match(renderTable(rows), /\(2 rows\)/);
    assert.deepEqual(JSON.parse(renderRowsJson(rows)), rows);
    assert.equal(renderTable([]), "(no rows)\n");
  });
});
