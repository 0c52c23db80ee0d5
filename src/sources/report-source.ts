// The ReportSource port: where reports live. One adapter per backend (local, s3, gcs, azblob),
// chosen by openReportSource (registry.ts) from a source string.
//
// How a listing reports entries it will not read: a ref with `problem` set. Such refs stay in the
// ordered stream (so counts and logs follow the same order as everything else) and must not be
// passed to `read`; the consumer logs `problem.message` and counts the ref. Kinds:
//   - "too-large":     bigger than the size cap (SourceOptions.maxReportBytes); skipped with a warning.
//   - "symlink-loop":  a local symbolic link that resolves to itself; skipped with a warning.
//   - "broken-link":   a local symbolic link whose target does not exist; skipped with a warning.
//   - "unreadable":    a local file or folder that cannot be examined (e.g. permission denied);
//                      this is a read failure (contract item 72): count it as failed, like a READ error.
// PROBLEM_IS_FAILURE below says the same as data, so the pipeline need not hard-code the kinds.
//
// Errors: `list()` throws ScoutgraphError("SOURCE") when the source as a whole cannot be listed
// (missing bucket or folder, denied access, bad credentials), before it yields anything.
// `read()` rejects with ScoutgraphError("READ") naming the object. Bytes only: deciding whether
// they are text, and a report, is the report layer's job (src/report/decode.ts).

export type ReportProblemKind = "too-large" | "symlink-loop" | "broken-link" | "unreadable";

export interface ReportProblem {
  kind: ReportProblemKind;
  /** One line naming the entry and the problem, ready to log. */
  message: string;
}

/** Whether a listing problem counts as a read failure (blocks cleanup) or only as a skip. */
export const PROBLEM_IS_FAILURE: Readonly<Record<ReportProblemKind, boolean>> = {
  "too-large": false,
  "symlink-loop": false,
  "broken-link": false,
  unreadable: true,
};

export interface ReportRef {
  /** Provenance used in logs and errors, e.g. `s3://bucket/key` or a local path. */
  uri: string;
  /** Backend key relative to the source root; reports are processed in code-point order of it. */
  name: string;
  /** Size in bytes when the listing knows it. */
  size?: number;
  /** Last modification, seconds since the epoch, when the listing knows it (a report's age for `report --max-age`). */
  modified?: number;
  /** Set when the entry was found but will not be read (see the header of this file). */
  problem?: ReportProblem;
}

export interface ReportSource {
  /** The canonical source URI, e.g. `s3://bucket/prefix`. */
  readonly uri: string;
  /** Every candidate report, in ascending code-point order of `name`, streamed. */
  list(): AsyncIterable<ReportRef>;
  /** The whole object; rejects with a ScoutgraphError naming `ref.uri` when it cannot be read. */
  read(ref: ReportRef): Promise<Buffer>;
  close(): Promise<void>;
}
