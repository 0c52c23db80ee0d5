// The HTML renderer: one self-contained page (inline CSS and script, inline SVG chart, no network),
// with sortable and filterable tables, readable on a laptop and a phone. Every report string is
// HTML-escaped; the embedded JSON copy is escaped for a <script> element.
import { contextHtml } from "./context-render.js";
import { SEVERITIES, type Candidate, type CandidateRef, type Counts, type FleetReport, type TopAction } from "../types.js";
import { escapeHtml as h, jsonForScript } from "./escape.js";
import { CONTENT_SECURITY_POLICY, CSS, JS } from "./html-assets.js";
import { candidateLabel, candidatesOf, fixHeadline, introducedText, plural, STATUS_TEXT, UNMATCHED_TEXT } from "./text.js";

interface Column {
  label: string;
  type?: "number";
}

function sortableTable(id: string, columns: Column[], rows: string[]): string {
  const head = columns
    .map((c) => `<th scope="col"${c.type ? ` data-type="number" class="num"` : ""}><button type="button">${h(c.label)}</button></th>`)
    .join("");
  return `<div class="scroll"><table id="${id}" class="sortable"><thead><tr>${head}</tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table></div>`;
}

const num = (n: number, cls = ""): string => `<td class="num${cls ? ` ${cls}` : ""}" data-value="${n}">${n}</td>`;
const text = (s: string, cls = ""): string => `<td${cls ? ` class="${cls}"` : ""}>${h(s)}</td>`;
const countCells = (c: Counts): string =>
  num(c.critical, c.critical > 0 ? "crit" : "") + num(c.high, c.high > 0 ? "high" : "") + num(c.medium) + num(c.low);
const moveCell = (c: CandidateRef | null): string => (c ? `<td class="nowrap"><span class="tag">${h(c.tag)}</span> <span class="muted">${h(candidateLabel(c).slice(c.tag.length + 1))}</span></td>` : "<td>-</td>");
const benefitsCell = (c: Candidate | null): string =>
  c && c.benefits.length > 0 ? `<td><ul class="benefits">${c.benefits.map((b) => `<li>${h(b)}</li>`).join("")}</ul></td>` : "<td></td>";
const SEVERITY_COLUMNS: Column[] = SEVERITIES.map((s) => ({ label: s[0]!.toUpperCase() + s.slice(1), type: "number" }));

/**
 * The top actions as stacked bars (inline SVG, one per action, scaled to the largest), each under
 * an HTML label so the text stays readable at any width.
 */
function chart(actions: TopAction[]): string {
  if (actions.length === 0) return "<p>No base-image update fixes anything at this severity.</p>";
  const total = (c: Counts): number => SEVERITIES.reduce((sum, s) => sum + c[s], 0);
  const max = actions.reduce((m, a) => Math.max(m, total(a.fleetFixes)), 1);
  const items = actions.map((a) => {
    let x = 0;
    const bars = SEVERITIES.map((s) => {
      const w = (a.fleetFixes[s] / max) * 1000;
      const rect = w > 0 ? `<rect class="bar-${s}" x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="16"><title>${a.fleetFixes[s]} ${s}</title></rect>` : "";
      x += w;
      return rect;
    }).join("");
    const counts = `${a.fleetFixes.critical} critical, ${a.fleetFixes.high} high, ${a.fleetFixes.medium} medium, ${a.fleetFixes.low} low fixed`;
    return (
      `<li><div class="chart-label">${a.position}. <code>${h(a.base.id)}</code> \u2192 <code>${h(a.to.tag)}</code> <span class="muted">${h(counts)}</span></div>` +
      `<svg class="bar" viewBox="0 0 1000 16" preserveAspectRatio="none" role="img" aria-label="${h(counts)}" xmlns="http://www.w3.org/2000/svg">${bars}</svg></li>`
    );
  });
  return (
    `<ul class="legend">${SEVERITIES.map((s) => `<li><span class="swatch ${s}"></span>${s}</li>`).join("")}</ul>` +
    `<ol class="chart" aria-label="Vulnerabilities fixed across the fleet by each top action">${items.join("")}</ol>`
  );
}

export function renderHtml(report: FleetReport): string {
  const { summary } = report;
  const cards = [
    ["Images", summary.images],
    ["With an update", summary.imagesWithUpdate],
    ["Up to date", summary.imagesUpToDate],
    ["Base images", summary.bases],
    ["Reports matching no image", summary.unmatchedReports],
  ]
    .map(([label, n]) => `<li><strong>${n}</strong>${h(String(label))}</li>`)
    .join("");

  const actionRows = report.topActions.map(
    (a) =>
      `<tr>${num(a.position)}<td><code>${h(a.base.id)}</code></td>${moveCell(a.to)}${num(a.imageCount)}${countCells(a.fleetFixes)}${text(introducedText(a.fleetIntroduces))}</tr>`,
  );
  const baseRows = report.bases.map(
    (b) =>
      `<tr data-status="${b.bestUpdate ? "update-available" : "up-to-date"}"><td><code>${h(b.id)}</code></td>${num(b.imageCount)}${moveCell(b.bestUpdate)}` +
      `${countCells(b.fleetFixes)}${text(b.bestUpdate ? fixHeadline(b.fleetFixes) : "up to date", b.bestUpdate ? "" : "ok")}</tr>`,
  );
  const zero: Counts = { critical: 0, high: 0, medium: 0, low: 0 };
  const candidates = candidatesOf(report);
  const imageRows = report.images.map((i) => {
    const full = candidates(i);
    return (
      `<tr data-status="${i.status}"><td><code>${h(i.name)}</code></td><td><code>${h(i.base.id)}</code></td>` +
      `${text(STATUS_TEXT[i.status], i.status === "update-available" ? "warn nowrap" : "ok nowrap")}${moveCell(i.best)}${countCells(i.best?.fixes ?? zero)}` +
      `${text(i.best ? introducedText(i.best.introduces) : "-")}${benefitsCell(full.best)}` +
      `<td>${full.others.map((c) => `<span class="tag">${h(c.tag)}</span>`).join(", ") || "-"}</td></tr>`
    );
  });
  const unmatchedRows = report.unmatchedReports.map(
    (u) => `<tr><td><code>${h(u.targetImage)}</code></td><td><code>${h(u.targetDigest ?? "")}</code></td><td><code>${h(u.base.id)}</code></td>${text(UNMATCHED_TEXT[u.reason])}</tr>`,
  );

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${h(CONTENT_SECURITY_POLICY)}">
<meta name="referrer" content="no-referrer">
<title>scoutgraph report: ${h(plural(summary.images, "image"))}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>Base image updates</h1>
<p class="muted">scoutgraph report, ${h(report.generatedAt)}, store ${h(report.store)}, minimum severity ${h(report.filters.minSeverity)}</p>
<ul class="cards">${cards}</ul>
</header>
<main>
<section id="top-actions">
<h2>Top actions</h2>
<p class="muted">The base-image moves that remove the most critical, then high, vulnerabilities across the fleet.</p>
${chart(report.topActions)}
${sortableTable("actions-table", [{ label: "#", type: "number" }, { label: "Base" }, { label: "Update to" }, { label: "Images", type: "number" }, ...SEVERITY_COLUMNS, { label: "Introduced" }], actionRows)}
</section>
<section id="bases">
<h2>Base images</h2>
<div class="filters" data-table="bases-table"><input type="search" placeholder="Filter base images" aria-label="Filter base images"><span class="shown muted"></span></div>
${sortableTable("bases-table", [{ label: "Base" }, { label: "Images", type: "number" }, { label: "Best update" }, ...SEVERITY_COLUMNS, { label: "Fixed across the fleet" }], baseRows)}
</section>
<section id="images">
<h2>Images</h2>
<div class="filters" data-table="images-table"><input type="search" placeholder="Filter images, bases, tags" aria-label="Filter images">
<select aria-label="Status"><option value="">All statuses</option><option value="update-available">${h(STATUS_TEXT["update-available"])}</option><option value="up-to-date">${h(STATUS_TEXT["up-to-date"])}</option><option value="below-min-severity">${h(STATUS_TEXT["below-min-severity"])}</option></select>
<span class="shown muted"></span></div>
${sortableTable("images-table", [{ label: "Image" }, { label: "Base" }, { label: "Status" }, { label: "Recommended" }, ...SEVERITY_COLUMNS, { label: "Introduces" }, { label: "Benefits" }, { label: "Other candidates" }], imageRows)}
</section>
<section id="unmatched">
<h2>Reports that matched no image</h2>
${report.unmatchedReports.length === 0 ? "<p>None.</p>" : sortableTable("unmatched-table", [{ label: "Target" }, { label: "Digest" }, { label: "Base" }, { label: "Why" }], unmatchedRows)}
</section>
${contextHtml(report)}
</main>
<footer>Generated by scoutgraph from docker scout recommendations reports. Counts are the vulnerabilities each update fixes (per image, or times the images on the base across the fleet).</footer>
<script type="application/json" id="report-data">${jsonForScript(report)}</script>
<script>${JS}</script>
</body>
</html>
`;
}
