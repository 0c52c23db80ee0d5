// The HTML renderer: one self-contained page (inline CSS, script and SVG chart, no network) that
// stays fast at any fleet size. The server side writes the summary (fleet totals, the top-actions
// chart) and empty table shells; the data goes in once, compact (html-data.ts), and the page's
// script renders one page of each table at a time (html-script.ts). Every report string is
// HTML-escaped with its control characters made visible; the data is escaped for a <script> element.
import type { FleetReport, TopAction } from "../types.js";
import { escapeHtml, jsonForScript, showControls } from "./escape.js";
import { contextSections, type Section } from "./context-sections.js";
import { showsSection, type ReportSection } from "./sections.js";
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

export interface HtmlOptions {
  /** The sections to show (all when absent). */
  sections?: readonly ReportSection[] | undefined;
}

/** "… and N more" under a list --limit cut (the report's `omitted`, select.ts). */
function leftOut(report: FleetReport, key: string, what: string): string {
  const n = report.omitted?.[key] ?? 0;
  return n > 0 ? `<p class="muted more">\u2026 and ${thousands(n)} more ${h(what)} left out by <code>--limit</code> (<code>--limit 0</code> lists them all).</p>` : "";
}

/** An owner's or a context table's filter box and its table shell; the script fills it (html-script.ts). */
function dataTable(id: string, placeholder: string, extra = ""): string {
  return `${filters(`${id}-filters`, placeholder, [], extra)}\n<div class="table"><table id="${id}-table" class="data"></table></div>`;
}

const NAV_TEXT: Record<string, string> = {
  runtime: "Where images run",
  "coverage-running": "Running, no report",
  "coverage-unknown": "Images not in the graph",
  "coverage-stale": "Old reports",
};

const COVERAGE_KEYS: Record<string, [string, string]> = {
  "coverage-running": ["coverage.runningWithoutReport", "running images"],
  "coverage-unknown": ["coverage.containersWithoutImage", "image references"],
  "coverage-stale": ["coverage.staleReports", "reports"],
};

/** The context and coverage sections: title, intro, and a table the script pages (its rows are in the page data). */
function contextHtml(report: FleetReport, context: readonly Section[]): string {
  return context
    .map((s) => {
      const table = s.rows.length === 0 ? `<p>${h(s.empty)}</p>` : dataTable(s.id, `Filter ${s.title.toLowerCase()}`);
      const more = s.id === "runtime" ? leftOut(report, "images", "images") : COVERAGE_KEYS[s.id] ? leftOut(report, ...(COVERAGE_KEYS[s.id] as [string, string])) : "";
      return `<section id="${s.id}">\n<h2>${h(s.title)}</h2>\n${s.intro.map((l) => `<p class="muted">${h(l)}</p>`).join("\n")}\n${table}\n${more}</section>`;
    })
    .join("\n");
}

function ownersHtml(report: FleetReport): string {
  const groups = report.groups ?? [];
  return `<section id="owners">
<h2>Owners</h2>
<p class="muted">${h(plural(groups.length, "owner"))}: the code repositories that build the images (PACKAGED_FROM or provenance), then the images with no known owner. \u25b8 shows an owner's top actions and images.</p>
${dataTable("owners", "Filter owners")}
</section>`;
}

export function renderHtml(report: FleetReport, options: HtmlOptions = {}): string {
  const shows = (s: ReportSection): boolean => showsSection(options.sections, s);
  // Built once: the section shells, the navigation and the page data all use them.
  const context = contextSections(report, options.sections);
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
  const links: [string, string, boolean][] = [
    ["summary", "Summary", true],
    ["owners", "Owners", Boolean(report.groups)],
    ["top-actions", "Top actions", shows("top")],
    ["bases", "Base images", shows("bases")],
    ["images", "Images", shows("images")],
    ["unmatched", "Unmatched reports", shows("unmatched")],
    ...context.map((c): [string, string, boolean] => [c.id, NAV_TEXT[c.id] ?? c.title, true]),
  ];
  const nav = links
    .filter(([, , on]) => on)
    .map(([id, text]) => `<a href="#${id}">${h(text)}</a>`)
    .join("");

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">
<meta name="referrer" content="no-referrer">
<title>scoutgraph report: ${h(plural(summary.images, "image"))}${report.groups ? ` by owner (${h(plural(report.groups.length, "owner"))})` : ""}</title>
<style>${CSS}</style>
</head>
<body>
<header class="page wrap">
<h1>Base image updates</h1>
<p class="muted">Data synced ${h(when(report.syncedAt))}${report.updateTag === null ? "" : ` (update tag ${report.updateTag})`} \u00b7 store ${h(report.store)} \u00b7 minimum severity ${h(f.minSeverity)}${active ? ` \u00b7 filters ${h(active)}` : ""}</p>
</header>
<nav class="bar" aria-label="Sections"><div class="wrap">${nav}</div></nav>
<main class="wrap">
<section id="summary">
<ul class="cards">${cards}</ul>
${shows("top") ? lead : ""}
<noscript><p>The tables need JavaScript; the summary and chart above do not. <code>--format csv</code> or <code>markdown</code> give the same data without it.</p></noscript>
</section>
${report.groups ? ownersHtml(report) : ""}
${
  shows("top")
    ? `<section id="top-actions">
<h2>Top actions</h2>
<p class="muted">The base-image moves that remove the most critical, then high, vulnerabilities across the fleet. A number of images leads to them.</p>
${report.topActions.length === 0 ? "<p>No base-image update fixes anything at this severity.</p>" : chart(report.topActions)}
<div class="table"><table id="actions-table" class="data"></table></div>
</section>`
    : ""
}
${
  shows("bases")
    ? `<section id="bases">
<h2>Base images</h2>
${filters("bases-filters", "Filter base images", [["update-available", "update available"], ["up-to-date", "up to date"]])}
<div class="table"><table id="bases-table" class="data"></table></div>
${leftOut(report, "bases", "base images")}</section>`
    : ""
}
${
  shows("images")
    ? `<section id="images">
<h2>Images</h2>
<p class="muted">By what their update fixes. \u25b8 shows an image's benefits and other candidates.</p>
${filters("images-filters", "Filter images, bases, tags", statuses, `<span class="chip" hidden>Images <span></span><button type="button" aria-label="Show all images">\u2715</button></span>`)}
<div class="table"><table id="images-table" class="data"></table></div>
${leftOut(report, "images", "images")}</section>`
    : ""
}
${
  shows("unmatched")
    ? `<section id="unmatched">
<h2>Reports that matched no image</h2>
${report.unmatchedReports.length === 0 ? "<p>None.</p>" : `<div class="table"><table id="unmatched-table" class="data"></table></div>`}
${leftOut(report, "unmatchedReports", "reports")}</section>`
    : ""
}
${contextHtml(report, context)}
</main>
<footer class="wrap">${h(CANDIDATE_LEGEND)} Counts are the vulnerabilities each update fixes, per image or times the images on the base across the fleet. Generated by scoutgraph at ${h(when(report.generatedAt))} from docker scout recommendations reports.</footer>
<script type="application/json" id="report-data">${jsonForScript(pageData(report, context))}</script>
<script>${JS}</script>
</body>
</html>
`;
}
