// Reads a source's reports with bounded concurrency, yielding outcomes in listing order. At most
// `concurrency` reads are in flight and at most that many results wait to be consumed, so memory
// stays flat however many reports the source holds.
import { ScoutgraphError } from "../errors.js";
import type { ReportProblem, ReportRef, ReportSource } from "./report-source.js";

export type ReadOutcome =
  | { status: "read"; ref: ReportRef; bytes: Buffer }
  /** The listing flagged the ref (too large, symlink loop...): not read; see PROBLEM_IS_FAILURE. */
  | { status: "skipped"; ref: ReportRef; problem: ReportProblem }
  /** `read` failed; `error` is a ScoutgraphError("READ") naming the object. */
  | { status: "failed"; ref: ReportRef; error: ScoutgraphError };

export interface ReadReportsOptions {
  /** Reads in flight at once; default 8. */
  concurrency?: number;
}

export const DEFAULT_READ_CONCURRENCY = 8;

async function readOne(source: ReportSource, ref: ReportRef): Promise<ReadOutcome> {
  if (ref.problem !== undefined) return { status: "skipped", ref, problem: ref.problem };
  try {
    return { status: "read", ref, bytes: await source.read(ref) };
  } catch (err) {
    const error =
      err instanceof ScoutgraphError ? err : new ScoutgraphError("READ", `Failed to read ${ref.uri}: ${(err as Error).message}`, { subject: ref.uri, cause: err });
    return { status: "failed", ref, error };
  }
}

/**
 * Lists `source` (or takes `refs`) and reads every ref. A listing error (ScoutgraphError "SOURCE")
 * is thrown after the outcomes already listed have been yielded; read errors are outcomes.
 */
export async function* readReports(
  source: ReportSource,
  options: ReadReportsOptions = {},
  refs: AsyncIterable<ReportRef> = source.list(),
): AsyncGenerator<ReadOutcome> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_READ_CONCURRENCY));
  const iterator = refs[Symbol.asyncIterator]();
  const window: Promise<ReadOutcome>[] = [];
  let listingError: unknown;
  let listed = false;
  try {
    for (;;) {
      while (!listed && listingError === undefined && window.length < concurrency) {
        try {
          const next = await iterator.next();
          if (next.done === true) listed = true;
          else window.push(readOne(source, next.value));
        } catch (err) {
          listingError = err;
        }
      }
      const head = window.shift();
      if (head === undefined) break;
      yield await head;
    }
    if (listingError !== undefined) throw listingError;
  } finally {
    if (!listed && listingError === undefined) await iterator.return?.();
  }
}
