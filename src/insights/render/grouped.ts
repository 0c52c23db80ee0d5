// `--group-by owner` in the table, markdown and CSV formats: one section per repository (then "no
// known owner"), each the full report of that owner's images in the chosen format, so each team
// gets its own list (markdown per owner is what goes into a ticket). JSON keeps `groups` in the
// report itself (docs/report-json.md); HTML is one page with an owners table (html.ts). Pure.
import type { FleetReport, OwnerGroup } from "../types.js";
import { markdownText as md } from "./context-render.js";
import { stripControls } from "./escape.js";

export const NO_OWNER = "no known owner";

export const groupTitle = (g: OwnerGroup): string => (g.owner === null ? NO_OWNER : g.owner);

type Renderer = (report: FleetReport) => string;

/** Each group's own report carries no groups and no fleet coverage; those are rendered once. */
function groupReport(g: OwnerGroup): FleetReport {
  return { ...g.report, groups: null };
}

export function renderGroupedText(report: FleetReport, renderOne: Renderer, heading: (t: string) => string): string {
  const parts = (report.groups ?? []).map((g) => `${heading(`=== Owner: ${stripControls(groupTitle(g))} ===`)}\n${renderOne(groupReport(g))}`);
  return parts.join("\n");
}

export function renderGroupedMarkdown(report: FleetReport, renderOne: Renderer): string {
  return (report.groups ?? []).map((g) => `# Owner: ${md(groupTitle(g))}\n\n${renderOne(groupReport(g))}`).join("\n");
}

/** One CSV table: the owner's name as an extra first column. */
export function renderGroupedCsv(report: FleetReport, renderOne: Renderer): string {
  const out: string[] = [];
  for (const g of report.groups ?? []) {
    const lines = renderOne(groupReport(g)).split("\r\n").filter((l) => l !== "");
    const [header, ...rows] = lines;
    if (out.length === 0 && header !== undefined) out.push(`"group",${header}`);
    const cell = `"${groupTitle(g).replace(/"/g, '""').replace(/^([=+\-@])/, "'$1")}"`;
    for (const row of rows) out.push(`${cell},${row}`);
  }
  return out.length === 0 ? "" : `${out.join("\r\n")}\r\n`;
}
