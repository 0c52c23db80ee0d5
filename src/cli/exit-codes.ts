// The CLI's one mapping from outcomes to exit codes (contract Part A D9).
import { EXIT, ScoutgraphError } from "../errors.js";
import type { RunSummary } from "../sync/summary.js";

export function exitCodeOfSummary(summary: RunSummary): number {
  switch (summary.status) {
    case "ok":
      return EXIT.OK;
    case "partial":
      // Failures with nothing ingested is not "partial": nothing was written.
      return summary.reports.ingested === 0 ? EXIT.FATAL : EXIT.PARTIAL;
    case "interrupted":
      return EXIT.INTERRUPTED;
    case "failed":
      return summary.error?.code === "USAGE" ? EXIT.USAGE : EXIT.FATAL;
  }
}

export function exitCodeOfError(err: unknown): number {
  if (err instanceof ScoutgraphError) {
    if (err.code === "USAGE") return EXIT.USAGE;
    if (err.code === "INTERRUPTED") return EXIT.INTERRUPTED;
  }
  return EXIT.FATAL;
}
