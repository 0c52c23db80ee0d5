// The run summary: what a sync did, computed by the pipeline and rendered by the CLI (text on
// stdout, JSON with --summary-json). Its JSON shape is documented in docs/operations.md.

export interface ReportIssue {
  /** The report's URI (a local path or an object URI). */
  uri: string;
  reason: string;
}

export type CleanupOutcome =
  | { ran: true; nodesDeleted: number; relationshipsDeleted: number }
  | { ran: false; reason: string };

export type RunStatus = "ok" | "partial" | "failed" | "interrupted";

export interface RunSummary {
  /** Bumped when a field changes meaning or disappears; new fields may appear without a bump. */
  schemaVersion: 1;
  /** ok: no failures; partial: some reports failed; failed: a fatal error; interrupted: stopped. */
  status: RunStatus;
  source: string;
  store: string;
  updateTag: number;
  startedAt: string;
  durationMs: number;
  reports: {
    /** Entries the source listed, including those it skipped. */
    listed: number;
    /** Entries the listing flagged and skipped without counting them as failures (e.g. too large). */
    skipped: number;
    /** Files without the report header, binary or non-UTF-8 files (contract D1, D6). */
    notReports: number;
    /** Reports whose base image Docker Scout could not resolve: valid, nothing to write. */
    noBaseImage: number;
    /** Reports parsed and written to the graph. */
    ingested: number;
    /** Reports that could not be read or parsed (each one is in `failures`). */
    failed: number;
  };
  failures: ReportIssue[];
  skipped: ReportIssue[];
  /** Files read with replacement characters (bytes not valid in their encoding, outside identity fields). */
  warnings: ReportIssue[];
  written: { nodes: number; relationships: number; builtOnLinks: number };
  /** Reports with a target digest that matched no Image node (so no BUILT_ON); first URIs only. */
  unmatchedDigests: { count: number; examples: string[] };
  /** The same reports by file and the target digest the report printed (null: it had none); first ones only. */
  unmatchedReports: { uri: string; digest: string | null }[];
  cleanup: CleanupOutcome;
  /** The fatal error, for status failed or interrupted. */
  error?: { code: string; message: string };
}

const MAX_EXAMPLES = 20;

/** Accumulates a summary while the pipeline runs. */
export class SummaryRecorder {
  readonly summary: RunSummary;
  private readonly started: number;

  constructor(source: string, store: string, updateTag: number, now: Date = new Date()) {
    this.started = now.getTime();
    this.summary = {
      schemaVersion: 1,
      status: "ok",
      source,
      store,
      updateTag,
      startedAt: now.toISOString(),
      durationMs: 0,
      reports: { listed: 0, skipped: 0, notReports: 0, noBaseImage: 0, ingested: 0, failed: 0 },
      failures: [],
      skipped: [],
      warnings: [],
      written: { nodes: 0, relationships: 0, builtOnLinks: 0 },
      unmatchedDigests: { count: 0, examples: [] },
      unmatchedReports: [],
      cleanup: { ran: false, reason: "the run did not finish" },
    };
  }

  fail(uri: string, reason: string): void {
    this.summary.reports.failed += 1;
    this.summary.failures.push({ uri, reason });
  }

  skip(uri: string, reason: string): void {
    this.summary.reports.skipped += 1;
    this.summary.skipped.push({ uri, reason });
  }

  warn(uri: string, reason: string): void {
    this.summary.warnings.push({ uri, reason });
  }

  unmatched(uri: string, digest: string | null = null): void {
    const u = this.summary.unmatchedDigests;
    u.count += 1;
    if (u.examples.length < MAX_EXAMPLES) {
      u.examples.push(uri);
      this.summary.unmatchedReports.push({ uri, digest });
    }
  }

  finish(status: RunStatus, error?: { code: string; message: string }): RunSummary {
    this.summary.status = status;
    this.summary.durationMs = Date.now() - this.started;
    if (error !== undefined) this.summary.error = error;
    return this.summary;
  }
}
