// The HTML page's inline stylesheet and script. They are constants so that the page's
// Content-Security-Policy can allow exactly them by hash: even a missed escape could not run a
// script or load anything. The script only sorts and filters server-rendered rows (textContent, no innerHTML).
import { createHash } from "node:crypto";

export const CSS = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1b1f24; --muted: #5b6570; --line: #d8dee4; --card: #f6f8fa;
  --crit: #c62828; --high: #e8710a; --med: #c9a100; --low: #7d8b99; --accent: #0b63c5; --ok: #1a7f37; }
@media (prefers-color-scheme: dark) { :root { --bg: #0f1419; --fg: #e6e8eb; --muted: #9aa4ae; --line: #2d333b;
  --card: #171c22; --accent: #5aa6ff; --ok: #4ac26b; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--fg); }
header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 16px; }
header { padding-top: 20px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
h2 { font-size: 1.15rem; margin: 28px 0 8px; }
.muted, footer { color: var(--muted); font-size: .85rem; }
footer { padding: 24px 16px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0; padding: 0; list-style: none; }
.cards li { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 120px; flex: 1 1 120px; }
.cards strong { display: block; font-size: 1.4rem; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; border: 1px solid var(--line); border-radius: 8px; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
thead th { background: var(--card); position: sticky; top: 0; white-space: nowrap; }
th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
th button::after { content: " \\2195"; color: var(--muted); }
th[aria-sort="ascending"] button::after { content: " \\2191"; color: var(--accent); }
th[aria-sort="descending"] button::after { content: " \\2193"; color: var(--accent); }
tbody tr:last-child td { border-bottom: 0; }
code, .tag { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
td code, td .tag, td.nowrap { white-space: nowrap; }
ul.benefits { min-width: 18em; }
.crit { color: var(--crit); font-weight: 600; }
.high { color: var(--high); font-weight: 600; }
.ok { color: var(--ok); }
.warn { color: var(--high); }
ul.benefits { margin: 0; padding-left: 1.1em; font-size: .85em; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 8px; align-items: center; }
.filters input, .filters select { font: inherit; padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
.filters input { flex: 1 1 220px; }
ol.chart { list-style: none; padding: 0; margin: 0 0 14px; max-width: 900px; }
ol.chart li { margin: 0 0 10px; }
.chart-label { font-size: .9rem; margin-bottom: 3px; overflow-wrap: anywhere; }
svg.bar { display: block; width: 100%; height: 16px; background: var(--card); border-radius: 3px; }
.bar-critical { fill: var(--crit); } .bar-high { fill: var(--high); } .bar-medium { fill: var(--med); } .bar-low { fill: var(--low); }
.legend { display: flex; gap: 14px; flex-wrap: wrap; font-size: .85rem; margin: 4px 0 8px; padding: 0; list-style: none; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; }
.swatch.critical { background: var(--crit); } .swatch.high { background: var(--high); } .swatch.medium { background: var(--med); } .swatch.low { background: var(--low); }
@media (max-width: 640px) { body { font-size: 14px; } th, td { padding: 5px 7px; } .cards strong { font-size: 1.2rem; } }
`;

export const JS = `
(function () {
  "use strict";
  var dataNode = document.getElementById("report-data");
  window.scoutgraphReport = dataNode ? JSON.parse(dataNode.textContent || "null") : null;
  function value(row, index, type) {
    var cell = row.cells[index];
    if (!cell) return type === "number" ? -Infinity : "";
    var raw = cell.getAttribute("data-value");
    if (raw === null) raw = cell.textContent || "";
    return type === "number" ? Number(raw) : raw.toLowerCase();
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        var type = th.getAttribute("data-type") || "text";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a, index, type), y = value(b, index, type);
          var c = type === "number" ? x - y : x.localeCompare(y);
          return dir === "ascending" ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll(".filters"), function (box) {
    var table = document.getElementById(box.getAttribute("data-table"));
    var search = box.querySelector("input");
    var status = box.querySelector("select");
    var shown = box.querySelector(".shown");
    function apply() {
      var q = (search ? search.value : "").trim().toLowerCase();
      var s = status ? status.value : "";
      var n = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var ok = (q === "" || (row.textContent || "").toLowerCase().indexOf(q) !== -1) &&
          (s === "" || row.getAttribute("data-status") === s);
        row.hidden = !ok;
        if (ok) n++;
      });
      if (shown) shown.textContent = n + " shown";
    }
    if (search) search.addEventListener("input", apply);
    if (status) status.addEventListener("change", apply);
    apply();
  });
})();
`;

const hash = (text: string): string => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** No network at all; only this page's own stylesheet and script run. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${hash(CSS)}`,
  `script-src ${hash(JS)}`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
