// The CSV renderer: one table, one `section` column (top-action, base, image, unmatched-report),
// so a spreadsheet can filter it. For top-action and base rows the fix_*/introduced_* columns are
// fleet-wide totals; for image rows they are the recommended update's own counts.
// Every text cell is quoted; a cell a spreadsheet would take for a formula starts with `'`.
// `--sections` and `--limit` (select.ts) leave rows out; a `left-out` row per cut list says how
// many (`reason`: the list, `images`: the count).
import { CONTEXT_CSV_COLUMNS, contextCsvRecords } from "./context-csv.js";
import type { Candidate, CandidateRef, Counts, FleetReport } from "../types.js";
import { csvCell } from "./escape.js";
import { showsSection, type ReportSection } from "./sections.js";
import { candidatesOf } from "./text.js";

export const CSV_COLUMNS = [
  "section",
  "position",
  "image",
  "image_id",
  "base",
  "images",
  "status",
  "update_to",
  "category",
  "scout_rank",
  "fix_critical",
  "fix_high",
  "fix_medium",
  "fix_low",
  "introduced_critical",
  "introduced_high",
  "introduced_medium",
  "introduced_low",
  "benefits",
  "other_candidates",
  "target_digest",
  "reason",
  // With the Cartography context (image-context, uncovered-image, unknown-image-container, stale-report rows).
  ...CONTEXT_CSV_COLUMNS,
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Record_ = Partial<Record<Column, string | number | null>>;

function move(c: CandidateRef | null, benefits: string[], fixes: Counts | null, introduces: Counts | null): Record_ {
  if (!c) return {};
  const f = fixes ?? c.fixes;
  const n = introduces ?? c.introduces;
  return {
    update_to: c.tag,
    category: c.category,
    scout_rank: c.scoutRank,
    fix_critical: f.critical,
    fix_high: f.high,
    fix_medium: f.medium,
    fix_low: f.low,
    introduced_critical: n.critical,
    introduced_high: n.high,
    introduced_medium: n.medium,
    introduced_low: n.low,
    benefits: benefits.join("; "),
  };
}

const benefitsOf = (c: Candidate | null): string[] => c?.benefits ?? [];

export function renderCsv(report: FleetReport, sections?: readonly ReportSection[]): string {
  const candidates = candidatesOf(report);
  const records: Record_[] = [
    ...report.topActions.map((a) => ({
      section: "top-action",
      position: a.position,
      base: a.base.id,
      images: a.imageCount,
      ...move(a.to, benefitsOf(a.to), a.fleetFixes, a.fleetIntroduces),
    })),
    ...report.bases.map((b, i) => ({
      section: "base",
      position: i + 1,
      base: b.id,
      images: b.imageCount,
      status: b.bestUpdate ? "update-available" : "up-to-date",
      ...move(b.bestUpdate, benefitsOf(b.bestUpdate), b.fleetFixes, b.fleetIntroduces),
    })),
    ...(showsSection(sections, "images") ? report.images : []).map((img) => {
      const full = candidates(img);
      return {
        section: "image",
        image: img.name,
        image_id: img.id,
        base: img.base.id,
        status: img.status,
        ...move(img.best, benefitsOf(full.best), null, null),
        other_candidates: full.others.map((c) => c.tag).join("; "),
      };
    }),
    ...report.unmatchedReports.map((u) => ({
      section: "unmatched-report",
      image: u.targetImage,
      base: u.base.id,
      target_digest: u.targetDigest,
      reason: u.reason,
    })),
    ...contextCsvRecords(report, sections),
    ...Object.entries(report.omitted ?? {}).map(([list, count]) => ({ section: "left-out", reason: list, images: count })),
  ];
  const lines = [CSV_COLUMNS.join(","), ...records.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c] ?? null)).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
