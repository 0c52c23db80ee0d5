// parseReport: text in, typed result out. Pure (no I/O) and total: any string gives "not a report",
// a parsed report, or a malformed report with the reason; it never throws. Lines are scanned once
// with indexOf/startsWith, so hostile input cannot make it backtrack.
import { BAR, isCheckMark, parseCounts, splitImageRef, valueOrNull } from "./cells.js";
import { normaliseLines, stripAnsi } from "./normalise.js";
import { parseRecommendationTable } from "./recommendation-table.js";
import { findReportHeader } from "./sniff.js";
import { parseSupportedTags } from "./supported-tags.js";
import type { BaseImage, MalformedReport, NotAReport, ParseResult, Recommendation, RecommendationSection, ReportTarget } from "./types.js";

const BASE_IMAGE_IS = "Base image is";
const SECTION_TITLES = new Map<string, RecommendationSection>([
  ["Refresh base image", "refresh"],
  ["Change base image", "change"],
]);

function notAReport(): NotAReport {
  return { target: null, base_image: null, recommendations: [], is_report: false };
}

function malformed(target: ReportTarget | null, error: string): MalformedReport {
  return { target, base_image: null, recommendations: [], is_report: true, error };
}

/** `label │ value` when the line's first cell is exactly `label` (value trimmed), else undefined. */
function labelledValue(line: string, label: string): string | undefined {
  const bar = line.indexOf(BAR);
  if (bar < 0 || line.slice(0, bar).trim() !== label) return undefined;
  return line.slice(bar + BAR.length).trim();
}

/** The `Target │` / `digest │` pair nearest above the header (blank lines between them allowed). */
function findTarget(lines: readonly string[], headerLine: number): ReportTarget | null {
  for (let i = headerLine - 1; i >= 0; i--) {
    const image = labelledValue(lines[i] as string, "Target");
    if (image === undefined) continue;
    let digest: string | null = null;
    for (let j = i + 1; j < headerLine; j++) {
      const line = lines[j] as string;
      if (line.trim() === "") continue;
      const value = labelledValue(line, "digest");
      if (value !== undefined) digest = valueOrNull(value);
      break;
    }
    return { image, digest };
  }
  return null;
}

/** `Key │ value` rows of the base table: a key is one word of ASCII letters. Later duplicates win. */
function baseRows(lines: readonly string[]): Map<string, string | null> {
  const rows = new Map<string, string | null>();
  for (const line of lines) {
    const bar = line.indexOf(BAR);
    if (bar < 0) continue;
    const key = line.slice(0, bar).trim();
    if (key === "" || !/^[A-Za-z]+$/.test(key)) continue;
    rows.set(key, valueOrNull(line.slice(bar + BAR.length)));
  }
  return rows;
}

function parseBase(refText: string, section: readonly string[]): BaseImage | null {
  // The reference is the first word after `Base image is` (a trailing code-span pad is dropped).
  const ref = refText.trim().split(/\s/, 1)[0] ?? "";
  const { name, tag: refTag } = splitImageRef(ref);
  const rows = baseRows(section);
  const digest = rows.get("Digest");
  // Unresolved base: `Base image is  :tag` (empty repository) or an empty Digest cell.
  if (name === "" || digest === null) return null;
  const tag = rows.get("Name") ?? refTag ?? (ref.includes("@") ? null : "latest");
  if (tag === null) return null;
  return {
    name,
    tag,
    digest: digest ?? null,
    vulnerabilities: parseCounts(rows.get("Vulnerabilities") ?? undefined),
    size: rows.get("Size") ?? null,
    flavor: rows.get("Flavor") ?? null,
    os: rows.get("OS") ?? null,
    runtime: rows.get("Runtime") ?? null,
    alternative_tags: parseSupportedTags(section),
    ref_tag: refTag ?? tag,
    slim: isCheckMark(rows.get("Slim")),
    pushed: rows.get("Pushed") ?? null,
    packages: rows.get("Packages") ?? null,
  };
}

interface Section {
  kind: RecommendationSection;
  start: number;
  end: number;
}

/** The Refresh/Change sections after `from`, each running to the next title or the end. */
function findSections(lines: readonly string[], from: number): Section[] {
  const sections: Section[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as string;
    // Lines are already trimmed at the end; the cheap endsWith check spares a trim per table row.
    if (!line.endsWith(" base image")) continue;
    const kind = SECTION_TITLES.get(line.trimStart());
    if (kind === undefined) continue;
    const last = sections[sections.length - 1];
    if (last !== undefined) last.end = i;
    sections.push({ kind, start: i + 1, end: lines.length });
  }
  return sections;
}

/** Parses the text of one `docker scout recommendations` report. Never throws. */
export function parseReport(text: string): ParseResult {
  const clean = stripAnsi(text);
  // Cheap rejection of most non-reports before the text is split into lines.
  if (!clean.includes("Recommended fixes")) return notAReport();
  const lines = normaliseLines(clean);
  const header = findReportHeader(lines);
  if (header === null) return notAReport();
  const target = header.legacyImage !== null ? { image: header.legacyImage, digest: null } : findTarget(lines, header.line);
  if (target === null) return malformed(null, "no `Target` line before the report header (truncated or mangled report)");

  const sections = findSections(lines, header.line + 1);
  const baseEnd = sections[0]?.start !== undefined ? sections[0].start - 1 : lines.length;
  let baseLine = -1;
  for (let i = header.line + 1; i < baseEnd; i++) {
    if ((lines[i] as string).trimStart().startsWith(BASE_IMAGE_IS)) {
      baseLine = i;
      break;
    }
  }
  if (baseLine < 0) return malformed(target, "no `Base image is` line (truncated or mangled report)");
  const baseRefText = (lines[baseLine] as string).trimStart().slice(BASE_IMAGE_IS.length);
  const base = parseBase(baseRefText, lines.slice(baseLine + 1, baseEnd));

  const recommendations: Recommendation[] = [];
  for (const s of sections) {
    // A loop, not push(...spread): a hostile file can hold more blocks than a call has arguments.
    for (const rec of parseRecommendationTable(s.kind, lines.slice(s.start, s.end))) recommendations.push(rec);
  }
  return { target, base_image: base, recommendations, is_report: true };
}
