// How recommendations are ordered: critical fixed, then high, medium, low (more is better); on a
// tie a refresh before a change; then Docker Scout's own order (its `rank`); then the tag id, so
// the order never depends on the order rows came back in.
import { SEVERITIES, type Candidate, type Counts, type Severity } from "./types.js";

export const ZERO: Counts = Object.freeze({ critical: 0, high: 0, medium: 0, low: 0 });

export function compareCounts(a: Counts, b: Counts): number {
  for (const s of SEVERITIES) if (a[s] !== b[s]) return b[s] - a[s];
  return 0;
}

export function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    compareCounts(a.fixes, b.fixes) ||
    (a.category === b.category ? 0 : a.category === "refresh" ? -1 : 1) ||
    (a.scoutRank ?? Number.MAX_SAFE_INTEGER) - (b.scoutRank ?? Number.MAX_SAFE_INTEGER) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function rankCandidates(candidates: readonly Candidate[]): Candidate[] {
  return [...candidates].sort(compareCandidates);
}

/** Severities at or above `min`, e.g. high -> [critical, high]. */
export function severitiesAtOrAbove(min: Severity): Severity[] {
  return SEVERITIES.slice(0, SEVERITIES.indexOf(min) + 1);
}

export function fixesAnything(c: Counts): boolean {
  return SEVERITIES.some((s) => c[s] > 0);
}

/** Whether the counts include at least one vulnerability at or above `min`. */
export function meetsMinSeverity(c: Counts, min: Severity): boolean {
  return severitiesAtOrAbove(min).some((s) => c[s] > 0);
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { critical: a.critical + b.critical, high: a.high + b.high, medium: a.medium + b.medium, low: a.low + b.low };
}

export function scaleCounts(c: Counts, k: number): Counts {
  return { critical: c.critical * k, high: c.high * k, medium: c.medium * k, low: c.low * k };
}
