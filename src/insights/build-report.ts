// The pure model builder: rows read from the graph -> a FleetReport (ranking, per-base aggregation,
// top actions, unmatched reports). No I/O, so it is unit-tested with hand-built rows.
import { normaliseTargetDigest } from "../graph/digest-index.js";
import { baseMatcher, imageMatcher } from "./filters.js";
import type { BaseRow, FleetRows, RecommendationRow } from "./queries.js";
import { addCounts, compareCounts, fixesAnything, meetsMinSeverity, rankCandidates, scaleCounts, ZERO } from "./ranking.js";
import {
  REPORT_SCHEMA_VERSION,
  type BaseEntry,
  type BaseRef,
  type Candidate,
  type CandidateRef,
  type FleetReport,
  type ImageEntry,
  type ReportFilters,
  type TopAction,
  type UnmatchedReport,
} from "./types.js";

export interface BuildOptions {
  filters: ReportFilters;
  /** The report's timestamp (tests pin it). */
  now?: Date;
}

export const DEFAULT_FILTERS: ReportFilters = { image: null, base: null, minSeverity: "low", top: 5 };

export function toCandidate(row: RecommendationRow): Candidate {
  return {
    id: row.tagId,
    name: row.name,
    tag: row.tag,
    // A graph written by Cartography has no category: recommending the base's own tag is a refresh.
    category: row.category ?? (row.tagId === row.baseId ? "refresh" : "change"),
    scoutRank: row.scoutRank,
    fixes: { ...row.fixes },
    introduces: { ...row.introduces },
    benefits: [...row.benefits],
    alternativeTags: [...row.alternativeTags],
    size: row.size,
    flavor: row.flavor,
    os: row.os,
    runtime: row.runtime,
    isSlim: row.isSlim,
  };
}

export function candidateRef(c: Candidate): CandidateRef {
  return { id: c.id, tag: c.tag, category: c.category, scoutRank: c.scoutRank, fixes: c.fixes, introduces: c.introduces };
}

function baseRef(id: string, row: BaseRow | undefined): BaseRef {
  if (row) return { id: row.id, name: row.name, tag: row.tag };
  const colon = id.lastIndexOf(":");
  return colon === -1 ? { id, name: id, tag: "" } : { id, name: id.slice(0, colon), tag: id.slice(colon + 1) };
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function buildFleetReport(rows: FleetRows, options: BuildOptions): FleetReport {
  const { filters } = options;
  const basesById = new Map(rows.bases.map((b) => [b.id, b]));
  const candidatesByBase = new Map<string, Candidate[]>();
  for (const rec of rows.recommendations) {
    const list = candidatesByBase.get(rec.baseId) ?? [];
    list.push(toCandidate(rec));
    candidatesByBase.set(rec.baseId, list);
  }
  const ranked = new Map<string, Candidate[]>();
  const rankedFor = (baseId: string): Candidate[] => {
    let list = ranked.get(baseId);
    if (!list) ranked.set(baseId, (list = rankCandidates(candidatesByBase.get(baseId) ?? [], baseRef(baseId, basesById.get(baseId)).tag)));
    return list;
  };
  const bestFor = (baseId: string): Candidate | null =>
    rankedFor(baseId).find((c) => meetsMinSeverity(c.fixes, filters.minSeverity)) ?? null;

  const matchImage = imageMatcher(filters.image);
  const matchBase = baseMatcher(filters.base);

  const images: ImageEntry[] = [];
  const seen = new Set<string>();
  for (const row of rows.images) {
    const key = `${row.imageId}\u0000${row.baseId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const base = baseRef(row.baseId, basesById.get(row.baseId));
    if (!matchBase(base.name, base.id) || !matchImage(row.imageName, row.imageId)) continue;
    const candidates = rankedFor(base.id);
    const best = bestFor(base.id);
    images.push({
      id: row.imageId,
      name: row.imageName,
      digest: row.imageDigest,
      base,
      status: best ? "update-available" : candidates.some((c) => fixesAnything(c.fixes)) ? "below-min-severity" : "up-to-date",
      best: best ? candidateRef(best) : null,
      others: candidates.filter((c) => c !== best).map((c) => c.id),
    });
  }
  images.sort((a, b) => byString(a.name, b.name) || byString(a.id, b.id) || byString(a.base.id, b.base.id));

  const imagesByBase = new Map<string, string[]>();
  for (const img of images) {
    const ids = imagesByBase.get(img.base.id);
    if (ids) ids.push(img.id);
    else imagesByBase.set(img.base.id, [img.id]);
  }
  const bases: BaseEntry[] = [...imagesByBase].map(([baseId, ids]) => {
    const row = basesById.get(baseId);
    const best = bestFor(baseId);
    const sortedIds = [...ids].sort(byString);
    return {
      ...baseRef(baseId, row),
      version: row?.version ?? null,
      digest: row?.digest ?? null,
      imageCount: ids.length,
      images: sortedIds,
      bestUpdate: best,
      fleetFixes: best ? scaleCounts(best.fixes, ids.length) : { ...ZERO },
      fleetIntroduces: best ? scaleCounts(best.introduces, ids.length) : { ...ZERO },
      candidates: rankedFor(baseId),
    };
  });
  bases.sort((a, b) => compareCounts(a.fleetFixes, b.fleetFixes) || b.imageCount - a.imageCount || byString(a.id, b.id));

  const topActions: TopAction[] = bases
    .filter((b): b is BaseEntry & { bestUpdate: Candidate } => b.bestUpdate !== null)
    .slice(0, Math.max(0, filters.top))
    .map((b, i) => ({
      position: i + 1,
      base: { id: b.id, name: b.name, tag: b.tag },
      to: b.bestUpdate,
      imageCount: b.imageCount,
      images: b.images,
      fleetFixes: b.fleetFixes,
      fleetIntroduces: b.fleetIntroduces,
    }));

  const unmatchedReports = findUnmatchedReports(rows, filters);
  const updateTag = rows.bases.reduce<number | null>((max, b) => (b.lastUpdated !== null && (max === null || b.lastUpdated > max) ? b.lastUpdated : max), null);
  const syncedAt = updateTag === null ? null : epochSecondsToIso(updateTag);

  return {
    version: REPORT_SCHEMA_VERSION,
    generatedAt: (options.now ?? new Date()).toISOString(),
    syncedAt,
    updateTag,
    store: rows.storeKind,
    filters: { ...filters },
    summary: {
      images: images.length,
      bases: bases.length,
      imagesWithUpdate: images.filter((i) => i.status === "update-available").length,
      imagesUpToDate: images.filter((i) => i.status === "up-to-date").length,
      imagesBelowMinSeverity: images.filter((i) => i.status === "below-min-severity").length,
      unmatchedReports: unmatchedReports.length,
      topActionsFix: topActions.reduce((sum, a) => addCounts(sum, a.fleetFixes), { ...ZERO }),
      fleetFixable: bases.reduce((sum, b) => addCounts(sum, b.fleetFixes), { ...ZERO }),
    },
    topActions,
    bases,
    images,
    unmatchedReports,
  };
}

/** An update tag as a time, when it is one (a custom `--update-tag` may be any integer). */
function epochSecondsToIso(seconds: number): string | null {
  const ms = seconds * 1000;
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : null;
}

/**
 * Reports whose target linked no Image (read from the per-report records, DockerScoutReport
 * without REPORTS_ON), with the report filters applied: --image to the target, --base to the base.
 */
export function findUnmatchedReports(rows: FleetRows, filters: ReportFilters): UnmatchedReport[] {
  const basesById = new Map(rows.bases.map((b) => [b.id, b]));
  const matchImage = imageMatcher(filters.image);
  const matchBase = baseMatcher(filters.base);
  const out: UnmatchedReport[] = [];
  for (const row of rows.unmatchedReports ?? []) {
    const base = baseRef(row.baseId, basesById.get(row.baseId));
    const targetImage = row.targetImage ?? "";
    if (!matchBase(base.name, base.id) || !matchImage(targetImage, targetImage)) continue;
    const reason = normaliseTargetDigest(row.targetDigest) === "" ? "no-digest" : "no-matching-image";
    out.push({ targetImage, targetDigest: row.targetDigest, base, reason, source: row.source });
  }
  return out.sort((a, b) => byString(a.targetImage, b.targetImage) || byString(a.base.id, b.base.id) || byString(a.source ?? "", b.source ?? ""));
}
