// The hand-worked fleet numbers (fleet-expectations.ts), checked in the text of every format, and
// the hostile strings checked inert in each.
import assert from "node:assert/strict";
import type { PageData } from "../../../src/insights/render/html-data.js";
import type { Format } from "../../../src/insights/render/index.js";
import { assertFleetReport, FORMULA_BENEFIT, FORMULA_TAG, HOSTILE_BENEFIT, HOSTILE_TAG, type StoreKind } from "./fleet-expectations.js";

/** RFC 4180 CSV, enough for the report: quoted cells with doubled quotes, CRLF rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return rows;
}

/** Lines in the given order (each a regexp over one line). */
function assertLinesInOrder(text: string, patterns: RegExp[], what: string): void {
  const lines = text.split("\n");
  let at = -1;
  for (const p of patterns) {
    const found = lines.findIndex((l, i) => i > at && p.test(l));
    assert.ok(found > at, `${what}: no line matching ${p} after line ${at + 1}\n${text}`);
    at = found;
  }
}

export function assertTable(text: string): void {
  assert.ok(!text.includes("\u001b"), "no escape sequences without colour");
  assertLinesInOrder(
    text,
    [
      /^fixable across the fleet: 4 critical, 20 high \(6 medium, 0 low\)$/,
      /^data synced \d{4}-\d\d-\d\dT/,
      /^Top actions$/,
      /^1\s+node:20-alpine\s+22-alpine \(change #2\)\s+3\s+3 critical \/ 15 high fixed\s+none$/,
      /^2\s+busybox:1\.36\s+<script>window\.__xss=1<\/script> \(change #1\)\s+1\s+1 critical \/ 1 high fixed\s+none$/,
      // The table drops a zero severity from the headline (it reads "4 high fixed" in a narrow cell too).
      /^3\s+python:3\.11-slim\s+3\.11-slim \(refresh #1\)\s+2\s+4 high fixed\s+none$/,
      /^Base images$/,
      /^node:20-alpine\s+3\s+22-alpine \(change #2\)\s+1C 5H 2M 0L\s+3 critical \/ 15 high fixed$/,
      /^busybox:1\.36\s+1\s+.*1C 1H 0M 0L\s+1 critical \/ 1 high fixed$/,
      /^python:3\.11-slim\s+2\s+3\.11-slim \(refresh #1\)\s+0C 2H 0M 0L\s+4 high fixed$/,
      /^redis:7-alpine\s+\d\s+-\s+-\s+up to date$/,
      /^Images, by what their update fixes$/,
      // Sorted by fixes (1C 5H before 1C 1H before 0C 2H), names cut in the middle so the tag stays.
      /^registry\.\S*…\S*\/shop\/web-a:1\.4\.0\s+node:20-alpine\s+22-alpine \(change #2\)\s+1C 5H 2M 0L\s+none$/,
      /hostile\/app:6\.6\.6\s+busybox:1\.36\s+.*1C 1H 0M 0L/,
      /shop\/api:3\.1\.0\s+python:3\.11-slim\s+3\.11-slim \(refresh #1\)\s+0C 2H 0M 0L/,
      /shop\/cache:7\.2\.4\s+redis:7-alpine\s+up to date\b/,
      /^Reports that matched no image$/,
      /^"\(change #N\)": Docker Scout's Nth recommendation/,
    ],
    "table",
  );
  for (const l of text.split("\n")) assert.ok(l.length <= 120, `a piped table line fits 120 columns: ${l}`);
}

export function assertCsv(text: string, store: StoreKind): void {
  const [header, ...rows] = parseCsv(text);
  assert.ok(header);
  const col = (name: string): number => header.indexOf(name);
  const pick = (section: string, ...names: string[]): string[][] =>
    rows.filter((r) => r[col("section")] === section).map((r) => names.map((n) => r[col(n)] as string));
  const fix = ["fix_critical", "fix_high", "fix_medium", "fix_low"];
  assert.deepEqual(pick("top-action", "position", "base", "update_to", "images", ...fix), [
    ["1", "node:20-alpine", "22-alpine", "3", "3", "15", "6", "0"],
    ["2", "busybox:1.36", HOSTILE_TAG, "1", "1", "1", "0", "0"],
    ["3", "python:3.11-slim", "3.11-slim", "2", "0", "4", "0", "0"],
  ]);
  const bases = pick("base", "base", "images", "update_to", ...fix);
  assert.deepEqual(bases.slice(0, 4), [
    ["node:20-alpine", "3", "22-alpine", "3", "15", "6", "0"],
    ["busybox:1.36", "1", HOSTILE_TAG, "1", "1", "0", "0"],
    ["python:3.11-slim", "2", "3.11-slim", "0", "4", "0", "0"],
    ["redis:7-alpine", store === "embedded" ? "2" : "1", "", "", "", "", ""],
  ]);
  const web = pick("image", "image", "update_to", ...fix, "introduced_low", "other_candidates").find((r) => r[0]?.endsWith("web-a:1.4.0"));
  assert.deepEqual(web?.slice(1), ["22-alpine", "1", "5", "2", "0", "0", "22-slim; 20-alpine"]);
  const unmatched = pick("unmatched-report", "image", "reason");
  assert.equal(unmatched.length, store === "embedded" ? 0 : 2);
  // Formula cells start with ' (the hostile benefit, and the =cmd tag among the other candidates).
  const hostile = rows.find((r) => r[col("section")] === "image" && r[col("update_to")] === HOSTILE_TAG);
  assert.ok(hostile);
  assert.ok((hostile[col("other_candidates")] as string).startsWith(`'${FORMULA_TAG}`));
  assert.ok((hostile[col("benefits")] as string).includes(FORMULA_BENEFIT));
  for (const r of rows) for (const cell of r) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `formula-leading cell ${cell}`);
}

/** Whether every `needle` in the markdown sits inside a code span (so GitHub renders it as text). */
export function onlyInCodeSpans(text: string, needle: RegExp): boolean {
  const outside = text.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, "");
  return !needle.test(outside);
}

export function assertMarkdown(text: string, store: StoreKind): void {
  assertLinesInOrder(
    text,
    [
      /^Fixable across the fleet by each base's best update: \*\*4 critical\*\*, \*\*20 high\*\*/,
      /^### Top actions$/,
      /^\| 1 \| `node:20-alpine` \| `22-alpine \(change #2\)` \| 3 \| 3 critical \/ 15 high fixed \| none \|$/,
      /^\| 2 \| `busybox:1\.36` \| `<script>window\.__xss=1<\/script> \(change #1\)` \| 1 \| 1 critical \/ 1 high fixed \| none \|$/,
      /^\| 3 \| `python:3\.11-slim` \| `3\.11-slim \(refresh #1\)` \| 2 \| 0 critical \/ 4 high fixed \| none \|$/,
      /^### Base images$/,
      /^\| `node:20-alpine` \| 3 \| `22-alpine \(change #2\)` \| 1C 5H 2M 0L \| 3 critical \/ 15 high fixed \|/,
      /^\| `python:3\.11-slim` \| 2 \| `3\.11-slim \(refresh #1\)` \| 0C 2H 0M 0L \| 0 critical \/ 4 high fixed \|/,
      /^### Images, by what their update fixes$/,
      /^\| `registry\.example\.test\/shop\/web-a:1\.4\.0` \| `node:20-alpine` \| `22-alpine \(change #2\)` \| 1C 5H 2M 0L \| none \|/,
      /^\| `registry\.example\.test\/shop\/api:3\.1\.0` \| `python:3\.11-slim` \| `3\.11-slim \(refresh #1\)` \| 0C 2H 0M 0L \| none \|/,
      /^\| `registry\.example\.test\/shop\/cache:7\.2\.4` \| `redis:7-alpine` \| up to date \|/,
      /^### Reports that matched no image$/,
      /"\(change #N\)": Docker Scout's Nth recommendation/,
    ],
    "markdown",
  );
  // Report text is only ever inside code spans: no live HTML, link, autolink or mention.
  for (const needle of [/<script|<img/, /https?:\/\//, /@cmd/, /\[link\]/]) assert.ok(onlyInCodeSpans(text, needle), `${needle} outside a code span`);
  // The hostile benefit's pipe cannot break out of the table; its backticks get a longer fence.
  assert.match(text, /`` `code` \\\| pipe \*bold\* \[link\]\(http:\/\/evil\.example\/\) ``/);
  const unmatchedRows = text.split("### Reports that matched no image")[1]?.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| Target") && !l.startsWith("| ---")) ?? [];
  assert.equal(unmatchedRows.length, store === "embedded" ? 0 : 2);
}

export function assertHtml(text: string, store: StoreKind): void {
  assert.match(text, /^<!doctype html>/);
  assert.doesNotMatch(text, /<script>window|<img src=x|<img\/src/i, "no live hostile markup");
  assert.ok(text.includes("&lt;script&gt;window.__xss=1&lt;/script&gt;"), "the chart shows the hostile tag as text");
  assert.doesNotMatch(text, /\b(?:src|href)=["']?https?:/i, "nothing loads from the network");
  assert.doesNotMatch(text, /<link\b/i);
  // The fleet totals and the sync time are in the page itself, before any script runs.
  assert.match(text, /<li class="crit"><strong>4<\/strong>critical fixable across the fleet<\/li>/);
  assert.match(text, /<li class="high"><strong>20<\/strong>high fixable across the fleet<\/li>/);
  assert.match(text, /Data synced \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  assert.match(text, /\(change #N\)&quot;: Docker Scout/);
  // The data, once and compact (src/insights/render/html-data.ts), decodes to the same fleet.
  const json = text.split('<script type="application/json" id="report-data">')[1]?.split("</script>")[0] ?? "";
  assert.doesNotMatch(json, /[<>&]/, "the data cannot close its script element");
  const data = JSON.parse(json) as PageData;
  assert.equal(data.format, "scoutgraph-page-1");
  const S = data.strings;
  const bestTag = (b: number): string | undefined => {
    const base = data.bases[b];
    return base && base[2] >= 0 ? S[base[5][base[2]]?.[0] ?? -1] : undefined;
  };
  assert.deepEqual(
    data.top.map(([b, n, fix]) => [S[data.bases[b]?.[0] ?? -1], bestTag(b), n, ...fix]),
    [
      ["node:20-alpine", "22-alpine", 3, 3, 15, 6, 0],
      ["busybox:1.36", HOSTILE_TAG, 1, 1, 1, 0, 0],
      ["python:3.11-slim", "3.11-slim", 2, 0, 4, 0, 0],
    ],
  );
  assert.equal(data.images.name.length, store === "embedded" ? 9 : 7);
  assert.ok(S.includes(HOSTILE_BENEFIT) && S.includes(FORMULA_BENEFIT), "benefits carried once, as data");
  assert.equal(data.unmatched.target.length, store === "embedded" ? 0 : 2);
}

export function assertFormat(format: Format, text: string, store: StoreKind): void {
  switch (format) {
    case "json":
      return assertFleetReport(JSON.parse(text), store);
    case "table":
      return assertTable(text);
    case "csv":
      return assertCsv(text, store);
    case "markdown":
      return assertMarkdown(text, store);
    case "html":
      return assertHtml(text, store);
  }
}
// Referenced so a renamed export fails the build here rather than silently in a test.
export const HOSTILE_STRINGS = [HOSTILE_TAG, HOSTILE_BENEFIT, FORMULA_BENEFIT, FORMULA_TAG];
