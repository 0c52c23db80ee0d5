// Wording shared by the renderers. Values from reports are returned raw here: each renderer
// escapes them for its own format.
import { TIER_ORDER } from "../context/image-context.js";
import { compareCounts } from "../ranking.js";
import { SEVERITIES, type Candidate, type CandidateRef, type Counts, type FleetReport, type ImageEntry, type ImageStatus, type UnmatchedReason } from "../types.js";

/** `12,345`: thousands separators, whatever the locale of the machine. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** `1C 5H 2M 0L`. */
export function countsShort(c: Counts): string {
  return `${thousands(c.critical)}C ${thousands(c.high)}H ${thousands(c.medium)}M ${thousands(c.low)}L`;
}

/** `0 critical / 74 high fixed`, the headline of a move; medium and low are added when nothing worse is. */
export function fixHeadline(c: Counts): string {
  const parts = [`${thousands(c.critical)} critical`, `${thousands(c.high)} high`];
  if (c.critical === 0 && c.high === 0) parts.push(`${thousands(c.medium)} medium`, `${thousands(c.low)} low`);
  return `${parts.join(" / ")} fixed`;
}

/**
 * `74 high fixed`, `27 medium / 27 low fixed`: the headline without its zero severities, for a
 * narrow cell (the terminal table), so what is cut when it still does not fit is only its end.
 */
export function fixHeadlineShort(c: Counts): string {
  const shown = c.critical > 0 || c.high > 0 ? SEVERITIES.slice(0, 2) : SEVERITIES;
  const parts = shown.filter((s) => c[s] > 0).map((s) => `${thousands(c[s])} ${s}`);
  return parts.length === 0 ? "nothing fixed" : `${parts.join(" / ")} fixed`;
}

/** `2 low` or `none`: what an update adds. */
export function introducedText(c: Counts): string {
  const parts = SEVERITIES.filter((s) => c[s] > 0).map((s) => `${thousands(c[s])} ${s}`);
  return parts.length === 0 ? "none" : parts.join(", ");
}

/** An image's candidates in full (they live once per base in the report). */
export function candidatesOf(report: FleetReport): (image: ImageEntry) => { best: Candidate | null; others: Candidate[] } {
  const byBase = new Map(report.bases.map((b) => [b.id, new Map(b.candidates.map((c) => [c.id, c]))]));
  return (image) => {
    const known = byBase.get(image.base.id);
    const others: Candidate[] = [];
    for (const id of image.others) {
      const c = known?.get(id);
      if (c) others.push(c);
    }
    return { best: image.best ? (known?.get(image.best.id) ?? null) : null, others };
  };
}

export function candidateLabel(c: CandidateRef): string {
  return `${c.tag} (${c.category}${c.scoutRank === null ? "" : ` #${c.scoutRank}`})`;
}

export function plural(n: number, word: string): string {
  return `${thousands(n)} ${word}${n === 1 ? "" : "s"}`;
}

/** What `22-alpine (change #2)` means, said once in every human-readable format. */
export const CANDIDATE_LEGEND =
  '"(change #N)": Docker Scout\'s Nth recommendation under "Change base image" (another tag); ' +
  '"(refresh #N)": under "Refresh base image" (the same tag, rebuilt).';

/**
 * Images with an update first, by what it fixes (critical, then high, medium, low), then by name.
 * With `byExposure` (the report was ranked by exposure) the runtime tier comes first: internet-exposed
 * and running, then running, then the rest.
 */
export function imagesByFixes(images: readonly ImageEntry[], byExposure = false): ImageEntry[] {
  const rank = (i: ImageEntry): number => (i.status === "update-available" ? 0 : i.status === "below-min-severity" ? 1 : 2);
  const tier = (i: ImageEntry): number => (byExposure ? TIER_ORDER[i.context?.tier ?? "not-running"] : 0);
  return [...images].sort(
    (a, b) =>
      tier(a) - tier(b) ||
      rank(a) - rank(b) ||
      (a.best && b.best ? compareCounts(a.best.fixes, b.best.fixes) : 0) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export const STATUS_TEXT: Record<ImageStatus, string> = {
  "update-available": "update available",
  "up-to-date": "up to date",
  "below-min-severity": "no update at this severity",
};

export const UNMATCHED_TEXT: Record<UnmatchedReason, string> = {
  "no-digest": "the report has no target digest",
  "no-matching-image": "no Image has this digest",
};
