// Property-based tests: the parser is total (never throws) and deterministic on any text, and the
// line-ending, BOM and trailing-space variants of one text parse identically (contract Part A D5).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import fc from "fast-check";
import { parseReport } from "../../src/report/parse-report.js";
import type { ParseResult } from "../../src/report/types.js";
import { generateReport } from "../../bench/support/generate-reports.js";
import { FIXTURE_REPORTS_DIR } from "../support/fixtures.js";

const SAMPLES = readdirSync(FIXTURE_REPORTS_DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(FIXTURE_REPORTS_DIR, f), "utf8"))
  .concat(Array.from({ length: 20 }, (_, i) => generateReport(i)));

/** Pieces of real reports, so random text reaches deep into the parser. */
const TOKENS = [
  "│", "• ", " ", "  ", "\n", "\r", "\r\n", "Benefits:", "Image details:", "## Recommended fixes", "Recommended fixes for image ",
  "Base image is ", "Target │ ", "digest │ ", "Name │ ", "Digest │ ", "Vulnerabilities │ ", "Slim │ ✓", "supported tag(s)",
  "If you want", "-", ",", "`", ".", "Refresh base image", "Change base image", "Also known as:", "0C", "12H", "7?", "+3",
  "\x1b[", "\x1b]", "\x1b", "m", "\x07", ":", "@", "/", "sha256:", "node", "22-alpine", "\ufeff", "\u2028", "\0",
];
const reportish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 200 }).map((parts) => parts.join(""));
const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.string({ unit: "grapheme", maxLength: 300 }), reportish);

/** A sample with truncations, line deletions and random insertions. */
const mutatedSample = fc
  .tuple(
    fc.constantFrom(...SAMPLES),
    fc.array(fc.tuple(fc.constantFrom("truncate", "delete-line", "insert"), fc.nat(), anyText), { minLength: 1, maxLength: 5 }),
  )
  .map(([text, mutations]) => {
    let out = text;
    for (const [kind, at, extra] of mutations) {
      const pos = out.length === 0 ? 0 : at % out.length;
      if (kind === "truncate") out = out.slice(0, pos);
      else if (kind === "insert") out = out.slice(0, pos) + extra + out.slice(pos);
      else {
        const lines = out.split("\n");
        lines.splice(at % Math.max(1, lines.length), 1);
        out = lines.join("\n");
      }
    }
    return out;
  });

function checkWellFormed(result: ParseResult): void {
  assert.equal(typeof result.is_report, "boolean");
  assert.ok(Array.isArray(result.recommendations));
  if (!result.is_report) assert.deepEqual(result, { target: null, base_image: null, recommendations: [], is_report: false });
  // The result is plain JSON data (what `scoutgraph parse --json` prints).
  assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
}

/** Variants of a text: LF, CRLF, CR, BOM, trailing spaces on every line. */
function variants(lfText: string): string[] {
  return [
    lfText,
    lfText.replaceAll("\n", "\r\n"),
    lfText.replaceAll("\n", "\r"),
    `\ufeff${lfText}`,
    lfText.split("\n").map((l) => `${l}   `).join("\n"),
    `\ufeff${lfText.split("\n").map((l) => `${l} \t`).join("\r\n")}`,
  ];
}

describe("parser properties", () => {
  test("never throws and gives well-formed results on arbitrary text", () => {
    fc.assert(fc.property(anyText, (text) => checkWellFormed(parseReport(text))), { numRuns: 2000 });
  });

  test("never throws on mutated reports", () => {
    fc.assert(fc.property(mutatedSample, (text) => checkWellFormed(parseReport(text))), { numRuns: 1000 });
  });

  test("is deterministic", () => {
    fc.assert(fc.property(fc.oneof(anyText, mutatedSample), (text) => assert.deepEqual(parseReport(text), parseReport(text))), { numRuns: 500 });
  });

  test("line-ending, BOM and trailing-space variants of a report parse identically", () => {
    for (const sample of SAMPLES) {
      const lf = sample.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
      const expected = parseReport(lf);
      for (const v of variants(lf)) assert.deepEqual(parseReport(v), expected);
    }
  });

  test("line-ending, BOM and trailing-space variants of arbitrary and mutated text parse identically", () => {
    const lfText = fc.oneof(anyText, mutatedSample).map((t) => t.replace(/^\ufeff+/, "").replace(/\r\n?/g, "\n"));
    fc.assert(
      fc.property(lfText, (text) => {
        const expected = parseReport(text);
        for (const v of variants(text)) assert.deepEqual(parseReport(v), expected);
      }),
      { numRuns: 1000 },
    );
  });
});
