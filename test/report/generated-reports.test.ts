// Round trip: the benchmark generator's reports (every layout variant: CRLF, ANSI console, padding,
// the three note forms, `v` marks, --only-refresh/--only-update) parse back to the model they were
// rendered from. Also checks the generator's promises to other benchmarks.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseReport } from "../../src/report/parse-report.js";
import { generateModel, generateReport, targetDigestFor } from "../../bench/support/generate-reports.js";

describe("generated reports", () => {
  test("parse back to their model", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const model = generateModel(i);
      const expected = structuredClone(model.report);
      if (model.format.note === "none" && expected.base_image !== null) expected.base_image.alternative_tags = [];
      assert.deepEqual(parseReport(generateReport(i)), expected, `report ${i} (${JSON.stringify(model.format)})`);
      seen.add(`${model.format.note}/${model.format.lineEnding === "\r\n"}/${model.format.ansi}`);
    }
    assert.ok(seen.size >= 10, `too few layout variants covered: ${[...seen].join(", ")}`);
  });

  test("are deterministic and have unique 12-hex target digests", () => {
    assert.equal(generateReport(42), generateReport(42));
    const digests = new Set<string>();
    for (let i = 0; i < 20000; i++) {
      const d = targetDigestFor(i);
      assert.match(d, /^[0-9a-f]{12}$/);
      digests.add(d);
    }
    assert.equal(digests.size, 20000);
    assert.equal(generateModel(7).report.target.digest, targetDigestFor(7));
  });
});
