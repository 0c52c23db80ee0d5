// What counts as a report (contract Part A D1): the `## Recommended fixes` header, or the legacy
// 2023 header `Recommended fixes for image  X`, on a line of its own after ANSI codes are removed.
// `docker scout cves` / `quickview` output has `Target │` rows too, so those rows prove nothing.

const HEADER = "## Recommended fixes";
const LEGACY_HEADER = "Recommended fixes for image";

export interface ReportHeader {
  /** Index of the header line. */
  line: number;
  /** The image named by a legacy header (no Target/digest block then); null for the current header. */
  legacyImage: string | null;
}

/** The first report header among normalised lines, or null when the text is not a report. */
export function findReportHeader(lines: readonly string[]): ReportHeader | null {
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trimStart();
    if (line.startsWith(HEADER)) return { line: i, legacyImage: null };
    if (line.startsWith(LEGACY_HEADER)) return { line: i, legacyImage: line.slice(LEGACY_HEADER.length).trim() };
  }
  return null;
}
