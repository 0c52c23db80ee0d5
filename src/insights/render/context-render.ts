// The context sections (context-sections.ts) in each output format, appended by the renderers.
// Report strings are escaped exactly as the rest of each format.
import type { FleetReport } from "../types.js";
import { escapeHtml as h, markdownCode, stripControls } from "./escape.js";
import { contextSections, type Section } from "./context-sections.js";

const MAX_CELL = 80;

const MD_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "@": "&#64;" };

/** Prose in markdown from graph data: no HTML, link, mention or table break can get through. */
export function markdownText(value: string): string {
  return stripControls(value).replace(/[\\`*_{}[\]|~&<>@]/g, (c) => MD_ENTITIES[c] ?? `\\${c}`);
}
const md = markdownText;
const clip = (t: string): string => {
  const clean = stripControls(t);
  return clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL - 1)}…` : clean;
};

/** Aligned columns; a line wider than `width` is cut (the HTML and CSV formats carry every value). */
export function contextText(report: FleetReport, heading: (t: string) => string = (t) => t, width = Infinity): string[] {
  const fit = (l: string): string => (l.length > width ? `${l.slice(0, Math.max(1, width - 1))}…` : l);
  const out: string[] = [];
  for (const s of contextSections(report)) {
    out.push("", heading(s.title), ...s.intro.map((l) => fit(`  ${clip(l)}`)));
    if (s.rows.length === 0) {
      out.push(`  ${s.empty}`);
      continue;
    }
    // One block per row (its first cell, then `header: value` lines): fits any terminal width.
    for (const row of s.rows) {
      out.push(fit(`  ${clip(row[0] ?? "")}`));
      row.slice(1).forEach((cell, i) => {
        if (cell !== "-" && cell !== "") out.push(fit(`      ${(s.headers[i + 1] ?? "").toLowerCase()}: ${clip(cell)}`));
      });
    }
  }
  return out;
}

export function contextMarkdown(report: FleetReport): string[] {
  const out: string[] = [];
  for (const s of contextSections(report)) {
    out.push("", `### ${md(s.title)}`, "", ...s.intro.map(md));
    if (s.intro.length > 0) out.push("");
    if (s.rows.length === 0) out.push(md(s.empty));
    else
      out.push(
        `| ${s.headers.join(" | ")} |`,
        `|${s.headers.map(() => " --- ").join("|")}|`,
        // Report text as code spans, as the rest of the markdown: it never links or mentions anyone.
        ...s.rows.map((r) => `| ${r.map((c) => (c === "-" || /^\d+$/.test(c) ? c : markdownCode(c) || "-")).join(" | ")} |`),
      );
  }
  return out;
}

export function contextHtml(report: FleetReport): string {
  const table = (s: Section): string =>
    s.rows.length === 0
      ? `<p>${h(s.empty)}</p>`
      : `<table id="${s.id}-table"><thead><tr>${s.headers.map((x) => `<th>${h(x)}</th>`).join("")}</tr></thead><tbody>` +
        s.rows.map((r) => `<tr>${r.map((c) => `<td>${h(c)}</td>`).join("")}</tr>`).join("") +
        "</tbody></table>";
  return contextSections(report)
    .map((s) => `<section id="${s.id}">\n<h2>${h(s.title)}</h2>\n${s.intro.map((l) => `<p class="muted">${h(l)}</p>`).join("\n")}\n${table(s)}\n</section>`)
    .join("\n");
}
