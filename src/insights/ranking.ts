// How recommendations are ordered (docs/report-json.md "Ranking", README "Ranking"):
//   1. critical fixed, then high fixed (more is better);
//   2. on equal critical and high: one that introduces nothing before one that introduces anything;
//   3. then one that keeps the base's flavor and OS before one that changes them;
//   4. then medium, then low fixed; a refresh before a change; Docker Scout's own order (its `rank`);
//      then the tag id, so the order never depends on the order rows came back in.
// Rules 2 and 3 come before medium/low because a team applying the update cares more about not
// adding vulnerabilities and not switching distribution than about a few more low findings fixed.
import { SEVERITIES, type Candidate, type Counts, type Severity } from "./types.js";

export const ZERO: Counts = Object.freeze({ critical: 0, high: 0, medium: 0, low: 0 });

export function compareCounts(a: Counts, b: Counts): number {
  for (const s of SEVERITIES) if (a[s] !== b[s]) return b[s] - a[s];
  return 0;
}

/**
 * The variant of a tag: what follows its leading version, lower-cased (`20-alpine` -> `alpine`,
 * `3.11-slim-bookworm` -> `slim-bookworm`, `latest` -> `latest`, `1.36` -> ``).
 */
export function tagVariant(tag: string): string {
  return tag.toLowerCase().replace(/^v?\d+(?:\.\d+)*(?:-|$)/, "");
}

/** What "the base's flavor and OS" is: the refresh's (same tag, so same variant) when the graph has them, else the base tag's variant. */
export interface BaseIdentity {
  tag: string;
  flavor: string | null;
  os: string | null;
}

/** Whether a candidate keeps the base's flavor and OS (see BaseIdentity). */
export function keepsFlavorAndOs(c: Pick<Candidate, "tag" | "flavor" | "os">, base: BaseIdentity): boolean {
  if (base.flavor !== null || base.os !== null) return c.flavor === base.flavor && c.os === base.os;
  return tagVariant(c.tag) === tagVariant(base.tag);
}

/** The base's identity for keepsFlavorAndOs, from its candidates (the refresh carries the base's own tag). */
export function baseIdentity(baseTag: string, candidates: readonly Candidate[]): BaseIdentity {
  const refresh = candidates.find((c) => c.category === "refresh" && c.tag === baseTag) ?? candidates.find((c) => c.category === "refresh");
  return { tag: baseTag, flavor: refresh?.flavor ?? null, os: refresh?.os ?? null };
}

export function compareCandidates(a: Candidate, b: Candidate, base?: BaseIdentity): number {
  const keeps = (c: Candidate): number => (base === undefined || keepsFlavorAndOs(c, base) ? 0 : 1);
  const adds = (c: Candidate): number => (fixesAnything(c.introduces) ? 1 : 0);
  return (
    b.fixes.critical - a.fixes.critical ||
    b.fixes.high - a.fixes.high ||
    adds(a) - adds(b) ||
    keeps(a) - keeps(b) ||
    b.fixes.medium - a.fixes.medium ||
    b.fixes.low - a.fixes.low ||
    (a.category === b.category ? 0 : a.category === "refresh" ? -1 : 1) ||
    (a.scoutRank ?? Number.MAX_SAFE_INTEGER) - (b.scoutRank ?? Number.MAX_SAFE_INTEGER) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The candidates in ranking order; `baseTag` (the base image's tag) enables the flavor-and-OS rule. */
export function rankCandidates(candidates: readonly Candidate[], baseTag?: string): Candidate[] {
  const base = baseTag === undefined ? undefined : baseIdentity(baseTag, candidates);
  return [...candidates].sort((a, b) => compareCandidates(a, b, base));
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
