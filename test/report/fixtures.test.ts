// Golden files: every sample report parses to its .expected.json (deep equality on the documented
// keys, in the documented order; extra keys may follow them).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parseReport } from "../../src/report/parse-report.js";
import { FIXTURE_REPORTS_DIR } from "../support/fixtures.js";
import { documentedPart } from "./documented-part.js";

const files = readdirSync(FIXTURE_REPORTS_DIR);
const reports = files.filter((f) => f.endsWith(".txt")).map((f) => f.slice(0, -".txt".length));
const expectations = files.filter((f) => f.endsWith(".expected.json")).map((f) => f.slice(0, -".expected.json".length));

describe("sample reports", () => {
  test("every .txt has an .expected.json and vice versa", () => {
    assert.ok(reports.length >= 13, `found only ${reports.length} sample reports`);
    assert.deepEqual([...reports].sort(), [...expectations].sort());
  });

  for (const name of reports) {
    test(`${name} parses to its expected JSON`, () => {
      const text = readFileSync(join(FIXTURE_REPORTS_DIR, `${name}.txt`), "utf8");
      const expected: unknown = JSON.parse(readFileSync(join(FIXTURE_REPORTS_DIR, `${name}.expected.json`), "utf8"));
      const result = parseReport(text);
      assert.deepEqual(documentedPart(expected, JSON.parse(JSON.stringify(result)), name), expected);
    });
  }

  test("the extra fields the graph needs are read from the samples", () => {
    const read = (name: string) => parseReport(readFileSync(join(FIXTURE_REPORTS_DIR, `${name}.txt`), "utf8"));
    const edge = read("edge-cache-rust-wrapped-tags");
    assert.ok(edge.is_report && edge.base_image !== null);
    assert.equal(edge.base_image.slim, true);
    assert.equal(edge.base_image.ref_tag, "1.84-slim-bookworm");
    assert.equal(edge.base_image.packages, "118");
    assert.equal(edge.base_image.pushed, "3 weeks ago");
    const news = read("newsletter-python-only-update");
    assert.ok(news.is_report && !("error" in news));
    assert.deepEqual(news.recommendations.map((r) => [r.slim, r.pushed]), [[true, "6 days ago"], [true, "6 days ago"]]);
    const kiosk = read("kiosk-ruby-legacy-header");
    assert.ok(kiosk.base_image !== null);
    assert.equal(kiosk.base_image.ref_tag, "3.0-alpine");
    assert.equal(kiosk.base_image.tag, "3.0-alpine3.18");
    const sample = read("cartography-sample");
    assert.ok(sample.base_image !== null);
    assert.equal(sample.base_image.slim, false);
    assert.deepEqual(sample.recommendations.map((r) => r.slim), [false, false, false, false]);
  });
});
