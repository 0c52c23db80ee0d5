// The renderer registry: one format name -> one pure function of the FleetReport.
import type { FleetReport } from "../types.js";
import { renderCsv } from "./csv.js";
import { renderHtml } from "./html.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import type { ReportSection } from "./sections.js";
import { selectReport, selects } from "./select.js";
import { renderGroupedCsv, renderGroupedMarkdown, renderGroupedText } from "./grouped.js";
import { renderTable } from "./table.js";

export const FORMATS = ["table", "json", "csv", "markdown", "html"] as const;
export type Format = (typeof FORMATS)[number];

export { REPORT_SECTIONS, parseSections, type ReportSection } from "./sections.js";

export interface RenderOptions {
  /** ANSI colour in the table format. */
  color: boolean;
  /** The table's line width (the terminal's columns); the table's default when absent. */
  width?: number | undefined;
  /**
   * Rows per list (bases, images, unmatched reports, context, coverage) in every format; 0 for all.
   * Absent: the table shows its default number, markdown as many as fit in a GitHub comment, the
   * other formats all.
   */
  limit?: number | undefined;
  /** The sections to show, in every format (all when absent). */
  sections?: readonly ReportSection[] | undefined;
}

export function render(report: FleetReport, format: Format, options: RenderOptions): string {
  if (report.groups && format !== "json" && format !== "html") return renderByOwner(report, format, options);
  // The data formats get the report cut to the sections and the limit, with what was left out.
  const selected = (): FleetReport => (selects(options) ? selectReport(report, options).report : report);
  switch (format) {
    case "table":
      return renderTable(report, options);
    case "json":
      return renderJson(selected());
    case "csv":
      return renderCsv(selected(), options.sections);
    case "markdown":
      return renderMarkdown(report, options);
    case "html":
      return renderHtml(selected(), { sections: options.sections });
  }
}

/** `--group-by owner` in the text formats: each owner's report in the format (HTML: one page with a section per owner, html.ts). */
function renderByOwner(report: FleetReport, format: Exclude<Format, "json" | "html">, options: RenderOptions): string {
  const one = (r: FleetReport): string => render({ ...r, groups: null }, format, options);
  switch (format) {
    case "table":
      return renderGroupedText(report, one, (t) => t);
    case "markdown":
      return renderGroupedMarkdown(report, one);
    case "csv":
      return renderGroupedCsv(report, one);
  }
}
