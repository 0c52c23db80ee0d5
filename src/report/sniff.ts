// What counts as a report (contract Part A D1): the `## Recommended fixes` header, or the legacy
// 2023 header `Recommended fixes for image  X`, on a line of its own after ANSI codes are removed.
// `docker scout cves` / `quickview` output has `Target │` rows too, so those rows prove nothing.
// A file can hold several reports (`>>` appends, CI logs): each header starts one.

const HEADER = "## Recommended fixes";
const LEGACY_HEADER = "Recommended fixes for image";

export interface ReportHeader {
  /** Index of the header line. */
  line: number;
  /** The image named by a legacy header (no Target/digest block then); null for the current header. */
  legacyImage: string | null;
  /** True for the 2023 header. */
  legacy: boolean;
}

function headerAt(lines: readonly string[], i: number): ReportHeader | null {
  const line = (lines[i] as string).trimStart();
  if (line.startsWith(HEADER)) return { line: i, legacyImage: null, legacy: false };
  if (line.startsWith(LEGACY_HEADER)) {
    const image = line.slice(LEGACY_HEADER.length).trim();
    return { line: i, legacyImage: image === "" ? null : image, legacy: true };
  }
  return null;
}

/** The first report header among normalised lines, or null when the text is not a report. */
export function findReportHeader(lines: readonly string[]): ReportHeader | null {
  for (let i = 0; i < lines.length; i++) {
    const header = headerAt(lines, i);
    if (header !== null) return header;
  }
  return null;
}

/** Every report header, in order. */
export function findReportHeaders(lines: readonly string[]): ReportHeader[] {
  const headers: ReportHeader[] = [];
  for (let i = 0; i < lines.length; i++) {
    // Cheap test first: most lines are table rows.
    const c = (lines[i] as string).indexOf("ecommended fixes");
    if (c < 0) continue;
    const header = headerAt(lines, i);
    if (header !== null) headers.push(header);
  }
  return headers;
}
