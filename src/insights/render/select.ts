// `--sections` and `--limit` for the formats that carry the report's data as lists (JSON, CSV,
// HTML): a copy of the report with the sections not asked for emptied and every list cut to the
// limit (best first, as the table and markdown show them), and how many entries each list lost,
// so a reader is told what is missing. Summaries stay the whole fleet's. Pure.
import type { Coverage, FleetReport, ImageEntry } from "../types.js";
import { showsSection, type ReportSection } from "./sections.js";
import { imagesByFixes } from "./text.js";

/** Entries left out per list, keyed by the list's JSON path (`images`, `coverage.runningWithoutReport`). */
export type Omitted = Record<string, number>;

export interface SelectOptions {
  sections?: readonly ReportSection[] | undefined;
  /** Entries per list; 0 or absent for all. Top actions are bounded by --top, not by this. */
  limit?: number | undefined;
}

export interface Selected {
  report: FleetReport;
  omitted: Omitted;
}

/** True when the options can leave anything out (else the report is used as it is). */
export const selects = (o: SelectOptions): boolean => o.sections !== undefined || (o.limit !== undefined && o.limit > 0);

export function selectReport(report: FleetReport, options: SelectOptions): Selected {
  const omitted: Omitted = {};
  const limit = options.limit !== undefined && options.limit > 0 ? options.limit : Infinity;
  const shows = (s: ReportSection): boolean => showsSection(options.sections, s);
  /** The first `limit` of `list` (nothing when the section is not shown); what is cut is counted under `key`. */
  const cut = <T>(key: string, shown: boolean, list: readonly T[]): T[] => {
    const kept = shown ? list.slice(0, key === "topActions" ? Infinity : limit) : [];
    if (kept.length < list.length) omitted[key] = list.length - kept.length;
    return kept;
  };

  // Images (which the context section lists too): the best `limit` by the report's ranking, kept in the report's own order.
  const ranked = imagesByFixes(report.images, report.rankedBy === "exposure");
  const keep = new Set<ImageEntry>(cut("images", shows("images") || (shows("context") && report.context?.any === true), ranked));
  const withContext = shows("context");
  const images = report.images.filter((i) => keep.has(i)).map((i) => (withContext || !i.context ? i : { ...i, context: null }));

  let coverage: Coverage | null | undefined = report.coverage;
  if (coverage) {
    coverage = {
      ...coverage,
      runningWithoutReport: cut("coverage.runningWithoutReport", shows("coverage"), coverage.runningWithoutReport),
      containersWithoutImage: cut("coverage.containersWithoutImage", shows("coverage"), coverage.containersWithoutImage),
      staleReports: coverage.staleReports === null ? null : cut("coverage.staleReports", shows("coverage"), coverage.staleReports),
    };
  }
  const selected: FleetReport = {
    ...report,
    topActions: cut("topActions", shows("top"), report.topActions),
    bases: cut("bases", shows("bases"), report.bases),
    images,
    unmatchedReports: cut("unmatchedReports", shows("unmatched"), report.unmatchedReports),
    coverage,
    groups: report.groups ? report.groups.map((g) => ({ ...g, report: selectReport(g.report, options).report })) : (report.groups ?? null),
  };
  if (Object.keys(omitted).length > 0) selected.omitted = omitted;
  return { report: selected, omitted };
}
