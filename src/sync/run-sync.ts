// The sync pipeline: list -> read (bounded concurrency, order kept) -> sniff and parse -> build
// batches -> load (overlapping the next batch) -> cleanup -> summary. The library entry point:
// it throws typed errors (SyncError, with the summary so far) and never exits or prints.
import { BatchBuilder } from "../graph/batch-builder.js";
import { DigestIndex } from "../graph/digest-index.js";
import { openReportSource } from "../sources/registry.js";
import type { SourceOptions } from "../sources/options.js";
import { PROBLEM_IS_FAILURE, type ReportRef, type ReportSource } from "../sources/report-source.js";
import type { GraphStore } from "../stores/graph-store.js";
import { ScoutgraphError } from "../errors.js";
import type { PreparedFile, PreparedOutcome } from "./prepare-file.js";
import { PreparePool } from "./prepare-pool.js";
import { SyncError, codeOf, messageOf } from "./errors.js";
import { SILENT_LOGGER, type SyncLogger } from "./logger.js";
import { mapOrdered } from "./ordered-map.js";
import { prefetch } from "./prefetch.js";
import { PreviousReportSources } from "./previous-report-sources.js";
import { SerialWriter } from "./serial-writer.js";
import { SummaryRecorder, type RunSummary } from "./summary.js";
import { noReportMessage } from "./no-report.js";

export interface SyncOptions {
  /** A source string (path, s3://, gs://, azblob://) or an opened source (not closed by runSync). */
  source: string | ReportSource;
  sourceOptions?: SourceOptions;
  /** An opened store; runSync does not close it. */
  store: GraphStore;
  /** How the summary names the store (default: its kind); never include credentials. */
  storeLabel?: string;
  /** Written as `lastupdated`; default: the current Unix time in seconds. */
  updateTag?: number;
  /** Create an Image node per report target (always on for the embedded store). */
  createTargetImages?: boolean;
  /** Reports per write; default 5000. */
  batchSize?: number;
  /** Reports read at once; default 16. */
  concurrency?: number;
  /** Worker threads that parse reports; 0 parses on the calling thread; default defaultPrepareThreads(). */
  parseThreads?: number;
}

export interface SyncProgress {
  listed: number;
  /** True once the listing has ended, so `listed` is the total. */
  listingDone: boolean;
  read: number;
  parsed: number;
  written: number;
  failed: number;
}

export interface SyncHooks {
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  logger?: SyncLogger;
}

/** Measured on Neo4j and the embedded store (bench/sync.ts): per-batch overhead dominates below this. */
export const DEFAULT_BATCH_SIZE = 5000;

/** The smallest batch sent early to an idle writer (see the read loop). */
const MIN_EARLY_BATCH = 500;

/** Listed entries held ahead of the readers (small refs, not contents). */
const LISTING_AHEAD = 1024;

/** A listed entry after reading and preparing: `file` is null for a ref with a listing problem. */
type ReadItem = { ref: ReportRef; file: PreparedFile | null } | { ref: ReportRef; readError: string };

export async function runSync(options: SyncOptions, hooks: SyncHooks = {}): Promise<RunSummary> {
  const log = hooks.logger ?? SILENT_LOGGER;
  const signal = hooks.signal;
  const updateTag = options.updateTag ?? Math.floor(Date.now() / 1000);
  const store = options.store;
  const createTargetImages = store.kind === "embedded" || options.createTargetImages === true;
  const previous = new PreviousReportSources(store);
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const minBatch = Math.min(batchSize, MIN_EARLY_BATCH);
  const sourceName = typeof options.source === "string" ? options.source : options.source.uri;
  const recorder = new SummaryRecorder(sourceName, options.storeLabel ?? store.kind, updateTag);
  const counts = recorder.summary.reports;
  const progress: SyncProgress = { listed: 0, listingDone: false, read: 0, parsed: 0, written: 0, failed: 0 };
  const report = (): void => hooks.onProgress?.({ ...progress, failed: counts.failed });

  const fatal = (code: ScoutgraphError["code"], err: unknown, subject?: string): SyncError => {
    const message = messageOf(err);
    const summary = recorder.finish(code === "INTERRUPTED" ? "interrupted" : "failed", { code, message });
    summary.cleanup = { ran: false, reason: code === "INTERRUPTED" ? "the run was interrupted" : "the run failed" };
    return new SyncError(code, message, summary, { cause: err, ...(subject === undefined ? {} : { subject }) });
  };

  let source: ReportSource;
  try {
    source = typeof options.source === "string" ? await openReportSource(options.source, options.sourceOptions) : options.source;
  } catch (err) {
    throw fatal(codeOf(err, "SOURCE"), err, sourceName);
  }
  recorder.summary.source = source.uri;
  log.info(`Using Docker Scout recommendation reports from ${source.uri}`);

  const preparer = new PreparePool(options.parseThreads);
  let finished = false;
  try {
    // The store first: an unreachable store fails before anything is listed or read.
    let index: DigestIndex;
    try {
      await store.verifyConnectivity();
      await store.prepare();
      index = await DigestIndex.build(store.imageDigests());
    } catch (err) {
      throw fatal(codeOf(err, "STORE"), err);
    }

    const builder = new BatchBuilder(index, { createTargetImages });
    const writer = new SerialWriter(store, { updateTag }, (stats, batch, reports) => {
      recorder.summary.written.nodes += stats.nodes;
      recorder.summary.written.relationships += stats.relationships;
      recorder.summary.written.builtOnLinks += batch.builtOn.length;
      progress.written += reports;
      report();
    });

    const listing = prefetch(countListing(source.list(), recorder, progress, report), LISTING_AHEAD, signal);
    const read = async (ref: ReportRef): Promise<ReadItem> => {
      if (ref.problem !== undefined) return { ref, file: null };
      let bytes: Buffer;
      try {
        bytes = await source.read(ref);
      } catch (err) {
        if (err instanceof ScoutgraphError && err.code !== "READ") throw err;
        return { ref, readError: messageOf(err) };
      }
      return { ref, file: await preparer.prepare(bytes) };
    };

    try {
      for await (const item of mapOrdered(listing, options.concurrency ?? 16, read, signal)) {
        progress.read += 1;
        const outcomes = await handle(item, recorder, log);
        // Several reports in one file are written one by one, in file order (the last one wins).
        for (const [index, outcome] of outcomes.entries()) {
          if (outcome.kind !== "report") continue;
          const added = builder.addGraph(outcome.graph, { uri: item.ref.uri, index, modified: item.ref.modified ?? null });
          const linked = added.matchedImages + (added.targetImageId === null ? 0 : 1);
          if (linked === 0) recorder.unmatched(item.ref.uri, outcome.graph.target.digest);
          counts.ingested += 1;
          progress.parsed += 1;
          const which = outcomes.length > 1 ? ` (report ${index + 1} of ${outcomes.length})` : "";
          log.debug(`Parsed ${item.ref.uri}${which}: public_image=${added.publicImageId}, attached to ${linked} target image node(s)`, {
            uri: item.ref.uri,
          });
        }
        // A full batch waits for the writer; while the writer has nothing to do, a smaller one
        // goes at once, so the store is busy from the first reports on instead of idle while the
        // first full batch is parsed.
        if (builder.pending >= batchSize || (writer.idle && builder.pending >= minBatch)) await submit(writer, builder);
        report();
      }
    } catch (err) {
      if (err instanceof SyncError) throw err;
      const code = isStoreFailure(err) ? "STORE" : codeOf(err, "SOURCE");
      throw fatal(code, err);
    }

    try {
      if (signal?.aborted !== true && builder.pending > 0) await submit(writer, builder);
      await writer.flush();
    } catch (err) {
      throw fatal(codeOf(err, "STORE"), err);
    }
    progress.listingDone = true;
    report();

    if (signal?.aborted === true) {
      throw fatal("INTERRUPTED", new Error("interrupted: the run stopped before the end; cleanup skipped"));
    }
    const noReport = noReportMessage(source.uri, counts.listed, counts.ingested + counts.noBaseImage + counts.failed + counts.skipped);
    if (noReport !== null) {
      // An empty source and a source of non-reports alike: nothing to write, nothing to clean up,
      // and a nightly job should see that its upload went wrong (parse says the same).
      throw fatal("EMPTY_SOURCE", new Error(noReport), source.uri);
    }
    log.info(`Processed ${counts.listed} Docker Scout report files from ${source.uri}`);

    try {
      await cleanupIfSafe(store, updateTag, recorder, log);
      // A store that stages the run (embedded) makes it the store's graph only now.
      finished = true;
      await store.finishRun?.("commit");
    } catch (err) {
      throw fatal(codeOf(err, "STORE"), err);
    }
    return recorder.finish(counts.failed > 0 ? "partial" : "ok");
  } finally {
    // Failed or interrupted: a staging store keeps the graph from before the run.
    if (!finished) await store.finishRun?.("discard").catch((err: unknown) => log.debug(`discarding the run's writes: ${messageOf(err)}`));
    await preparer.close();
    if (typeof options.source === "string") await source.close().catch(() => undefined);
  }

  /** What to do with each report of one listed entry; [] when there is nothing to write. */
  async function handle(item: ReadItem, rec: SummaryRecorder, logger: SyncLogger): Promise<PreparedOutcome[]> {
    const { ref } = item;
    if (ref.problem !== undefined) {
      if (PROBLEM_IS_FAILURE[ref.problem.kind]) {
        logger.error(ref.problem.message, { uri: ref.uri });
        rec.fail(ref.uri, ref.problem.message);
      } else {
        logger.warn(ref.problem.message, { uri: ref.uri });
        rec.skip(ref.uri, ref.problem.message);
      }
      return [];
    }
    if ("readError" in item) {
      // Sources name the object in their READ errors; don't say it twice.
      const line = item.readError.includes(ref.uri) ? item.readError : `Failed to read ${ref.uri}: ${item.readError}`;
      logger.error(line, { uri: ref.uri });
      rec.fail(ref.uri, item.readError);
      return [];
    }
    const file = item.file;
    if (file === null) return [];
    const only = file.reports[0];
    if (file.reports.length === 1 && only?.kind === "not-a-report" && (await previous.has(ref.uri))) {
      // Emptied, overwritten or re-encoded into something unreadable since the last run.
      const reason = `held a report in the previous run but is now ${only.reason === "no report header" ? "text without a report header" : only.reason}; counted as failed so cleanup keeps its data (delete the file to retire that report)`;
      logger.error(`Failed to read ${ref.uri}: ${reason}`, { uri: ref.uri });
      rec.fail(ref.uri, reason);
      return [];
    }
    const several = file.reports.length > 1;
    const malformedCount = file.reports.filter((o) => o.kind === "malformed").length;
    if (file.damage !== null && malformedCount === 0 && file.reports[0]?.kind !== "not-a-report") {
      // Damage outside identity fields: the report is read through, and the user is told where.
      logger.warn(`Read ${ref.uri} with replacement characters: ${file.damage}`, { uri: ref.uri });
      rec.warn(ref.uri, file.damage);
    }
    file.reports.forEach((outcome, i) => {
      const name = several ? `${ref.uri} (report ${i + 1} of ${file.reports.length})` : ref.uri;
      switch (outcome.kind) {
        case "not-a-report":
          logger.debug(`Skipping ${ref.uri}: not a Docker Scout recommendations report (${outcome.reason})`, { uri: ref.uri });
          counts.notReports += 1;
          break;
        case "malformed":
          logger.warn(`Failed to parse ${name}: ${outcome.reason}`, { uri: ref.uri });
          // One failure per file: the file is what a user fixes.
          if (outcome === file.reports.find((o) => o.kind === "malformed")) {
            rec.fail(ref.uri, several ? `report ${i + 1} of ${file.reports.length}: ${outcome.reason}` : outcome.reason);
          }
          break;
        case "no-base-image":
          logger.info(`No base image in ${name}: Docker Scout could not resolve it; nothing to write`, { uri: ref.uri });
          counts.noBaseImage += 1;
          break;
        case "report":
          break;
      }
    });
    return file.reports;
  }
}

async function submit(writer: SerialWriter, builder: BatchBuilder): Promise<void> {
  const reports = builder.pending;
  try {
    await writer.submit(builder.take(), reports);
  } catch (err) {
    throw new StoreFailure(err);
  }
}

/** Marks an error as coming from the store, so the pipeline maps it to STORE (exit 1). */
class StoreFailure extends Error {
  constructor(readonly original: unknown) {
    super(messageOf(original), { cause: original });
  }
}

function isStoreFailure(err: unknown): boolean {
  return err instanceof StoreFailure;
}

async function* countListing(
  refs: AsyncIterable<ReportRef>,
  recorder: SummaryRecorder,
  progress: SyncProgress,
  report: () => void,
): AsyncGenerator<ReportRef> {
  for await (const ref of refs) {
    recorder.summary.reports.listed += 1;
    progress.listed += 1;
    yield ref;
  }
  progress.listingDone = true;
  report();
}

async function cleanupIfSafe(store: GraphStore, updateTag: number, recorder: SummaryRecorder, log: SyncLogger): Promise<void> {
  const { failed, ingested } = recorder.summary.reports;
  if (failed > 0) {
    const reason = `${failed} report(s) failed to read or parse`;
    log.warn(`Skipping Docker Scout cleanup because ${reason}.`);
    recorder.summary.cleanup = { ran: false, reason };
    return;
  }
  if (ingested === 0) {
    const reason = "no reports were ingested";
    log.warn(`Skipping Docker Scout cleanup because ${reason}.`);
    recorder.summary.cleanup = { ran: false, reason };
    return;
  }
  log.info("Running Docker Scout cleanup");
  const stats = await store.cleanup({ updateTag });
  recorder.summary.cleanup = { ran: true, ...stats };
}
