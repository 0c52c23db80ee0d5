// The data the HTML page carries: the FleetReport once, compact. Strings that repeat (tags,
// benefits, base ids) are interned in one `strings` table; images are column-oriented (one array
// per field) because a fleet has tens of thousands of them; what every image on a base shares
// (candidates, benefits) lives once on the base. The page's script (html-script.ts) decodes it.
// A per-image field added to ImageEntry becomes one more array in `images.extra`.
import { SEVERITIES, type Candidate, type Counts, type FleetReport, type ImageEntry, type ImageStatus } from "../types.js";
import { contextSections, type Section } from "./context-sections.js";
import { imagesByFixes } from "./text.js";

export const PAGE_DATA_FORMAT = "scoutgraph-page-1";
export const STATUSES: readonly ImageStatus[] = ["update-available", "up-to-date", "below-min-severity"];

type Quad = [number, number, number, number];
/** [tag, 0 refresh | 1 change, scoutRank, fixes, introduces, benefits, alternativeTags, size, flavor, os] (strings as indexes, -1 none). */
export type PageCandidate = [number, 0 | 1, number | null, Quad, Quad, number[], number[], number, number, number];
/** [id, imageCount, best candidate index (-1 none), fleetFixes, fleetIntroduces, candidates]. */
export type PageBase = [number, number, number, Quad, Quad, PageCandidate[]];

export interface PageData {
  format: typeof PAGE_DATA_FORMAT;
  strings: string[];
  bases: PageBase[];
  /** [base index, imageCount, fleetFixes, fleetIntroduces], in ranking order. */
  top: [number, number, Quad, Quad][];
  /** In the report's image order for people: by what the update fixes, then name. */
  images: {
    name: string[];
    /** The Image id when it differs from the name, else 0. */
    id: (string | 0)[];
    digest: (string | 0)[];
    base: number[];
    status: number[];
    /** Index of the recommended candidate in its base's list, -1 none. */
    best: number[];
    /** Further per-image columns (same length), keyed by field name. */
    extra: Record<string, unknown[]>;
  };
  unmatched: { target: string[]; digest: (string | 0)[]; base: number[]; reason: number[] };
  /** The context and coverage tables (context-sections.ts), rows of string indexes (numbers as they are in `num` columns). */
  tables: PageTable[];
  /** `--group-by owner`: one entry per owner, in the report's order; absent otherwise. */
  owners?: PageOwner[];
}

export interface PageTable {
  /** The section element's id; its table is `<id>-table`. */
  id: string;
  headers: string[];
  /** Per column: a count (sorted as a number). */
  num: boolean[];
  rows: number[][];
}

/**
 * [owner (string index, -1: no known owner), url (-1 none), images, with an update, fleetFixable,
 * running images without a report, top actions [base index, imageCount, fleetFixes], image rows (indexes into `images`)].
 */
export type PageOwner = [number, number, number, number, Quad, number, [number, number, Quad][], number[]];

/** The context tables' count columns (sorted and shown as numbers). */
const COUNT_HEADERS = new Set(["Containers", "Age (days)"]);

const quad = (c: Counts): Quad => SEVERITIES.map((s) => c[s]) as Quad;

/** `context`: the report's context and coverage sections as shown (contextSections), when the caller has them already. */
export function pageData(report: FleetReport, context: readonly Section[] = contextSections(report)): PageData {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const s = (v: string | null): number => {
    if (v === null) return -1;
    let i = index.get(v);
    if (i === undefined) index.set(v, (i = strings.push(v) - 1));
    return i;
  };
  const candidate = (c: Candidate): PageCandidate => [
    s(c.tag),
    c.category === "refresh" ? 0 : 1,
    c.scoutRank,
    quad(c.fixes),
    quad(c.introduces),
    c.benefits.map(s),
    c.alternativeTags.map(s),
    s(c.size),
    s(c.flavor),
    s(c.os),
  ];
  const baseIndex = new Map(report.bases.map((b, i) => [b.id, i]));
  const bases: PageBase[] = report.bases.map((b) => [
    s(b.id),
    b.imageCount,
    b.bestUpdate ? b.candidates.findIndex((c) => c.id === b.bestUpdate?.id) : -1,
    quad(b.fleetFixes),
    quad(b.fleetIntroduces),
    b.candidates.map(candidate),
  ]);
  const images: PageData["images"] = { name: [], id: [], digest: [], base: [], status: [], best: [], extra: {} };
  const imageKey = (img: ImageEntry): string => `${img.id}\u0000${img.base.id}`;
  const imageRow = new Map<string, number>();
  for (const img of imagesByFixes(report.images)) {
    imageRow.set(imageKey(img), images.name.length);
    const b = baseIndex.get(img.base.id) ?? -1;
    images.name.push(img.name);
    images.id.push(img.id === img.name ? 0 : img.id);
    images.digest.push(img.digest ?? 0);
    images.base.push(b);
    images.status.push(STATUSES.indexOf(img.status));
    images.best.push(img.best ? (report.bases[b]?.candidates.findIndex((c) => c.id === img.best?.id) ?? -1) : -1);
  }
  const unmatched: PageData["unmatched"] = { target: [], digest: [], base: [], reason: [] };
  for (const u of report.unmatchedReports) {
    unmatched.target.push(u.targetImage);
    unmatched.digest.push(u.targetDigest ?? 0);
    unmatched.base.push(s(u.base.id));
    unmatched.reason.push(u.reason === "no-digest" ? 0 : 1);
  }
  const tables: PageTable[] = context.map((t) => {
    const num = t.headers.map((header) => COUNT_HEADERS.has(header));
    return { id: t.id, headers: t.headers, num, rows: t.rows.map((r) => r.map((cell, c) => (num[c] ? Number(cell) : s(cell)))) };
  });
  const data: PageData = {
    format: PAGE_DATA_FORMAT,
    strings,
    bases,
    top: report.topActions.map((a) => [baseIndex.get(a.base.id) ?? -1, a.imageCount, quad(a.fleetFixes), quad(a.fleetIntroduces)]),
    images,
    unmatched,
    tables,
  };
  if (report.groups) {
    const owner: number[] = images.name.map(() => -1);
    data.owners = report.groups.map((g, gi): PageOwner => {
      const rows: number[] = [];
      for (const img of g.report.images) {
        const row = imageRow.get(imageKey(img));
        if (row === undefined) continue;
        rows.push(row);
        owner[row] = gi;
      }
      rows.sort((x, y) => x - y); // the page's image order (by fixes)
      const sum = g.report.summary;
      return [
        s(g.owner),
        s(g.url),
        sum.images,
        sum.imagesWithUpdate,
        quad(sum.fleetFixable),
        (g.report.coverage?.runningWithoutReport.length ?? 0) + (g.report.omitted?.["coverage.runningWithoutReport"] ?? 0),
        g.report.topActions.map((a) => [baseIndex.get(a.base.id) ?? -1, a.imageCount, quad(a.fleetFixes)]),
        rows,
      ];
    });
    images.extra.owner = owner;
  }
  return data;
}
