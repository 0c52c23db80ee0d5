// The HTML renderer: one self-contained page (inline CSS, script and SVG chart, no network) that
// stays fast at any fleet size. The server side writes the summary (fleet totals, the top-actions
// chart) and empty table shells; the data goes in once, compact (html-data.ts), and the page's
// script renders one page of each table at a time (html-script.ts). Every report string is
// HTML-escaped with its control characters made visible; the data is escaped for a <script> element.
import type { FleetReport, TopAction } from "../types.js";
import { escapeHtml, jsonForScript, showControls } from "./escape.js";
import { contextHtml } from "./context-render.js";
import { CONTENT_SECURITY_POLICY, CSS, JS } from "./html-assets.js";
import { pageData } from "./html-data.js";
import { CANDIDATE_LEGEND, candidateLabel, plural, STATUS_TEXT, thousands } from "./text.js";

const h = (s: string): string => escapeHtml(showControls(s));

/** How many top actions the chart draws (the table lists them all). */
const CHART_ACTIONS = 10;

/**
 * The top actions as bars in ranking order: a critical bar scaled to the most criticals any action
 * fixes, and a high bar scaled to the most highs, so the bars read the way the list is ranked.
 */
function chart(actions: TopAction[]): string {
  const shown = actions.slice(0, CHART_ACTIONS);
  if (shown.length === 0) return "";
  const maxCrit = shown.reduce((m, a) => Math.max(m, a.fleetFixes.critical), 1);
  const maxHigh = shown.reduce((m, a) => Math.max(m, a.fleetFixes.high), 1);
  const items = shown.map((a) => {
    const f = a.fleetFixes;
    const crit = (f.critical / maxCrit) * 1000;
    const high = (f.high / maxHigh) * 1000;
    const text = `${thousands(f.critical)} critical, ${thousands(f.high)} high fixed (${thousands(f.medium)} medium, ${thousands(f.low)} low) on ${plural(a.imageCount, "image")}`;
    return (
      `<li><div class="chart-label">${a.position}. <code>${h(a.base.id)}</code> \u2192 <code>${h(a.to.tag)}</code> <span class="muted">${h(text)}</span></div>` +
      `<svg class="bar" viewBox="0 0 1000 22" preserveAspectRatio="none" role="img" aria-label="${h(text)}" xmlns="http://www.w3.org/2000/svg">` +
      `<rect class="bar-bg" x="0" y="0" width="1000" height="10"/><rect class="bar-bg" x="0" y="12" width="1000" height="10"/>` +
      (crit > 0 ? `<rect class="bar-critical" x="0" y="0" width="${crit.toFixed(1)}" height="10"><title>${thousands(f.critical)} critical</title></rect>` : "") +
      (high > 0 ? `<rect class="bar-high" x="0" y="12" width="${high.toFixed(1)}" height="10"><title>${thousands(f.high)} high</title></rect>` : "") +
      `</svg></li>`
    );
  });
  const more = actions.length > shown.length ? `<p class="muted">The chart shows the first ${CHART_ACTIONS}; the table lists all ${actions.length}.</p>` : "";
  return (
    `<ul class="legend"><li><span class="swatch critical"></span>critical fixed (bar scaled to the most any action fixes)</li><li><span class="swatch high"></span>high fixed (likewise)</li></ul>` +
    `<ol class="chart" aria-label="Critical and high vulnerabilities fixed across the fleet by each top action">${items.join("")}</ol>${more}`
  );
}

function filters(id: string, placeholder: string, statuses: [string, string][], extra = ""): string {
  const status =
    statuses.length === 0
      ? ""
      : `<select class="status" aria-label="Status"><option value="">All statuses</option>${statuses.map(([v, t]) => `<option value="${v}">${h(t)}</option>`).join("")}</select>`;
  return (
    `<div class="filters" id="${id}"><input type="search" placeholder="${h(placeholder)}" aria-label="${h(placeholder)}">${status}` +
    `<select class="sort" aria-label="Sort by"><option value="">Sort: ranking</option></select>${extra}<span class="shown muted"></span></div>`
  );
}

/** `2026-12-01 21:44 UTC` from an ISO time. */
function when(iso: string | null): string {
  return iso === null ? "unknown" : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function renderHtml(report: FleetReport): string {
  const { summary } = report;
  const fix = summary.fleetFixable;
  const card = (n: number, label: string, cls = ""): string => `<li${cls ? ` class="${cls}"` : ""}><strong>${thousands(n)}</strong>${h(label)}</li>`;
  const cards = [
    card(fix.critical, "critical fixable across the fleet", "crit"),
    card(fix.high, "high fixable across the fleet", "high"),
    card(summary.images, "images"),
    card(summary.imagesWithUpdate, "with an update"),
    card(summary.imagesUpToDate, "up to date"),
    card(summary.bases, "base images"),
    card(summary.unmatchedReports, "reports matching no image"),
  ].join("");
  const top = report.topActions[0];
  const lead = top
    ? `<p>Do first: move <code>${h(top.base.id)}</code> to <code>${h(candidateLabel(top.to))}</code>: ${thousands(top.fleetFixes.critical)} critical and ${thousands(top.fleetFixes.high)} high fixed on <a href="#images" data-base="${report.bases.findIndex((b) => b.id === top.base.id)}">${plural(top.imageCount, "image")}</a>.</p>`
    : "";
  const f = report.filters;
  const active = [f.image !== null ? `--image ${f.image}` : "", f.base !== null ? `--base ${f.base}` : ""].filter(Boolean).join(" ");
  const statuses = Object.entries(STATUS_TEXT) as [string, string][];

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">
<meta name="referrer" content="no-referrer">
<title>scoutgraph report: ${h(plural(summary.images, "image"))}</title>
<style>${CSS}</style>
</head>
<body>
<header class="page wrap">
<h1>Base image updates</h1>
<p class="muted">Data synced ${h(when(report.syncedAt))}${report.updateTag === null ? "" : ` (update tag ${report.updateTag})`} \u00b7 store ${h(report.store)} \u00b7 minimum severity ${h(f.minSeverity)}${active ? ` \u00b7 filters ${h(active)}` : ""}</p>
</header>
<nav class="bar" aria-label="Sections"><div class="wrap"><a href="#summary">Summary</a><a href="#top-actions">Top actions</a><a href="#bases">Base images</a><a href="#images">Images</a><a href="#unmatched">Unmatched reports</a></div></nav>
<main class="wrap">
<section id="summary">
<ul class="cards">${cards}</ul>
${lead}
<noscript><p>The tables need JavaScript; the summary and chart above do not. <code>--format csv</code> or <code>markdown</code> give the same data without it.</p></noscript>
</section>
<section id="top-actions">
<h2>Top actions</h2>
<p class="muted">The base-image moves that remove the most critical, then high, vulnerabilities across the fleet. A number of images leads to them.</p>
${report.topActions.length === 0 ? "<p>No base-image update fixes anything at this severity.</p>" : chart(report.topActions)}
<div class="table"><table id="actions-table" class="data"></table></div>
</section>
<section id="bases">
<h2>Base images</h2>
${filters("bases-filters", "Filter base images", [["update-available", "update available"], ["up-to-date", "up to date"]])}
<div class="table"><table id="bases-table" class="data"></table></div>
</section>
<section id="images">
<h2>Images</h2>
<p class="muted">By what their update fixes. \u25b8 shows an image's benefits and other candidates.</p>
${filters("images-filters", "Filter images, bases, tags", statuses, `<span class="chip" hidden>Images <span></span><button type="button" aria-label="Show all images">\u2715</button></span>`)}
<div class="table"><table id="images-table" class="data"></table></div>
</section>
<section id="unmatched">
<h2>Reports that matched no image</h2>
${report.unmatchedReports.length === 0 ? "<p>None.</p>" : `<div class="table"><table id="unmatched-table" class="data"></table></div>`}
</section>
${contextHtml(report)}
</main>
<footer class="wrap">${h(CANDIDATE_LEGEND)} Counts are the vulnerabilities each update fixes, per image or times the images on the base across the fleet. Generated by scoutgraph at ${h(when(report.generatedAt))} from docker scout recommendations reports.</footer>
<script type="application/json" id="report-data">${jsonForScript(pageData(report))}</script>
<script>${JS}</script>
</body>
</html>
`;
}
