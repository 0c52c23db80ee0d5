// Cartography's de-duplication of recommendation blocks (contract §1.11): within a section the last
// block of a tag wins at the first one's position; across sections the Change record replaces the
// Refresh one only when it has strictly more non-null keys. The parser keeps every block; this
// module decides which one the graph sees.
import type { Recommendation, VulnerabilityCounts } from "../report/types.js";
import { flavorProperty, inferOs } from "./os-inference.js";

/** Positive deltas `from - to` per severity, null where the delta is zero or negative. */
export interface SeverityDeltas {
  critical: number | null;
  high: number | null;
  medium: number | null;
  low: number | null;
}

const SEVERITIES = ["critical", "high", "medium", "low"] as const;

export function positiveDeltas(from: VulnerabilityCounts, to: VulnerabilityCounts): SeverityDeltas {
  const out: SeverityDeltas = { critical: null, high: null, medium: null, low: null };
  for (const s of SEVERITIES) {
    const d = from[s] - to[s];
    if (d > 0) out[s] = d;
  }
  return out;
}

/**
 * How many keys Cartography's record keeps after `drop_none`, minus the ones every record has:
 * size, flavor, os (inferred), runtime, and fix when at least one delta is positive.
 */
export function optionalKeyCount(rec: Recommendation, base: VulnerabilityCounts): number {
  const fix = positiveDeltas(base, rec.vulnerabilities);
  const values = [rec.size, flavorProperty(rec.flavor), inferOs(rec.tag, rec.flavor), rec.runtime];
  const hasFix = SEVERITIES.some((s) => fix[s] !== null);
  return values.filter((v) => v !== null).length + (hasFix ? 1 : 0);
}

function lastBlockPerTag(blocks: Recommendation[]): Map<string, Recommendation> {
  const byTag = new Map<string, Recommendation>();
  // Map.set on an existing key keeps its position: Python dict semantics.
  for (const block of blocks) byTag.set(block.tag, block);
  return byTag;
}

/** The recommendations the graph sees, in Cartography's order: Refresh tags, then new Change tags. */
export function mergeRecommendations(recs: Recommendation[], base: VulnerabilityCounts): Recommendation[] {
  const merged = lastBlockPerTag(recs.filter((r) => r.section === "refresh"));
  for (const [tag, change] of lastBlockPerTag(recs.filter((r) => r.section === "change"))) {
    const existing = merged.get(tag);
    if (existing === undefined || optionalKeyCount(change, base) > optionalKeyCount(existing, base)) {
      merged.set(tag, change);
    }
  }
  return [...merged.values()];
}
