// The error runSync throws when a run cannot finish: it carries the run's summary up to the point
// of failure, so the caller can still report what was read and written.
import { ScoutgraphError, type ErrorCode } from "../errors.js";
import type { RunSummary } from "./summary.js";

export class SyncError extends ScoutgraphError {
  readonly summary: RunSummary;

  constructor(code: ErrorCode, message: string, summary: RunSummary, options: { subject?: string; cause?: unknown } = {}) {
    super(code, message, options);
    this.name = "SyncError";
    this.summary = summary;
  }
}

/** The code of a failure: a ScoutgraphError keeps its own, anything else gets `fallback`. */
export function codeOf(err: unknown, fallback: ErrorCode): ErrorCode {
  return err instanceof ScoutgraphError ? err.code : fallback;
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
