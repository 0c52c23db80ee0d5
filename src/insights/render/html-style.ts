// The HTML page's stylesheet (its hash goes into the page's Content-Security-Policy). Tables have
// a fixed layout that wraps long names instead of scrolling sideways; their headers stick under
// the sticky section bar (no scrolling box around them, which would stop `position: sticky`);
// below 760 px each row becomes a card with labelled cells.
export const CSS = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1b1f24; --muted: #59636e; --line: #d8dee4; --card: #f6f8fa;
  --crit: #c62828; --high: #c25e00; --med: #9a7b00; --low: #6b7885; --accent: #0b63c5; --ok: #1a7f37; --bar: 44px; }
@media (prefers-color-scheme: dark) { :root { --bg: #0f1419; --fg: #e6e8eb; --muted: #9aa4ae; --line: #2d333b;
  --card: #171c22; --accent: #5aa6ff; --ok: #4ac26b; --crit: #ff6b6b; --high: #ffa24d; } }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { scroll-padding-top: calc(var(--bar) + 8px); }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--fg); }
.wrap { max-width: 1320px; margin: 0 auto; padding: 0 16px; }
header.page { padding-top: 18px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 30px 0 8px; }
h4 { font-size: .85rem; margin: 6px 0 2px; }
.muted, footer { color: var(--muted); font-size: .85rem; }
footer { padding: 24px 16px 40px; }
nav.bar { position: sticky; top: 0; z-index: 3; height: var(--bar); background: var(--bg); border-bottom: 1px solid var(--line); }
nav.bar .wrap { display: flex; gap: 18px; align-items: center; height: 100%; overflow-x: auto; white-space: nowrap; }
nav.bar a { color: var(--accent); text-decoration: none; font-weight: 600; font-size: .92rem; }
nav.bar a:hover { text-decoration: underline; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin: 14px 0; padding: 0; list-style: none; }
.cards li { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; }
.cards strong { display: block; font-size: 1.45rem; font-variant-numeric: tabular-nums; }
.cards li.crit strong { color: var(--crit); } .cards li.high strong { color: var(--high); }
table.data { border-collapse: separate; border-spacing: 0; width: 100%; table-layout: fixed; font-size: .88rem; border: 1px solid var(--line); border-radius: 8px; }
table.data th, table.data td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
table.data thead th { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; position: sticky; top: var(--bar); z-index: 2; background: var(--card); font-weight: 600; }
table.data tbody tr:last-child td { border-bottom: 0; }
th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
th button::after { content: " \\2195"; color: var(--muted); }
th[aria-sort="ascending"] button::after { content: " \\2191"; color: var(--accent); }
th[aria-sort="descending"] button::after { content: " \\2193"; color: var(--accent); }
.c-num, .c-count, .c-pos { text-align: right !important; font-variant-numeric: tabular-nums; }
th.c-num, td.c-num { width: 7.1em; } th.c-num, th.c-count { white-space: nowrap; } th.c-count, td.c-count { width: 5.6em; } th.c-pos { width: 3em; }
th.c-status { width: 9.5em; } th.c-intro { width: 8.6em; } th.c-more { width: 2.6em; } th.c-short { width: 8.5em; }
th.c-base { width: 14%; } th.c-move { width: 16%; } th.c-digest { width: 22%; } th.c-why { width: 20%; }
#actions-table th.c-base { width: 22%; } #actions-table th.c-move { width: 24%; } #bases-table th.c-move { width: 22%; }
main table:not(.data) { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: .88rem; }
main table:not(.data) th, main table:not(.data) td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; vertical-align: top; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .92em; }
.crit { color: var(--crit); font-weight: 600; } .high { color: var(--high); font-weight: 600; } .has { color: var(--fg); }
td.c-num { color: var(--muted); } td.c-num.crit { color: var(--crit); } td.c-num.high { color: var(--high); } td.c-num.has { color: var(--fg); }
.ok { color: var(--ok); } .warn { color: var(--high); }
button.more { font: inherit; background: none; border: 1px solid var(--line); border-radius: 5px; color: var(--accent); cursor: pointer; padding: 0 6px; }
tr.detail td { background: var(--card); padding: 8px 14px 12px; }
.detail-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 4px 20px; }
.detail-part { margin: 0 0 6px; min-width: 0; }
ul.benefits { margin: 0; padding-left: 1.2em; font-size: .9em; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
a { color: var(--accent); }
.filters { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 8px; align-items: center; }
.filters input, .filters select, .chip button, .pager button { font: inherit; font-size: .9rem; padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
.filters input { flex: 1 1 240px; min-width: 0; }
.filters select { max-width: 100%; } .filters select.sort { max-width: 270px; }
.chip { background: var(--card); border: 1px solid var(--line); border-radius: 14px; padding: 2px 4px 2px 10px; font-size: .88rem; overflow-wrap: anywhere; }
.chip button { padding: 0 6px; margin-left: 4px; border-radius: 10px; cursor: pointer; }
.pager { display: flex; gap: 12px; align-items: center; justify-content: center; margin: 8px 0; }
.pager button:disabled { opacity: .45; }
ol.chart { list-style: none; padding: 0; margin: 0 0 14px; max-width: 980px; }
ol.chart li { margin: 0 0 12px; }
.chart-label { font-size: .9rem; margin-bottom: 3px; overflow-wrap: anywhere; }
svg.bar { display: block; width: 100%; height: 22px; }
.bar-bg { fill: var(--card); } .bar-critical { fill: var(--crit); } .bar-high { fill: var(--high); }
.legend { display: flex; gap: 14px; flex-wrap: wrap; font-size: .85rem; margin: 4px 0 8px; padding: 0; list-style: none; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; }
.swatch.critical { background: var(--crit); } .swatch.high { background: var(--high); }
@media (max-width: 760px) {
  body { font-size: 14px; } .wrap { padding: 0 10px; }
  .cards { grid-template-columns: repeat(2, 1fr); } .cards strong { font-size: 1.2rem; }
  table.data, table.data tbody, table.data tr, table.data td { display: block; width: auto !important; border: 0; }
  table.data thead { display: none; }
  table.data tbody tr { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 8px; padding: 6px 8px; }
  table.data td { padding: 2px 0; text-align: left !important; }
  table.data td::before { content: attr(data-label); color: var(--muted); font-size: .8rem; margin-right: 6px; }
  table.data td.c-num { display: inline-block; margin-right: 12px; }
  table.data tbody tr { position: relative; }
  table.data td.c-more { position: absolute; top: 6px; right: 8px; padding: 0; }
  table.data tr.detail td { padding: 4px 2px; }
  table.data tbody td:first-child { padding-right: 36px; }
  table.data td.c-more::before, table.data td.c-pos::before { content: ""; margin: 0; }
  table.data tr.detail { border-style: dashed; }
}
`;
