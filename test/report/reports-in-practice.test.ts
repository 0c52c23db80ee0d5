// Report files as they reach a folder in practice (test/fixtures/reports-in-practice/README.md):
// each file's bytes parse to its .expected.json, and every damaged or re-encoded variant reads
// exactly like the clean report it came from.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { describeDamage, parseReportBytes } from "../../src/report/parse-bytes.js";
import { isMalformed, type ParseResult } from "../../src/report/types.js";
import { IN_PRACTICE_DIR } from "../support/fixtures.js";
import { documentedPart } from "./documented-part.js";

const files = readdirSync(IN_PRACTICE_DIR).filter((f) => !f.endsWith(".json") && !f.endsWith(".md") && !f.startsWith("."));
const bytesOf = (name: string): Buffer => readFileSync(join(IN_PRACTICE_DIR, name));
const parse = (name: string): ParseResult[] => parseReportBytes(bytesOf(name)).results;
const one = (name: string): ParseResult => {
  const results = parse(name);
  assert.equal(results.length, 1, `${name}: one report`);
  return results[0] as ParseResult;
};

describe("reports in practice", () => {
  test("every sample has an .expected.json", () => {
    assert.ok(files.length >= 20, `found only ${files.length} samples`);
    for (const f of files) assert.ok(readdirSync(IN_PRACTICE_DIR).includes(f.replace(/\.[a-z]+$/, ".expected.json")), f);
  });

  for (const name of files) {
    test(`${name} parses to its expected JSON`, () => {
      const expected: unknown = JSON.parse(readFileSync(join(IN_PRACTICE_DIR, name.replace(/\.[a-z]+$/, ".expected.json")), "utf8"));
      const results = parse(name);
      const actual: unknown = JSON.parse(JSON.stringify(results.length === 1 ? results[0] : results));
      assert.deepEqual(documentedPart(expected, actual, name), expected);
    });
  }

  test("UTF-16 (BOM or none), a UTF-8 BOM, DEC line drawing and console redraw read like the clean report", () => {
    const clean = one("orders-api-utf8.txt");
    for (const twin of ["orders-api-utf16le-bom.txt", "orders-api-utf16be-bom.txt", "orders-api-utf16le-no-bom.txt", "orders-api-utf8-bom.txt", "orders-api-dec-graphics.txt", "orders-api-console-redraw.txt"]) {
      assert.deepEqual(one(twin), clean, twin);
    }
    assert.deepEqual(
      ["orders-api-utf16le-bom.txt", "orders-api-utf16be-bom.txt", "orders-api-utf16le-no-bom.txt"].map((f) => parseReportBytes(bytesOf(f)).encoding),
      ["utf-16le", "utf-16be", "utf-16le-no-bom"],
    );
  });

  test("a console hard-wrap (note lines without `│`, wrapped delta cells) and a blank line after every row read like the clean report", () => {
    assert.deepEqual(one("warehouse-node-console-wrapped.txt"), one("warehouse-node-console.txt"));
  });

  test("an empty Target cell is null, the rest as in the report with a name", () => {
    const empty = one("warehouse-node-empty-target.txt");
    const named = one("warehouse-node-console.txt");
    assert.ok(empty.is_report && named.is_report);
    assert.deepEqual(empty.target, { image: null, digest: "41372890aa9d" });
    assert.deepEqual({ ...empty, target: named.target }, named);
  });

  test("several reports in one file are each parsed, in file order", () => {
    const all = parse("ci-log-three-reports.txt");
    assert.deepEqual(all, [one("orders-api-utf8.txt"), one("warehouse-node-console.txt"), parseReportBytes(readFileSync(join(IN_PRACTICE_DIR, "..", "reports", "kiosk-ruby-legacy-header.txt"))).results[0]]);
    const [first, second] = parse("ci-log-second-report-truncated.txt");
    assert.deepEqual(first, one("orders-api-utf8.txt"));
    assert.ok(second !== undefined && isMalformed(second) && second.error.startsWith("truncated:"));
  });

  test("a Latin-1 byte in a benefit is read as U+FFFD, with its byte offset for the warning", () => {
    const file = parseReportBytes(bytesOf("orders-api-latin1-in-benefit.txt"));
    const offset = bytesOf("orders-api-latin1-in-benefit.txt").indexOf(0xe9);
    assert.deepEqual(file.damage, { firstOffset: offset, count: 1 });
    assert.equal(describeDamage("utf-8", { firstOffset: offset, count: 1 }), `bytes not valid UTF-8 at byte offset ${offset} (read as U+FFFD)`);
    const clean = one("orders-api-utf8.txt");
    const damaged = file.results[0] as ParseResult;
    assert.ok(clean.is_report && damaged.is_report);
    assert.deepEqual(damaged.recommendations[1]?.benefits[2], "Tag is pr\ufffdferred tag");
    assert.deepEqual({ ...damaged, recommendations: clean.recommendations }, clean);
  });

  test("damage in a recommended tag or the base digest, and every detectable truncation, is a malformed report", () => {
    const cases: [string, RegExp][] = [
      ["orders-api-latin1-in-tag.txt", /identity field/],
      ["orders-api-cp1252-in-base-digest.txt", /identity field/],
      ["orders-api-truncated-after-base.txt", /^truncated: no `Refresh base image` or `Change base image` section/],
      ["orders-api-truncated-after-refresh-title.txt", /^truncated: the `Refresh base image` section has neither/],
      ["orders-api-truncated-before-vulnerabilities.txt", /^truncated: .*`3\.12-alpine` ends before its vulnerability cell/],
      ["orders-api-truncated-in-aliases.txt", /^truncated: .*`3\.12-alpine` ends before its `Image details`/],
    ];
    for (const [name, reason] of cases) {
      const r = one(name);
      assert.ok(isMalformed(r), `${name} is malformed`);
      assert.match(r.error, reason, name);
    }
  });

  test("an empty file and a binary file are not reports", () => {
    assert.equal(one("emptied-report.txt").is_report, false);
    assert.equal(one("screenshot.png").is_report, false);
    assert.equal(parseReportBytes(bytesOf("screenshot.png")).encoding, null);
  });
});
