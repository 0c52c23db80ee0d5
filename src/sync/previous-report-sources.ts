// "Was this file a report in the previous run?" An emptied, binary or header-less file that held a
// report last time must not let cleanup delete that report's data: the pipeline counts it as a
// failure instead. The record is the DockerScoutReport node of each report (its `source`), which
// cleanup keeps until a run completes without failures. One module, so the record can change.
import type { GraphStore } from "../stores/graph-store.js";

export class PreviousReportSources {
  private sources: Promise<Set<string>> | null = null;

  constructor(private readonly store: GraphStore) {}

  /** Whether a report was read from `uri` by the last run that wrote it. One query, on first use. */
  async has(uri: string): Promise<boolean> {
    this.sources ??= this.load();
    return (await this.sources).has(uri);
  }

  private async load(): Promise<Set<string>> {
    try {
      const rows = await this.store.query("MATCH (r:DockerScoutReport) RETURN DISTINCT r.source AS source");
      return new Set(rows.map((r) => r.source).filter((s): s is string => typeof s === "string"));
    } catch {
      // A store written before DockerScoutReport existed has no such table: no previous record.
      return new Set();
    }
  }
}
