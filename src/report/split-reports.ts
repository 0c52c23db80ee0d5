// Several reports in one file (`cat a.txt b.txt`, a CI loop appending with `>>`, a blog capture):
// each report header starts a report, and the report begins at its own `Target` block (the one
// nearest above its header, after the previous header). Lines between two reports (a shell prompt,
// console chatter) end the previous report, where the parser ignores them.
import { BAR } from "./cells.js";
import { findReportHeaders, type ReportHeader } from "./sniff.js";

export interface ReportSegment {
  /** First line of the report: its Target line, else its header line. */
  start: number;
  /** One past the last line. */
  end: number;
  header: ReportHeader;
  /** Index of the `Target │` line, or -1 when there is none. */
  targetLine: number;
}

/** `label │ value` when the line's first cell is exactly `label` (value trimmed), else undefined. */
export function labelledValue(line: string, label: string): string | undefined {
  const bar = line.indexOf(BAR);
  if (bar < 0 || line.slice(0, bar).trim() !== label) return undefined;
  return line.slice(bar + BAR.length).trim();
}

/** A `Target │` row, or the same row drawn with DEC special graphics (`Target   x`). */
function isTargetLine(line: string): boolean {
  return labelledValue(line, "Target") !== undefined || /^\s*Target +x( |$)/.test(line);
}

/** The reports among normalised lines, in file order; [] when there is no report header. */
export function splitReports(lines: readonly string[]): ReportSegment[] {
  const headers = findReportHeaders(lines);
  const segments: ReportSegment[] = [];
  let floor = 0;
  for (const header of headers) {
    let targetLine = -1;
    if (!header.legacy) {
      for (let i = header.line - 1; i >= floor; i--) {
        if (isTargetLine(lines[i] as string)) {
          targetLine = i;
          break;
        }
      }
    }
    const start = targetLine >= 0 ? targetLine : header.line;
    const previous = segments[segments.length - 1];
    if (previous !== undefined) previous.end = start;
    segments.push({ start, end: lines.length, header, targetLine });
    floor = header.line + 1;
  }
  return segments;
}
