// The terminal renderer: tables fitted to the terminal's width (long names cut in the middle so
// the tag survives, less important columns dropped), a bounded number of image rows, ANSI colour
// when asked for. Report strings are stripped of control characters and escape sequences first,
// so a report cannot drive the terminal.
import { contextText } from "./context-render.js";
import type { CandidateRef, Counts, FleetReport } from "../types.js";
import { stripControls } from "./escape.js";
import { fitColumns, GAP, textWidth, truncateEnd, truncateMiddle, wrapWords, type ColumnSpec } from "./fit-columns.js";
import { REPORT_SECTIONS, SECTION_TITLES, type ReportSection } from "./sections.js";
import {
  CANDIDATE_LEGEND,
  candidateLabel,
  candidatesOf,
  countsShort,
  fixHeadlineShort,
  imagesByFixes,
  introducedText,
  plural,
  STATUS_TEXT,
  thousands,
  UNMATCHED_TEXT,
} from "./text.js";
import { appendAll } from "../../text/append-all.js";

export interface TableOptions {
  color: boolean;
  /** Line width: the terminal's columns (a pipe gets the CLI's default, so the same columns show). */
  width?: number;
  /** Image (and unmatched report) rows per table; 0 for all. */
  limit?: number;
  sections?: readonly ReportSection[];
}

export const DEFAULT_TABLE_WIDTH = 120;
export const DEFAULT_TABLE_LIMIT = 20;
const MIN_WIDTH = 40;

type Style = "bold" | "dim" | "red" | "yellow" | "green" | "cyan";
const SGR: Record<Style, string> = { bold: "1", dim: "2", red: "31", yellow: "33", green: "32", cyan: "36" };

interface Cell {
  text: string;
  style?: Style | undefined;
}

const cell = (text: string, style?: Style): Cell => ({ text: stripControls(text), style });

function severityStyle(c: Counts): Style | undefined {
  return c.critical > 0 ? "red" : c.high > 0 ? "yellow" : undefined;
}

export function renderTable(report: FleetReport, options: TableOptions): string {
  const width = Math.max(MIN_WIDTH, options.width ?? DEFAULT_TABLE_WIDTH);
  const limit = options.limit ?? DEFAULT_TABLE_LIMIT;
  const sections = options.sections ?? REPORT_SECTIONS;
  const paint = (text: string, style?: Style): string => (options.color && style ? `\u001b[${SGR[style]}m${text}\u001b[0m` : text);
  const fitLine = (text: string): string => truncateMiddle(stripControls(text), width);

  const grid = (specs: ColumnSpec[], rows: Cell[][]): string[] => {
    const cols = fitColumns(specs, rows.map((r) => r.map((c) => c.text)), width);
    const line = (cells: Cell[]): string =>
      cols
        .map(({ index, width: w }, i) => {
          const c = cells[index] ?? { text: "" };
          const text = specs[index]?.cut === "end" ? truncateEnd(c.text, w) : truncateMiddle(c.text, w);
          const pad = " ".repeat(Math.max(0, w - textWidth(text)));
          const last = i === cols.length - 1;
          return paint(specs[index]?.right ? pad + text : last ? text : text + pad, c.style);
        })
        .join(" ".repeat(GAP))
        .trimEnd();
    return [paint(line(specs.map((s) => ({ text: s.header }))), "dim"), ...rows.map(line)];
  };
  const more = (shown: number, total: number, what: string): string[] =>
    shown < total ? [paint(`  … and ${thousands(total - shown)} more ${what} (--limit N shows N, --limit 0 all)`, "dim")] : [];
  const bounded = <T>(rows: T[]): T[] => (limit > 0 ? rows.slice(0, limit) : rows);
  const move = (c: CandidateRef | null): Cell => cell(c ? candidateLabel(c) : "-");
  const heading = (title: string): string => paint(title, "bold");

  const { summary } = report;
  const fix = summary.fleetFixable;
  const out: string[] = [
    heading(
      fitLine(
        `scoutgraph report: ${plural(summary.images, "image")} on ${plural(summary.bases, "base image")}, ` +
          `${thousands(summary.imagesWithUpdate)} with an update, ${thousands(summary.imagesUpToDate)} up to date`,
      ),
    ),
    fitLine(`fixable across the fleet: ${thousands(fix.critical)} critical, ${thousands(fix.high)} high (${thousands(fix.medium)} medium, ${thousands(fix.low)} low)`),
    paint(fitLine(`data synced ${report.syncedAt ?? "(unknown)"}, store ${report.store}`), "dim"),
  ];
  const f = report.filters;
  const active = [
    f.image !== null ? `--image ${f.image}` : "",
    f.base !== null ? `--base ${f.base}` : "",
    f.minSeverity !== "low" ? `--min-severity ${f.minSeverity}` : "",
  ].filter(Boolean);
  if (active.length > 0) out.push(paint(fitLine(`filters: ${active.join(" ")}`), "dim"));

  const candidates = candidatesOf(report);
  const contextOptions = { limit, more: (left: number, what: string): string => more(0, left, what)[0] ?? "" };
  const render: Record<ReportSection, () => string[]> = {
    top: () =>
      report.topActions.length === 0
        ? ["  No base-image update fixes anything at this severity."]
        : grid(
            [
              { header: "#", right: true },
              { header: "BASE", flexible: true, min: 20 },
              { header: "UPDATE TO", flexible: true, min: 20 },
              { header: "IMAGES", right: true },
              { header: "FIXED ACROSS THE FLEET", flexible: true, min: 22, cut: "end" },
              { header: "INTRODUCED", flexible: true, min: 10, dropOrder: 1, cut: "end" },
            ],
            report.topActions.map((a) => [
              cell(String(a.position)),
              cell(a.base.id, "cyan"),
              move(a.to),
              cell(thousands(a.imageCount)),
              cell(fixHeadlineShort(a.fleetFixes), severityStyle(a.fleetFixes)),
              cell(introducedText(a.fleetIntroduces)),
            ]),
          ),
    bases: () =>
      grid(
        [
          { header: "BASE", flexible: true, min: 20 },
          { header: "IMAGES", right: true },
          { header: "BEST UPDATE", flexible: true, min: 20 },
          { header: "FIXES PER IMAGE", dropOrder: 1 },
          { header: "FIXED ACROSS THE FLEET", flexible: true, min: 22, cut: "end" },
        ],
        report.bases.map((b) => [
          cell(b.id, "cyan"),
          cell(thousands(b.imageCount)),
          move(b.bestUpdate),
          cell(b.bestUpdate ? countsShort(b.bestUpdate.fixes) : "-"),
          cell(b.bestUpdate ? fixHeadlineShort(b.fleetFixes) : "up to date", b.bestUpdate ? severityStyle(b.fleetFixes) : "green"),
        ]),
      ),
    images: () => {
      if (report.images.length === 0) return ["  None."];
      const sorted = imagesByFixes(report.images, report.rankedBy === "exposure");
      const shown = bounded(sorted);
      return [
        ...grid(
          [
            { header: "IMAGE", flexible: true, min: 36 },
            { header: "BASE", flexible: true, min: 16, dropOrder: 3 },
            { header: "UPDATE TO", flexible: true, min: 20 },
            { header: "FIXES" },
            { header: "INTRODUCES", flexible: true, min: 10, dropOrder: 2, cut: "end" },
            { header: "OTHER CANDIDATES", flexible: true, min: 24, dropOrder: 1 },
          ],
          shown.map((i) => [
            cell(i.name),
            cell(i.base.id, "cyan"),
            i.best ? move(i.best) : cell(STATUS_TEXT[i.status], "green"),
            cell(i.best ? countsShort(i.best.fixes) : "-", i.best ? severityStyle(i.best.fixes) : undefined),
            cell(i.best ? introducedText(i.best.introduces) : "-"),
            cell(candidates(i).others.map((c) => `${c.tag} ${countsShort(c.fixes)}`).join(", ") || "-"),
          ]),
        ),
        ...more(shown.length, sorted.length, "images"),
      ];
    },
    unmatched: () => {
      if (report.unmatchedReports.length === 0) return ["  None."];
      const shown = bounded(report.unmatchedReports);
      return [
        ...grid(
          [
            { header: "TARGET", flexible: true, min: 36 },
            { header: "DIGEST", flexible: true, min: 19, dropOrder: 1 },
            { header: "BASE", flexible: true, min: 16, dropOrder: 2 },
            { header: "WHY", flexible: true, min: 16 },
          ],
          shown.map((u) => [cell(u.targetImage, "yellow"), cell(u.targetDigest ?? "-"), cell(u.base.id, "cyan"), cell(UNMATCHED_TEXT[u.reason])]),
        ),
        ...more(shown.length, report.unmatchedReports.length, "reports"),
      ];
    },
    // Titled per part (the coverage has several), and nothing when the report has no such data.
    context: () => contextText(report, heading, width, { ...contextOptions, sections: ["context"] }),
    coverage: () => contextText(report, heading, width, { ...contextOptions, sections: ["coverage"] }),
  };
  for (const s of sections) {
    if (s !== "context" && s !== "coverage") out.push("", heading(s === "images" ? "Images, by what their update fixes" : SECTION_TITLES[s]));
    appendAll(out, render[s]());
  }
  out.push("", ...wrapWords(CANDIDATE_LEGEND, width).map((l) => paint(l, "dim")));
  return `${out.join("\n")}\n`;
}
