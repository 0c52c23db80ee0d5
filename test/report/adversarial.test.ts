// Hostile 5 MB inputs: the parser scans lines with indexOf/split, so none of these can backtrack.
// The tests assert the result; the time is printed, never asserted (see bench/parse.ts for figures).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseReport } from "../../src/report/parse-report.js";
import type { ParseResult } from "../../src/report/types.js";

const MB5 = 5 * 1024 * 1024;
const HEAD = "  Target │ app:1\n    digest │ 0123456789ab\n## Recommended fixes\n  Base image is  node:22\n  Digest │ sha256:aa\n";
/** A complete last section, so the report is not taken for a truncated one. */
const TAIL = "\nChange base image\n  ✓ There are no tag recommendations at this time.\n";
/** A complete last block, for tests whose blocks are deliberately incomplete. */
const LAST_BLOCK = "   z │ Benefits: │ 1 day │ 0C 0H 0M 0L\n │ Image details: │ │\n │ • Size: 1 MB │ │\n";

function timed(name: string, text: string): ParseResult {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = parseReport(text);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuMs = process.cpuUsage(cpu).user / 1000;
  console.log(`# adversarial ${name}: ${(text.length / 1024 / 1024).toFixed(1)} M chars parsed in ${ms.toFixed(0)} ms (${cpuMs.toFixed(0)} ms CPU)`);
  return result;
}

describe("5 MB adversarial inputs", () => {
  test("one line of bars after the header", () => {
    const r = timed("bars", HEAD + "│".repeat(MB5) + TAIL);
    assert.equal(r.base_image?.name, "node");
    assert.deepEqual(r.recommendations, []);
  });

  test("a digit run in the Vulnerabilities row and an unterminated escape", () => {
    const r = timed("digits", `${HEAD}  Vulnerabilities │ ${"9".repeat(MB5)}C\x1b[${"0".repeat(MB5)}\n${TAIL}`);
    assert.deepEqual(r.base_image?.vulnerabilities, { critical: 0, high: 0, medium: 0, low: 0 });
  });

  test("hundreds of thousands of blocks and wrapped benefits", () => {
    const block = "   t │ Benefits: │ 1 day │ 1C\n │ • b │ │\n │ more │ │\n  • alias │ Image details: │ │\n";
    const r = timed("blocks", `${HEAD}Refresh base image\n${block.repeat(Math.ceil(MB5 / block.length))}${LAST_BLOCK}`);
    assert.equal(r.recommendations.length, Math.ceil(MB5 / block.length) + 1);
    assert.deepEqual(r.recommendations[0]?.benefits, ["b more"]);
  });

  test("more block rows than a function call takes arguments", () => {
    const count = 2 * Math.floor(MB5 / 24);
    // Two alternating rows: identical adjacent rows would be read as a console redraw.
    const r = timed("block starts", `${HEAD}Change base image\n${"a│Benefits:\nb│Benefits:\n".repeat(count / 2)}${LAST_BLOCK}`);
    assert.equal(r.recommendations.length, count + 1);
    assert.equal(r.recommendations[count]?.section, "change");
  });

  test("a supported-tags note of a million lines split after hyphens", () => {
    const r = timed("note", `${HEAD}  │ supported tag(s) a-\n${"  │ b-\n".repeat(MB5 / 7)}  │ c . If you want\n${TAIL}`);
    // Identical consecutive note lines are a console redraw: one of them is read.
    assert.deepEqual(r.base_image?.alternative_tags, ["a-b-c"]);
  });

  test("repeated headers, titles and markers on one huge line, and a text with no header", () => {
    const r = timed("markers", `${HEAD}${"Base image is ## Recommended fixes supported tag(s) `x`, ".repeat(MB5 / 56)}\n${TAIL}`);
    assert.equal(r.is_report, true);
    const none = timed("no header", "  Target │ x\n".repeat(MB5 / 14));
    assert.equal(none.is_report, false);
    const lines = timed("empty lines", "\r".repeat(MB5) + HEAD + TAIL);
    assert.equal(lines.base_image?.tag, "22");
  });
});
