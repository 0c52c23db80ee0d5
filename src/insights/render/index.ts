// The renderer registry: one format name -> one pure function of the FleetReport.
import type { FleetReport } from "../types.js";
import { renderCsv } from "./csv.js";
import { renderHtml } from "./html.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import type { ReportSection } from "./sections.js";
import { renderGroupedCsv, renderGroupedHtml, renderGroupedMarkdown, renderGroupedText } from "./grouped.js";
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
   * Image rows in the table and markdown formats; 0 for all. Absent: the table shows its default
   * number, markdown as many as fit in a GitHub comment.
   */
  limit?: number | undefined;
  /** Sections of the table and markdown formats (all when absent). */
  sections?: readonly ReportSection[] | undefined;
}

export function render(report: FleetReport, format: Format, options: RenderOptions): string {
  if (report.groups && format !== "json") return renderByOwner(report, format, options);
  switch (format) {
    case "table":
      return renderTable(report, options);
    case "json":
      return renderJson(report);
    case "csv":
      return renderCsv(report);
    case "markdown":
      return renderMarkdown(report, options);
    case "html":
      return renderHtml(report);
  }
}

/** `--group-by owner`: each owner's report in the format, then (text formats) the fleet's coverage. */
function renderByOwner(report: FleetReport, format: Exclude<Format, "json">, options: RenderOptions): string {
  const one = (r: FleetReport): string => render({ ...r, groups: null }, format, options);
  switch (format) {
    case "table":
      return renderGroupedText(report, one, (t) => t);
    case "markdown":
      return renderGroupedMarkdown(report, one);
    case "csv":
      return renderGroupedCsv(report, one);
    case "html":
      return renderGroupedHtml(report, one);
  }
}
