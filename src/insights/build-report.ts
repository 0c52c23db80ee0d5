// The pure model builder: rows read from the graph -> a FleetReport (ranking, per-base aggregation,
// top actions, unmatched reports) and, when the graph has the Cartography context, runtime tiers,
// owners, internal bases, coverage and per-owner groups. No I/O, so it is unit-tested with hand-built rows.
import { normaliseTargetDigest } from "../graph/digest-index.js";
import { buildCoverage, staleReports } from "./context/coverage.js";
import { humanName, imageContext, normaliseDigest, TIER_ORDER } from "./context/image-context.js";
import type { ContextData } from "./context/read-context.js";
import { baseMatcher, imageMatcher } from "./filters.js";
import type { BaseRow, FleetRows, RecommendationRow } from "./queries.js";
import { addCounts, compareCounts, fixesAnything, meetsMinSeverity, rankCandidates, scaleCounts, ZERO } from "./ranking.js";
import {
  REPORT_SCHEMA_VERSION,
  type BaseEntry,
  type BaseRef,
  type Candidate,
  type CandidateRef,
  type Counts,
  type Coverage,
  type FleetReport,
  type ImageEntry,
  type RankBy,
  type ReportFilters,
  type Severity,
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
  const now = options.now ?? new Date();
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

  const context = rows.context ?? null;
  const allImages = imageEntries(rows, context, basesById, rankedFor, bestFor);
  const hasRuntime = context !== null && context.found.runtime.resolvedImages + context.found.runtime.workloadImages > 0;
  const rankBy: RankBy = filters.rankBy ?? (hasRuntime ? "exposure" : "fixes");

  const matchImage = imageMatcher(filters.image);
  const matchBase = baseMatcher(filters.base);
  const keep = (img: ImageEntry): boolean =>
    matchBase(img.base.name, img.base.id) &&
    matchImage(img.name, img.id) &&
    (filters.running !== true || (img.context?.tier ?? "not-running") !== "not-running") &&
    (filters.exposed !== true || img.context?.tier === "exposed");
  const images = allImages.filter(keep);

  const maxAge = filters.maxAgeSeconds ?? null;
  const stale =
    maxAge === null
      ? null
      : staleReports(rows.staleReports ?? [], (id) => baseRef(id, basesById.get(id)), now.getTime() / 1000).filter((r) =>
          matchBase(r.base.name, r.base.id) && matchImage(r.targetImage, r.targetImage),
        );
  const coverage = context !== null || maxAge !== null ? buildCoverage(context, allImages, stale, maxAge) : null;

  const core = assemble(images, { rows, basesById, rankedFor, bestFor, filters, rankBy, now });
  const unmatchedReports = findUnmatchedReports(rows, filters);
  const report: FleetReport = {
    ...core,
    summary: { ...core.summary, unmatchedReports: unmatchedReports.length },
    unmatchedReports,
    rankedBy: rankBy,
    context: context?.found ?? null,
    coverage,
    groups: null,
  };
  if (filters.groupBy === "owner") {
    const groups = ownerGroups(images);
    const fleetWide = coverage !== null && (coverage.containersWithoutImage.length > 0 || (coverage.staleReports ?? []).length > 0 || coverage.runningWithoutReport.some((u) => !u.owner));
    if (fleetWide && !groups.some((g) => g.owner === null)) groups.push({ owner: null, url: null, members: [] });
    report.groups = groups.map(({ owner, url, members }) => {
      const sub = assemble(members, { rows, basesById, rankedFor, bestFor, filters, rankBy, now });
      // An owner's uncovered images go to that owner; what has no owner (unknown images, stale reports) to "no known owner".
      const cov: Coverage | null =
        coverage === null
          ? null
          : {
              ...coverage,
              runningWithoutReport: coverage.runningWithoutReport.filter((u) => (u.owner?.repository ?? null) === owner),
              containersWithoutImage: owner === null ? coverage.containersWithoutImage : [],
              staleReports: coverage.staleReports === null ? null : owner === null ? coverage.staleReports : [],
            };
      return { owner, url, report: { ...sub, rankedBy: rankBy, context: null, coverage: cov, groups: null } };
    });
  }
  return report;
}

interface AssembleInput {
  rows: FleetRows;
  basesById: Map<string, BaseRow>;
  rankedFor: (baseId: string) => Candidate[];
  bestFor: (baseId: string) => Candidate | null;
  filters: ReportFilters;
  rankBy: RankBy;
  now: Date;
}

/** Every (image, base) pair once, with its status and, when the graph has it, its context. */
function imageEntries(
  rows: FleetRows,
  context: ContextData | null,
  basesById: Map<string, BaseRow>,
  rankedFor: (baseId: string) => Candidate[],
  bestFor: (baseId: string) => Candidate | null,
): ImageEntry[] {
  const images: ImageEntry[] = [];
  const seen = new Set<string>();
  for (const row of rows.images) {
    // With context the same digest in two registries is one image (contract §2.1, §8.2).
    const identity = context !== null && row.imageDigest ? normaliseDigest(row.imageDigest) : row.imageId;
    const key = `${identity}\u0000${row.baseId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const base = baseRef(row.baseId, basesById.get(row.baseId));
    const candidates = rankedFor(base.id);
    const best = bestFor(base.id);
    const entry: ImageEntry = {
      id: row.imageId,
      name: row.imageName,
      digest: row.imageDigest,
      base,
      status: best ? "update-available" : candidates.some((c) => fixesAnything(c.fixes)) ? "below-min-severity" : "up-to-date",
      best: best ? candidateRef(best) : null,
      others: candidates.filter((c) => c !== best).map((c) => c.id),
      context: null,
    };
    if (context !== null) {
      const ctx = imageContext(row.imageDigest, context);
      entry.name = humanName(row.imageName, ctx.tags, context.reportTargets.get(normaliseDigest(row.imageDigest)) ?? []);
      entry.context = context.found.any || ctx.tags.length > 0 ? ctx : null;
    }
    images.push(entry);
  }
  return images;
}

const tierRank = (img: ImageEntry): number => TIER_ORDER[img.context?.tier ?? "not-running"];
const fixesOf = (img: ImageEntry): Counts => img.best?.fixes ?? ZERO;

function compareImages(rankBy: RankBy): (a: ImageEntry, b: ImageEntry) => number {
  const byName = (a: ImageEntry, b: ImageEntry): number => byString(a.name, b.name) || byString(a.id, b.id) || byString(a.base.id, b.base.id);
  if (rankBy === "fixes") return byName;
  return (a, b) => tierRank(a) - tierRank(b) || compareCounts(fixesOf(a), fixesOf(b)) || byName(a, b);
}

/** Top actions and bases weigh the same way: fleet fixes on exposed images, then on running ones, then all. */
function compareBases(rankBy: RankBy): (a: BaseEntry, b: BaseEntry) => number {
  const tail = (a: BaseEntry, b: BaseEntry): number => compareCounts(a.fleetFixes, b.fleetFixes) || b.imageCount - a.imageCount || byString(a.id, b.id);
  if (rankBy === "fixes") return tail;
  const weighted = (b: BaseEntry, n: number | undefined): Counts => (b.bestUpdate ? scaleCounts(b.bestUpdate.fixes, n ?? 0) : ZERO);
  return (a, b) =>
    compareCounts(weighted(a, a.exposedImages), weighted(b, b.exposedImages)) ||
    compareCounts(weighted(a, a.runningImages), weighted(b, b.runningImages)) ||
    tail(a, b);
}

/** Sorted images, their bases, the top actions and the summary, for a set of images. */
function assemble(
  picked: ImageEntry[],
  { basesById, rankedFor, bestFor, filters, rankBy, now, rows }: AssembleInput,
): Omit<FleetReport, "unmatchedReports"> & { unmatchedReports: UnmatchedReport[] } {
  const images = [...picked].sort(compareImages(rankBy));
  const imagesByBase = new Map<string, ImageEntry[]>();
  for (const img of images) {
    const list = imagesByBase.get(img.base.id);
    if (list) list.push(img);
    else imagesByBase.set(img.base.id, [img]);
  }
  const bases: BaseEntry[] = [...imagesByBase].map(([baseId, members]) => {
    const row = basesById.get(baseId);
    const best = bestFor(baseId);
    const ids = members.map((m) => m.id);
    const entry: BaseEntry = {
      ...baseRef(baseId, row),
      version: row?.version ?? null,
      digest: row?.digest ?? null,
      imageCount: ids.length,
      images: [...ids].sort(byString),
      bestUpdate: best,
      fleetFixes: best ? scaleCounts(best.fixes, ids.length) : { ...ZERO },
      fleetIntroduces: best ? scaleCounts(best.introduces, ids.length) : { ...ZERO },
      candidates: rankedFor(baseId),
    };
    if (rows.context) {
      entry.runningImages = members.filter((m) => (m.context?.tier ?? "not-running") !== "not-running").length;
      entry.exposedImages = members.filter((m) => m.context?.tier === "exposed").length;
    }
    return entry;
  });
  bases.sort(compareBases(rankBy));

  const topActions: TopAction[] = bases
    .filter((b): b is BaseEntry & { bestUpdate: Candidate } => b.bestUpdate !== null)
    .slice(0, Math.max(0, filters.top))
    .map((b, i) => {
      const action: TopAction = {
        position: i + 1,
        base: { id: b.id, name: b.name, tag: b.tag },
        to: b.bestUpdate,
        imageCount: b.imageCount,
        images: b.images,
        fleetFixes: b.fleetFixes,
        fleetIntroduces: b.fleetIntroduces,
      };
      if (b.runningImages !== undefined) action.runningImages = b.runningImages;
      if (b.exposedImages !== undefined) action.exposedImages = b.exposedImages;
      return action;
    });

  const updateTag = rows.bases.reduce<number | null>((max, b) => (b.lastUpdated !== null && (max === null || b.lastUpdated > max) ? b.lastUpdated : max), null);
  const syncedAt = updateTag === null ? null : epochSecondsToIso(updateTag);

  return {
    version: REPORT_SCHEMA_VERSION,
    generatedAt: now.toISOString(),
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
      unmatchedReports: 0,
      topActionsFix: topActions.reduce((sum, a) => addCounts(sum, a.fleetFixes), { ...ZERO }),
      fleetFixable: bases.reduce((sum, b) => addCounts(sum, b.fleetFixes), { ...ZERO }),
    },
    topActions,
    bases,
    images,
    unmatchedReports: [],
  };
}

/** An update tag as a time, when it is one (a custom `--update-tag` may be any integer). */
function epochSecondsToIso(seconds: number): string | null {
  const ms = seconds * 1000;
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : null;
}

/** One group per owner repository (alphabetical), then the images with no known owner. */
function ownerGroups(images: readonly ImageEntry[]): { owner: string | null; url: string | null; members: ImageEntry[] }[] {
  const groups = new Map<string | null, { owner: string | null; url: string | null; members: ImageEntry[] }>();
  for (const img of images) {
    const owner = img.context?.owner ?? null;
    const key = owner?.repository ?? null;
    const group = groups.get(key) ?? { owner: key, url: owner?.url ?? null, members: [] };
    group.members.push(img);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => (a.owner === null ? 1 : b.owner === null ? -1 : byString(a.owner, b.owner)));
}

/** Whether any image left after the filters has an update fixing at least one vulnerability at or above `severity` (`--fail-on`). */
export function failsGate(report: FleetReport, severity: Severity): boolean {
  const bases = new Map(report.bases.map((b) => [b.id, b]));
  return report.images.some((img) => (bases.get(img.base.id)?.candidates ?? []).some((c) => meetsMinSeverity(c.fixes, severity)));
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
