// What a scan did, for the summary on standard output and --summary-json (docs/scan.md).
import type { FailureKind } from "./failures.js";

export type ScanStatus = "ok" | "partial" | "failed" | "interrupted";

export interface ScanFailure {
  reference: string;
  /** A FailureKind, or `rejected` for a reference refused before scanning, `write-failed` for DEST. */
  reason: FailureKind | "rejected" | "write-failed";
  message: string;
  attempts: number;
}

export interface ScanSummary {
  schemaVersion: 1;
  status: ScanStatus;
  destination: string;
  scoutCommand: string;
  scoutVersion: string | null;
  startedAt: string;
  durationMs: number;
  images: {
    /** Distinct targets after de-duplication (rejected references not included). */
    requested: number;
    /** Scout runs that produced a report (each one written). */
    scanned: number;
    skippedFresh: number;
    failed: number;
    written: number;
    /** Targets not started because the run stopped (fatal error or interrupt). */
    notStarted: number;
  };
  /** Scout runs in all, retries included. */
  scoutRuns: number;
  retries: number;
  failedByReason: Record<string, number>;
  failures: ScanFailure[];
  /** Report names written, in the order they were written. */
  written: string[];
  error?: { code: string; message: string };
}

export class ScanSummaryRecorder {
  readonly summary: ScanSummary;
  private readonly started = Date.now();

  constructor(destination: string, scoutCommand: string, requested: number) {
    this.summary = {
      schemaVersion: 1,
      status: "ok",
      destination,
      scoutCommand,
      scoutVersion: null,
      startedAt: new Date(this.started).toISOString(),
      durationMs: 0,
      images: { requested, scanned: 0, skippedFresh: 0, failed: 0, written: 0, notStarted: 0 },
      scoutRuns: 0,
      retries: 0,
      failedByReason: {},
      failures: [],
      written: [],
    };
  }

  fail(failure: ScanFailure): void {
    this.summary.images.failed += 1;
    this.summary.failures.push(failure);
    this.summary.failedByReason[failure.reason] = (this.summary.failedByReason[failure.reason] ?? 0) + 1;
  }

  wrote(name: string): void {
    this.summary.images.scanned += 1;
    this.summary.images.written += 1;
    this.summary.written.push(name);
  }

  finish(fatal: { code: string; message: string } | undefined, interrupted: boolean): ScanSummary {
    const s = this.summary;
    s.durationMs = Date.now() - this.started;
    if (interrupted) s.status = "interrupted";
    else if (fatal !== undefined) s.status = "failed";
    else s.status = s.images.failed > 0 ? "partial" : "ok";
    if (fatal !== undefined) s.error = fatal;
    return s;
  }
}
