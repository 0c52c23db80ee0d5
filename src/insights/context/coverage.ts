// Pure: the coverage section. Running images no report covers, running containers whose image
// is not in the graph, and reports older than --max-age (contract cartography-context.md §8.3).
import type { BaseRef, Coverage, ImageEntry, StaleReport, UncoveredImage, UnknownImageContainers } from "../types.js";
import { humanName, imageContext, normaliseDigest, scanReference } from "./image-context.js";
import type { ContextData } from "./read-context.js";

export interface StaleReportRow {
  source: string | null;
  targetImage: string | null;
  targetDigest: string | null;
  baseId: string;
  /** Seconds since the epoch. */
  asOf: number;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function runningWithoutReport(data: ContextData, reported: ReadonlySet<string>): UncoveredImage[] {
  const digests = new Set([...data.runtime.keys(), ...data.workloads.keys()]);
  const out: UncoveredImage[] = [];
  for (const digest of digests) {
    if (digest === "" || reported.has(digest) || data.reportTargets.has(digest)) continue;
    const ctx = imageContext(digest, data);
    if (ctx.runtime === null) continue;
    const name = humanName(digest, ctx.tags, []);
    out.push({ digest, name, reference: scanReference(name, digest), tags: ctx.tags, runtime: ctx.runtime, owner: ctx.owner });
  }
  // Exposed first, then by running containers, then name: the scan order that matters most.
  return out.sort(
    (a, b) => Number(b.runtime.exposed) - Number(a.runtime.exposed) || b.runtime.runningContainers - a.runtime.runningContainers || byString(a.name, b.name),
  );
}

function containersWithoutImage(data: ContextData): UnknownImageContainers[] {
  const byRef = new Map<string, UnknownImageContainers>();
  for (const row of data.unknownImages) {
    const key = `${row.imageRef}\u0000${row.digest ?? ""}`;
    const had = byRef.get(key);
    if (had) {
      had.containers += row.containers;
      had.namespaces = [...new Set([...had.namespaces, ...row.namespaces])].sort();
      had.clusters = [...new Set([...had.clusters, ...row.clusters])].sort();
      had.exposed ||= row.exposed;
    } else {
      byRef.set(key, { ...row, reference: scanReference(row.imageRef, row.digest) });
    }
  }
  return [...byRef.values()].sort((a, b) => Number(b.exposed) - Number(a.exposed) || b.containers - a.containers || byString(a.imageRef, b.imageRef));
}

export function staleReports(rows: readonly StaleReportRow[], baseRef: (id: string) => BaseRef, nowSeconds: number): StaleReport[] {
  return rows
    .map((r) => ({
      source: r.source,
      targetImage: r.targetImage ?? "",
      targetDigest: r.targetDigest,
      base: baseRef(r.baseId),
      asOf: new Date(r.asOf * 1000).toISOString(),
      ageSeconds: Math.max(0, Math.round(nowSeconds - r.asOf)),
    }))
    .sort((a, b) => b.ageSeconds - a.ageSeconds || byString(a.targetImage, b.targetImage) || byString(a.source ?? "", b.source ?? ""));
}

export function buildCoverage(
  data: ContextData | null,
  images: readonly ImageEntry[],
  stale: StaleReport[] | null,
  maxAgeSeconds: number | null,
): Coverage {
  const reported = new Set(images.map((i) => normaliseDigest(i.digest)));
  return {
    runningWithoutReport: data ? runningWithoutReport(data, reported) : [],
    containersWithoutImage: data ? containersWithoutImage(data) : [],
    staleReports: stale,
    maxAgeSeconds,
  };
}
