// The rows `scoutgraph report` would read from a graph synced from generated reports 0..count-1
// (generate-reports.ts), built in memory without a store, so renderer benchmarks and browser tests
// of big fleets are quick. Like a sync, the first report of a base decides its recommendations.
import type { FleetRows, RecommendationRow } from "../../src/insights/queries.js";
import type { Counts } from "../../src/insights/types.js";
import type { VulnerabilityCounts } from "../../src/report/types.js";
import { generateModel } from "./generate-reports.js";

const diff = (a: VulnerabilityCounts, b: VulnerabilityCounts): Counts => ({
  critical: Math.max(0, a.critical - b.critical),
  high: Math.max(0, a.high - b.high),
  medium: Math.max(0, a.medium - b.medium),
  low: Math.max(0, a.low - b.low),
});

export function generatedFleetRows(count: number): FleetRows {
  const rows: FleetRows = { storeKind: "embedded", images: [], bases: [], recommendations: [] };
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const { report } = generateModel(i);
    const base = report.base_image;
    if (base === null) continue;
    const baseId = `${base.name}:${base.ref_tag}`;
    const target = report.target.image ?? `generated-${i}`;
    rows.images.push({ imageId: target, imageName: target, imageDigest: report.target.digest, baseId });
    if (seen.has(baseId)) continue;
    seen.add(baseId);
    rows.bases.push({ id: baseId, name: base.name, tag: base.ref_tag, version: base.runtime, digest: base.digest, lastUpdated: 1767323045 });
    const tags = new Set<string>();
    report.recommendations.forEach((rec, rank) => {
      if (tags.has(rec.tag)) return;
      tags.add(rec.tag);
      const row: RecommendationRow = {
        baseId,
        tagId: `${base.name}:${rec.tag}`,
        name: base.name,
        tag: rec.tag,
        alternativeTags: rec.alternative_tags,
        size: rec.size,
        flavor: rec.flavor,
        os: rec.os,
        runtime: rec.runtime,
        isSlim: rec.slim,
        benefits: rec.benefits,
        category: rec.section,
        scoutRank: rank + 1,
        fixes: diff(base.vulnerabilities, rec.vulnerabilities),
        introduces: diff(rec.vulnerabilities, base.vulnerabilities),
      };
      rows.recommendations.push(row);
    });
  }
  return rows;
}
