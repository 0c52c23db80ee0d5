// The HTML renderer: one self-contained page (inline CSS and script, inline SVG chart, no network),
// with sortable and filterable tables, readable on a laptop and a phone. Every report string is
// HTML-escaped; the embedded JSON copy is escaped for a <script> element.
import { SEVERITIES, type Candidate, type Counts, type FleetReport, type TopAction } from "../types.js";
import { escapeHtml as h, jsonForScript } from "./escape.js";
import { CONTENT_SECURITY_POLICY, CSS, JS } from "./html-assets.js";
import { candidateLabel, fixHeadline, introducedText, plural, STATUS_TEXT, UNMATCHED_TEXT } from "./text.js";

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
const moveCell = (c: Candidate | null): string => (c ? `<td><span class="tag">${h(c.tag)}</span> <span class="muted">${h(candidateLabel(c).slice(c.tag.length + 1))}</span></td>` : "<td>-</td>");
const benefitsCell = (c: Candidate | null): string =>
  c && c.benefits.length > 0 ? `<td><ul class="benefits">${c.benefits.map((b) => `<li>${h(b)}</li>`).join("")}</ul></td>` : "<td></td>";
const SEVERITY_COLUMNS: Column[] = SEVERITIES.map((s) => ({ label: s[0]!.toUpperCase() + s.slice(1), type: "number" }));

/** Horizontal stacked bars: what each top action removes across the fleet, by severity. */
function chart(actions: TopAction[]): string {
  if (actions.length === 0) return "<p>No base-image update fixes anything at this severity.</p>";
  const labelWidth = 300;
  const barWidth = 460;
  const rowHeight = 30;
  const max = Math.max(1, ...actions.map((a) => SEVERITIES.reduce((s, k) => s + a.fleetFixes[k], 0)));
  const rows = actions.map((a, i) => {
    const y = i * rowHeight + 6;
    let x = labelWidth;
    const bars = SEVERITIES.map((s) => {
      const w = (a.fleetFixes[s] / max) * barWidth;
      const rect = w > 0 ? `<rect class="bar-${s}" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="18"><title>${a.fleetFixes[s]} ${s}</title></rect>` : "";
      x += w;
      return rect;
    }).join("");
    const label = `${a.position}. ${a.base.id} \u2192 ${a.to.tag}`;
    const short = label.length > 44 ? `${label.slice(0, 43)}\u2026` : label;
    return (
      `<g><text x="0" y="${y + 13}">${h(short)}<title>${h(label)}</title></text>${bars}` +
      `<text x="${(x + 6).toFixed(1)}" y="${y + 13}">${h(`${a.fleetFixes.critical}C ${a.fleetFixes.high}H`)}</text></g>`
    );
  });
  const height = actions.length * rowHeight + 8;
  return (
    `<ul class="legend">${SEVERITIES.map((s) => `<li><span class="swatch ${s}"></span>${s}</li>`).join("")}</ul>` +
    `<svg class="chart" role="img" aria-label="Vulnerabilities fixed across the fleet by each top action" viewBox="0 0 ${labelWidth + barWidth + 80} ${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<line class="axis" x1="${labelWidth}" y1="0" x2="${labelWidth}" y2="${height}"/>${rows.join("")}</svg>`
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
  const imageRows = report.images.map(
    (i) =>
      `<tr data-status="${i.status}"><td><code>${h(i.name)}</code></td><td><code>${h(i.base.id)}</code></td>` +
      `${text(STATUS_TEXT[i.status], i.status === "update-available" ? "warn" : "ok")}${moveCell(i.best)}${countCells(i.best?.fixes ?? zero)}` +
      `${text(i.best ? introducedText(i.best.introduces) : "-")}${benefitsCell(i.best)}` +
      `<td>${i.others.map((c) => `<span class="tag">${h(c.tag)}</span>`).join(", ") || "-"}</td></tr>`,
  );
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
</main>
<footer>Generated by scoutgraph from docker scout recommendations reports. Counts are the vulnerabilities each update fixes (per image, or times the images on the base across the fleet).</footer>
<script type="application/json" id="report-data">${jsonForScript(report)}</script>
<script>${JS}</script>
</body>
</html>
`;
}
