// `--group-by owner`: one section per repository (then "no known owner"), each the full report of
// that owner's images in the chosen format, so each team gets its own list (markdown per owner is
// what goes into a ticket). The fleet-wide coverage follows the groups. JSON keeps `groups` in the
// report itself (docs/report-json.md). Pure.
import type { FleetReport, OwnerGroup } from "../types.js";
import { markdownText as md } from "./context-render.js";
import { escapeHtml as h, stripControls } from "./escape.js";

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

/** One page: a list of owners, each owner's own report page in a sandboxed frame (no script crosses). */
export function renderGroupedHtml(report: FleetReport, renderOne: Renderer): string {
  const groups = report.groups ?? [];
  const items = groups
    .map((g, i) => `<li><a href="#owner-${i}">${h(groupTitle(g))}</a> (${g.report.summary.images} images, ${g.report.summary.imagesWithUpdate} with an update)</li>`)
    .join("");
  const frames = groups
    .map(
      (g, i) =>
        `<section id="owner-${i}"><h2>Owner: ${h(groupTitle(g))}</h2>` +
        `<iframe title="${h(groupTitle(g))}" sandbox="allow-scripts" style="width:100%;height:80vh;border:1px solid #ccc" srcdoc="${h(renderOne(groupReport(g)))}"></iframe></section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>scoutgraph report by owner</title></head>
<body>
<h1>Base image updates by owner</h1>
<ul>${items}</ul>
${frames}
</body>
</html>
`;
}
