// The renderer registry: one format name -> one pure function of the FleetReport.
import type { FleetReport } from "../types.js";
import { renderCsv } from "./csv.js";
import { renderHtml } from "./html.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import { renderTable } from "./table.js";

export const FORMATS = ["table", "json", "csv", "markdown", "html"] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** ANSI colour in the table format. */
  color: boolean;
}

export function render(report: FleetReport, format: Format, options: RenderOptions): string {
  switch (format) {
    case "table":
      return renderTable(report, { color: options.color });
    case "json":
      return renderJson(report);
    case "csv":
      return renderCsv(report);
    case "markdown":
      return renderMarkdown(report);
    case "html":
      return renderHtml(report);
  }
}
