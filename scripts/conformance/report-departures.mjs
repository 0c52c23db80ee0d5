// Which documented departures from Cartography (docs/divergences.md) apply to one report file,
// detected from the file's bytes alone (never from its name), so the conformance script can
// certify any folder. Pure: bytes in, rule names out. It reuses scoutgraph's own decoder and
// parser from dist/ (encoding, several reports, malformed) and reads the rest from the text.
//
// Each rule says which differences it explains: `scope: "all"` (Cartography skips or misreads the
// whole report, or scoutgraph refuses it) or a list of properties; `side` (a node or relationship
// only one writer has is explained only when it is on that side: Cartography writes nothing from a
// report it skips, scoutgraph nothing from one it refuses); `cartographySkips` (checked
// against Cartography's log for a one-report file, so a rule cannot silently go stale); `cartographyFails` (Cartography
// cannot decode the file: a read failure, after which it skips its own cleanup) and
// `scoutgraphFails` (a malformed report: scoutgraph counts a failure and skips cleanup).
import { TextDecoder } from "node:util";
import { decodeReportBytes, parseReportBytes, normaliseLines, stripAnsi } from "../../dist/src/report/index.js";

const DOC = "docs/divergences.md#parsing";

export const RULES = {
  "legacy-header": { scope: "all", side: "scoutgraph", cartographySkips: true, doc: `${DOC} (The legacy 2023 header)`, why: "Cartography's pre-filter needs `Target` and `digest` and skips a report with the 2023 header." },
  ansi: { scope: "all", side: "scoutgraph", cartographySkips: true, doc: `${DOC} (Normalisation, D5)`, why: "ANSI escapes are removed before parsing; Cartography's Target regex fails on a coloured line." },
  "note-without-backticks": { scope: ["alternative_tags"], doc: `${DOC} (Supported-tags notes without backticks)`, why: "the glamour-form note is read; Cartography only extracts backticked tags and writes []." },
  "unresolved-base": { scope: "all", emptyName: true, doc: `${DOC} (Unresolved base, D3)`, why: "an unresolved base writes nothing; Cartography writes a public image with an empty name." },
  "utf16": { scope: "all", side: "scoutgraph", cartographyFails: true, doc: `${DOC} (Encodings)`, why: "UTF-16 parses like its UTF-8 twin; Cartography decodes strict UTF-8, fails the read and skips cleanup." },
  "utf8-bom": { scope: "all", side: "scoutgraph", doc: `${DOC} (Normalisation, D5)`, why: "a UTF-8 BOM is removed; Cartography fails on a BOM before `Target`." },
  "invalid-bytes": { scope: "all", side: "scoutgraph", cartographyFails: true, doc: `${DOC} (Invalid bytes)`, why: "bytes not valid in the encoding are read as U+FFFD; Cartography fails the read and skips cleanup." },
  "several-reports": { scope: "all", mergedIntoFirst: true, doc: `${DOC} (Several reports in one file)`, why: "each report is written on its own; Cartography merges them into the first target." },
  "console-wrapped-note": { scope: ["alternative_tags"], doc: `${DOC} (Console damage)`, why: "a hard-wrapped note continues past unprefixed lines; Cartography stops at the first one." },
  "console-repeats": { scope: ["alternative_tags", "benefits", "(count)"], doc: `${DOC} (Console damage)`, why: "rows, aliases and benefits a console redraw repeated are kept once; Cartography keeps repeats." },
  "dec-graphics": { scope: "all", side: "scoutgraph", cartographySkips: true, doc: `${DOC} (DEC special graphics)`, why: "DEC line drawing is read; Cartography skips the report (no `Target │`)." },
  "empty-target": { scope: "all", doc: `${DOC} (Empty Target)`, why: "an empty Target cell is null; Cartography's empty cell swallows the next line." },
  "cartography-read-failure": { scope: [], cartographyFails: true, doc: "docs/divergences.md#sources (Binary and non-UTF-8 content)", why: "not a report for scoutgraph; Cartography's strict UTF-8 read fails and it skips its cleanup." },
  malformed: { scope: "all", side: "cartography", scoutgraphFails: true, doc: `${DOC} (Truncation, Invalid bytes, Malformed reports D1)`, why: "scoutgraph refuses a truncated or identity-damaged report (a failure, cleanup skipped); Cartography loads it." },
};

const HEADER_LEGACY = "Recommended fixes for image";

/**
 * The rules that apply to a file, and the base-image names it mentions (the graph keys a rule
 * may explain are those under these names). `broken` names a rule to leave out (self-check).
 */
export function detectDepartures(bytes, { broken } = {}) {
  const rules = new Set();
  const parsed = parseReportBytes(bytes);
  const reports = parsed.results.filter((r) => r.is_report);
  if (reports.length === 0) {
    if (!strictUtf8(bytes)) rules.add("cartography-read-failure");
    if (broken) rules.delete(broken);
    return { rules, bases: new Set(), reports: 0 };
  }
  if (parsed.encoding?.startsWith("utf-16")) rules.add("utf16");
  if (parsed.damage !== null) rules.add("invalid-bytes");
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) rules.add("utf8-bom");
  if (reports.length > 1) rules.add("several-reports");
  if (reports.some((r) => r.error)) rules.add("malformed");
  if (reports.some((r) => !r.error && r.base_image === null)) rules.add("unresolved-base");

  const text = decodeReportBytes(bytes)?.text ?? new TextDecoder("utf-8").decode(bytes);
  if (text.includes("\u001b[") || text.includes("\u001b]")) rules.add("ansi");
  const lines = normaliseLines(stripAnsi(text));
  if (lines.some((l) => l.trimStart().startsWith(HEADER_LEGACY))) rules.add("legacy-header");
  if (!lines.some((l) => l.includes("│")) && lines.some((l) => /^\s*Target +x( |$)/.test(l))) rules.add("dec-graphics");
  if (lines.some((l) => /^\s*Target +│\s*$/.test(l))) rules.add("empty-target");
  noteRules(lines, rules);
  if (repeatsRows(lines)) rules.add("console-repeats");

  // Cartography merges several reports into the first one's base: only that base's keys can be
  // missing from scoutgraph's graph because of the merge.
  const firstBase = reports[0]?.base_image?.name ?? null;
  const bases = new Set();
  for (const r of reports) if (r.base_image) bases.add(r.base_image.name);
  for (const l of lines) {
    const m = /^\s*Base image is\s+(\S+)/.exec(l);
    if (m) bases.add(m[1].replace(/[:@][^/:@]*$/, ""));
  }
  if (broken) rules.delete(broken);
  return { rules, bases, firstBase, reports: reports.length };
}

/** The supported-tags note: its form (backticks or not) and whether a console hard-wrapped it. */
function noteRules(lines, rules) {
  const start = lines.findIndex((l) => l.includes("supported tag(s)"));
  if (start < 0) return;
  let end = start;
  while (end < lines.length && !/flag\.\s*$/.test(lines[end]) && !lines[end].startsWith("Refresh base image") && !lines[end].startsWith("Change base image")) end++;
  const note = lines.slice(start, end + 1);
  if (!note.join("\n").includes("`")) rules.add("note-without-backticks");
  if (note.some((l) => l.trim() !== "" && !/^\s*[│x] /.test(l))) rules.add("console-wrapped-note");
}

/** Two identical adjacent non-blank table rows, or an alias repeated in a block (console redraw). */
function repeatsRows(lines) {
  let previous = null;
  for (const l of lines) {
    if (l.trim() === "") continue;
    // Rows of bars and blanks only (empty cells of a multi-line block) repeat in every clean report.
    if (l === previous && /[│x]/.test(l) && /[^\s│x─┼]/.test(l.replace(/\bx\b/g, ""))) return true;
    previous = l;
  }
  return false;
}

function strictUtf8(bytes) {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
