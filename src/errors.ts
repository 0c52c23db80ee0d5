// Typed errors: library code throws these; only the CLI maps them to exit codes and messages.

export type ErrorCode =
  | "USAGE" // bad flags or configuration (exit 2)
  | "SOURCE" // a source cannot be listed: missing bucket, denied, bad credentials (exit 1)
  | "READ" // one report cannot be read (the run goes on, partial)
  | "STORE" // the graph store failed or is unreachable (exit 1)
  | "EMPTY_SOURCE" // a source with no report in it: no files, or only non-reports (exit 1)
  | "NO_DATA" // the store holds nothing to report on: never synced (exit 1)
  | "INTERRUPTED"; // Ctrl-C

export class ScoutgraphError extends Error {
  readonly code: ErrorCode;
  /** The report or source the error concerns, when there is one. */
  readonly subject: string | undefined;

  constructor(code: ErrorCode, message: string, options: { subject?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ScoutgraphError";
    this.code = code;
    this.subject = options.subject;
  }
}

/** Exit codes, contract Part A D9. */
export const EXIT = { OK: 0, FATAL: 1, USAGE: 2, PARTIAL: 3, GATE: 4, INTERRUPTED: 130 } as const;
