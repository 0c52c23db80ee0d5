// Which sources (files, objects) the graph holds reports from, read from the per-report records
// (DockerScoutReport). A sync uses it to know that a source held a report in an earlier run, so a
// source that is empty or unreadable now is not mistaken for one that never held a report.
import type { GraphStore } from "./graph-store.js";

export const REPORT_SOURCES_QUERY = `
MATCH (r:DockerScoutReport)
RETURN r.source AS source, max(r.lastupdated) AS lastupdated`;

/**
 * Every source with a report in the graph -> the update tag of the last run that wrote one of its
 * reports. After a sync whose cleanup ran these are exactly the sources of that run; when cleanup
 * was skipped, older runs' sources are still there too (their data is still in the graph).
 */
export async function reportSources(store: GraphStore): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const row of await store.query(REPORT_SOURCES_QUERY)) {
    if (typeof row.source !== "string") continue;
    out.set(row.source, Number(row.lastupdated ?? 0));
  }
  return out;
}
