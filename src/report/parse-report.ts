// parseReports: text in, one typed result per report out. Pure (no I/O) and total: any string gives
// "not a report", parsed reports, or malformed reports with the reason; it never throws. Lines are
// scanned with indexOf/startsWith, so hostile input cannot make it backtrack.
import { BAR, isCheckMark, parseCounts, splitImageRef, valueOrNull } from "./cells.js";
import { dropRepeatedRows } from "./console-repair.js";
import { identityDamage } from "./damage.js";
import { isDecDrawn, undoDecGraphics } from "./dec-graphics.js";
import { normaliseLines, stripAnsi } from "./normalise.js";
import { parseRecommendationTable } from "./recommendation-table.js";
import { labelledValue, splitReports, type ReportSegment } from "./split-reports.js";
import { parseSupportedTags } from "./supported-tags.js";
import { truncationReason, type SectionContent } from "./truncation.js";
import type { BaseImage, MalformedReport, NotAReport, ParseResult, Recommendation, RecommendationSection, ReportTarget } from "./types.js";

const BASE_IMAGE_IS = "Base image is";
const SECTION_TITLES = new Map<string, RecommendationSection>([
  ["Refresh base image", "refresh"],
  ["Change base image", "change"],
]);

export interface ParseOptions {
  /**
   * The decoder replaced invalid bytes with U+FFFD: check that none of them touches an identity
   * field or the report's structure (else the report is malformed).
   */
  damaged?: boolean;
}

function notAReport(): NotAReport {
  return { target: null, base_image: null, recommendations: [], is_report: false };
}

function malformed(target: ReportTarget | null, error: string): MalformedReport {
  return { target, base_image: null, recommendations: [], is_report: true, error };
}

/** The `Target │` / `digest │` pair at the report's first line (blank lines between them allowed). */
function readTarget(lines: readonly string[], targetLine: number, headerLine: number): ReportTarget {
  const image = valueOrNull(labelledValue(lines[targetLine] as string, "Target"));
  let digest: string | null = null;
  for (let j = targetLine + 1; j < headerLine; j++) {
    const line = lines[j] as string;
    if (line.trim() === "") continue;
    const value = labelledValue(line, "digest");
    if (value !== undefined) digest = valueOrNull(value);
    break;
  }
  return { image, digest };
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
  /** The title line. */
  title: number;
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
    sections.push({ kind, title: i, start: i + 1, end: lines.length });
  }
  return sections;
}

/** One report: the lines of its segment, its header at `headerLine` (relative to the segment). */
function parseSegment(segmentLines: readonly string[], segment: ReportSegment, options: ParseOptions): ParseResult {
  const headerLine = segment.header.line - segment.start;
  const drawn = isDecDrawn(segmentLines) ? undoDecGraphics(segmentLines) : segmentLines;
  const lines = dropRepeatedRows(drawn, headerLine + 1);
  let target: ReportTarget;
  if (segment.header.legacy) target = { image: segment.header.legacyImage, digest: null };
  else if (segment.targetLine < 0) return malformed(null, "no `Target` line before the report header (truncated or mangled report)");
  else target = readTarget(lines, 0, headerLine);

  const sections = findSections(lines, headerLine + 1);
  const baseEnd = sections[0] !== undefined ? sections[0].title : lines.length;
  let baseLine = -1;
  for (let i = headerLine + 1; i < baseEnd; i++) {
    if ((lines[i] as string).trimStart().startsWith(BASE_IMAGE_IS)) {
      baseLine = i;
      break;
    }
  }
  if (baseLine < 0) return malformed(target, "no `Base image is` line (truncated or mangled report)");
  const baseRefText = (lines[baseLine] as string).trimStart().slice(BASE_IMAGE_IS.length);
  const base = parseBase(baseRefText, lines.slice(baseLine + 1, baseEnd));

  const contents: SectionContent[] = sections.map((s) => {
    const sectionLines = lines.slice(s.start, s.end);
    return { kind: s.kind, lines: sectionLines, table: parseRecommendationTable(s.kind, sectionLines) };
  });
  const truncated = truncationReason(contents);
  if (truncated !== null) return malformed(target, truncated);

  const recommendations: Recommendation[] = [];
  // A loop, not push(...spread): a hostile file can hold more blocks than a call has arguments.
  for (const c of contents) for (const rec of c.table.recommendations) recommendations.push(rec);
  const report = { target, base_image: base, recommendations, is_report: true as const };
  if (options.damaged === true) {
    const damage = identityDamage(lines, { firstLine: 0, baseLine, sectionsStart: baseEnd }, report);
    if (damage !== null) return malformed(target, damage);
  }
  return report;
}

/** Parses every `docker scout recommendations` report in `text`, in file order. Never throws. */
export function parseReports(text: string, options: ParseOptions = {}): ParseResult[] {
  const clean = stripAnsi(text);
  // Cheap rejection of most non-reports before the text is split into lines.
  if (!clean.includes("Recommended fixes")) return [notAReport()];
  const lines = normaliseLines(clean);
  const segments = splitReports(lines);
  if (segments.length === 0) return [notAReport()];
  return segments.map((s) => parseSegment(lines.slice(s.start, s.end), s, options));
}

/** Parses the text of one report; a text holding several gives the first (see parseReports). */
export function parseReport(text: string, options: ParseOptions = {}): ParseResult {
  return parseReports(text, options)[0] as ParseResult;
}
