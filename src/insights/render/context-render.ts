// The context sections (context-sections.ts) in the terminal table and markdown (the HTML page
// carries their rows as data, html-data.ts). Report strings are escaped exactly as the rest of each format.
import type { FleetReport } from "../types.js";
import { markdownCode, stripControls } from "./escape.js";
import { contextSections } from "./context-sections.js";
import type { ReportSection } from "./sections.js";

const MAX_CELL = 80;

const MD_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "@": "&#64;" };

/** Prose in markdown from graph data: no HTML, link, mention or table break can get through. */
export function markdownText(value: string): string {
  return stripControls(value).replace(/[\\`*_{}[\]|~&<>@]/g, (c) => MD_ENTITIES[c] ?? `\\${c}`);
}
const clip = (t: string): string => {
  const clean = stripControls(t);
  return clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL - 1)}…` : clean;
};

export interface ContextTextOptions {
  /** Rows per section; 0 for all. */
  limit: number;
  sections?: readonly ReportSection[] | undefined;
  /** The "… and N more" line, styled as the rest of the table's. */
  more: (left: number, what: string) => string;
}

/** One block per row (its first cell, then `header: value` lines): fits any terminal width. A line wider than `width` is cut. */
export function contextText(report: FleetReport, heading: (t: string) => string, width: number, options: ContextTextOptions): string[] {
  const fit = (l: string): string => (l.length > width ? `${l.slice(0, Math.max(1, width - 1))}…` : l);
  const out: string[] = [];
  for (const s of contextSections(report, options.sections)) {
    out.push("", heading(s.title), ...s.intro.map((l) => fit(`  ${clip(l)}`)));
    if (s.rows.length === 0) {
      out.push(`  ${s.empty}`);
      continue;
    }
    const shown = options.limit > 0 ? s.rows.slice(0, options.limit) : s.rows;
    for (const row of shown) {
      out.push(fit(`  ${clip(row[0] ?? "")}`));
      row.slice(1).forEach((cell, i) => {
        if (cell !== "-" && cell !== "") out.push(fit(`      ${(s.headers[i + 1] ?? "").toLowerCase()}: ${clip(cell)}`));
      });
    }
    if (shown.length < s.rows.length) out.push(options.more(s.rows.length - shown.length, s.what));
  }
  return out;
}

/** A context section's table rows in markdown: report text as code spans, as the rest of the markdown (it never links or mentions anyone). */
export function contextMarkdownRow(row: readonly string[]): string[] {
  return row.map((c) => (c === "-" || /^\d+$/.test(c) ? c : markdownCode(c) || "-"));
}
