// What sync and parse both say about a source in which no file is a report.
/**
 * The one line, shared by sync and parse, for a source that holds no report at all (no file, or
 * none with the report header), else null. `reports` counts everything that was or may be one.
 */
export function noReportMessage(uri: string, listed: number, reports: number): string | null {
  if (reports > 0) return null;
  if (listed === 0) return `No Docker Scout report files found in ${uri}.`;
  const files = listed === 1 ? "1 file" : `${listed} files`;
  return `No Docker Scout report found in ${uri}: ${files} listed, none is a report (no report header).`;
}
