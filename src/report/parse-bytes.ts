// A report file's bytes to its reports: decode (encoding detection, damage offsets), then parse
// every report in it. What both `sync` and `parse` start from.
import { decodeReportBytes, type DecodeDamage } from "./decode.js";
import type { ReportEncoding } from "./encoding.js";
import { parseReports } from "./parse-report.js";
import type { ParseResult } from "./types.js";

export interface ParsedFile {
  /** One result per report in file order; a single not-a-report result for anything else. */
  results: ParseResult[];
  /** null for binary content. */
  encoding: ReportEncoding | null;
  damage: DecodeDamage | null;
}

const NOT_A_REPORT: ParseResult = { target: null, base_image: null, recommendations: [], is_report: false };

export function parseReportBytes(bytes: Uint8Array): ParsedFile {
  const decoded = decodeReportBytes(bytes);
  if (decoded === null) return { results: [{ ...NOT_A_REPORT }], encoding: null, damage: null };
  let results = parseReports(decoded.text, { damaged: decoded.damage !== null });
  // Damage inside the header line itself hides the header: text that still has a report's other
  // landmarks is a damaged report, not "not a report" (which would let cleanup delete its data).
  if (decoded.damage !== null && results.length === 1 && results[0]?.is_report === false && looksLikeReport(decoded.text)) {
    results = [{ target: null, base_image: null, recommendations: [], is_report: true, error: "bytes not valid in the file's encoding where the report header should be" }];
  }
  // Damage in a later report's header hides that report inside the previous one, or ahead of
  // the first: every report has one `Base image is` line, so a surplus means a header was lost.
  if (decoded.damage !== null && results.some((r) => r.is_report)) {
    const bases = countBaseLines(decoded.text);
    const reports = results.filter((r) => r.is_report).length;
    if (bases > reports) {
      results = [...results, { target: null, base_image: null, recommendations: [], is_report: true, error: `bytes not valid in the file's encoding hide a report header (${bases} \`Base image is\` lines, ${reports} report header(s))` }];
    }
  }
  return {
    results,
    encoding: decoded.encoding,
    damage: decoded.damage,
  };
}

function countBaseLines(text: string): number {
  let count = 0;
  for (const line of text.split("\n")) if (line.trimStart().startsWith("Base image is")) count++;
  return count;
}

function looksLikeReport(text: string): boolean {
  return text.includes("Base image is") || text.includes("ecommended fixes") || text.includes("Refresh base image") || text.includes("Change base image");
}

/** "bytes not valid UTF-8 at byte offset 1234 (2 sequences read as U+FFFD)", for a warning. */
export function describeDamage(encoding: ReportEncoding, damage: DecodeDamage): string {
  const name = encoding.startsWith("utf-16le") ? "UTF-16LE" : encoding.startsWith("utf-16be") ? "UTF-16BE" : "UTF-8";
  const more = damage.count > 1 ? ` (and ${damage.count - 1} more; ${damage.count} sequences read as U+FFFD)` : " (read as U+FFFD)";
  return `bytes not valid ${name} at byte offset ${damage.firstOffset}${more}`;
}
