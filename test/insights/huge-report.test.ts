// Issue 9: one report with 151,684 recommendations (9.9 MB) made `report` fail in every format
// (rows gathered with push(...rows) / Math.max(...cells)). The model and every renderer now take
// a base with that many candidates, and many images on it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildFleetReport, DEFAULT_FILTERS } from "../../src/insights/build-report.js";
import type { FleetRows, RecommendationRow } from "../../src/insights/queries.js";
import { FORMATS, render } from "../../src/insights/render/index.js";

const CANDIDATES = 151_684;

test("a base with 151,684 recommendations renders in every format", () => {
  const counts = (n: number) => ({ critical: n % 3, high: n % 5, medium: n % 7, low: n % 11 });
  const recommendations: RecommendationRow[] = [];
  for (let i = 0; i < CANDIDATES; i++) {
    recommendations.push({
      baseId: "node:20", tagId: `node:20-v${i}`, name: "node", tag: `20-v${i}`, alternativeTags: [], size: null, flavor: null, os: null,
      runtime: null, isSlim: null, benefits: [`benefit ${i}`], category: i % 2 === 0 ? "refresh" : "change", scoutRank: i,
      fixes: counts(i), introduces: counts(i + 1),
    });
  }
  const rows: FleetRows = {
    storeKind: "embedded",
    images: Array.from({ length: 3 }, (_, i) => ({ imageId: `app-${i}`, imageName: `app-${i}`, imageDigest: null, baseId: "node:20" })),
    bases: [{ id: "node:20", name: "node", tag: "20", version: null, digest: null, lastUpdated: null }],
    recommendations,
  };
  const report = buildFleetReport(rows, { filters: DEFAULT_FILTERS, now: new Date(0) });
  assert.equal(report.bases[0]?.candidates.length, CANDIDATES);
  for (const format of FORMATS) {
    const text = render(report, format, { color: false });
    assert.ok(text.length > 0, format);
  }
});
