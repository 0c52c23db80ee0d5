// Runs a sync from resolved options, for both `scoutgraph sync` and the Cartography-compatible
// top-level form: sets up logging and progress, opens the store, calls runSync, renders the
// summary on stdout (and --summary-json), handles Ctrl-C, and decides the exit code.
import { stat, writeFile } from "node:fs/promises";
import { EXIT, ScoutgraphError } from "../errors.js";
import { SyncError } from "../sync/errors.js";
import { runSync } from "../sync/run-sync.js";
import type { RunSummary } from "../sync/summary.js";
import type { GraphStore } from "../stores/graph-store.js";
import { keepRunningWhenStdoutCloses } from "./closed-stdout.js";
import { exitCodeOfSummary } from "./exit-codes.js";
import { cliLogging, type CliLogging } from "./cli-logging.js";
import { parseSourceSpec } from "../sources/registry.js";
import { escapeControls } from "../text/controls.js";
import { originOf, type ResolvedOptions } from "./option-values.js";
import { abandonEmbeddedWrites, openStore } from "./open-store.js";
import { renderSummaryJson, renderSummaryText } from "./render-summary.js";
import { sourceFromFlags } from "./source-flags.js";
import { describeStore, storeConfigOf } from "./store-config.js";

export interface CliIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export const PROCESS_IO: CliIO = { stdout: process.stdout, stderr: process.stderr, env: process.env };

/** What to do when no source is configured: `sync` requires one, Cartography's form skips. */
export type MissingSource = "usage-error" | "skip";

export async function executeSync(resolved: ResolvedOptions, io: CliIO, missingSource: MissingSource): Promise<number> {
  keepRunningWhenStdoutCloses();
  const logging = cliLogging(resolved, io);
  const { log } = logging;
  try {
    const source = sourceFromFlags(resolved, log);
    if (source === undefined) {
      if (missingSource === "skip") {
        log.info("Docker Scout configuration not provided. Skipping Docker Scout ingestion.");
        return EXIT.OK;
      }
      throw new ScoutgraphError("USAGE", "--docker-scout-source is required (or SCOUTGRAPH_DOCKER_SCOUT_SOURCE).");
    }
    await assertLocalSourceExists(source, originOf(resolved, "dockerScoutSource"));
    const v = resolved.values;
    const updateTag = v.updateTag === undefined ? Math.floor(Date.now() / 1000) : integerIn(v.updateTag, "--update-tag", 1);
    const batchSize = integerIn(v.batchSize, "--batch-size", 1);
    const concurrency = integerIn(v.concurrency, "--concurrency", 1);
    const parseThreads = v.parseThreads === undefined ? undefined : integerIn(v.parseThreads, "--parse-threads", 0, MAX_PARSE_THREADS);
    const storeConfig = await storeConfigOf(resolved, io.env, log);
    if (storeConfig.kind === "embedded" && v.createTargetImages !== true) {
      log.debug("The embedded store always creates an Image node per report target.");
    }

    const store = await openStore(storeConfig);
    const summary = await withInterrupts(logging, storeConfig.kind, (signal) =>
      syncTo(store, logging, signal, {
        source,
        store,
        storeLabel: describeStore(storeConfig),
        updateTag,
        batchSize,
        concurrency,
        ...(parseThreads === undefined ? {} : { parseThreads }),
        createTargetImages: v.createTargetImages === true,
        sourceOptions: { logger: log },
      }),
    );
    logging.progress.stop();
    warnIfMostlyUnmatched(summary, logging.log, v.createTargetImages === true);
    io.stdout.write(renderSummaryText(summary));
    if (typeof v.summaryJson === "string") await writeFile(v.summaryJson, renderSummaryJson(summary));
    return exitCodeOfSummary(summary);
  } finally {
    logging.progress.stop();
  }
}

async function syncTo(
  store: GraphStore,
  logging: CliLogging,
  signal: AbortSignal,
  options: Parameters<typeof runSync>[0],
): Promise<RunSummary> {
  try {
    return await runSync(options, { signal, logger: logging.log, onProgress: (p) => logging.progress.update(p) });
  } catch (err) {
    if (!(err instanceof SyncError)) throw err;
    if (err.code === "INTERRUPTED") {
      logging.log.warn(
        store.kind === "embedded"
          ? "Interrupted: stopped before the end; no cleanup; the store keeps the graph from before this run."
          : "Interrupted: stopped before the end; no cleanup.",
      );
    }
    if (err.code !== "INTERRUPTED") logging.log.error(err.message);
    return err.summary;
  } finally {
    await store.close().catch((err: unknown) => logging.log.debug(`closing the store: ${String(err)}`));
  }
}

/**
 * Ctrl-C asks the run to stop cleanly (the current write finishes); a second Ctrl-C exits now.
 * Exiting now is safe for the embedded store: a sync only ever writes a private copy of the file,
 * so the copy is deleted (synchronously, before exit) and the published store is untouched. On
 * Neo4j each batch is its own transaction, which the server rolls back when the connection drops.
 */
async function withInterrupts<T>(logging: CliLogging, storeKind: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (): void => {
    if (!controller.signal.aborted) {
      controller.abort();
      return;
    }
    logging.progress.stop();
    if (storeKind === "embedded") {
      abandonEmbeddedWrites();
      logging.log.warn("Interrupted again: exiting now; the store keeps the graph from before this run.");
    } else {
      logging.log.warn("Interrupted again: exiting now.");
    }
    process.exit(EXIT.INTERRUPTED);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await work(controller.signal);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/**
 * Most reports linked to no Image: `report` will show (almost) nothing. Say why and what to do,
 * since the run itself is fine.
 */
function warnIfMostlyUnmatched(summary: RunSummary, log: CliLogging["log"], createTargetImages: boolean): void {
  const unmatched = summary.unmatchedDigests.count;
  const ingested = summary.reports.ingested;
  if (ingested === 0 || unmatched * 2 <= ingested) return;
  const share = unmatched === ingested ? "none" : `only ${ingested - unmatched}`;
  const fix = createTargetImages
    ? "check that the reports' target digests are those of your Image nodes"
    : "pass --create-target-images to create an Image per report target, or run Cartography's registry modules (ECR, GCR, ...) into this Neo4j first";
  log.warn(`${share} of ${ingested} reports matched an Image node, so \`scoutgraph report\` has few or no images to rank: ${fix}.`);
}

/** A local source that names nothing is a typo in the configuration (exit 2), not a failed run. */
async function assertLocalSourceExists(source: string, origin: string): Promise<void> {
  const spec = parseSourceSpec(source);
  if (spec.kind !== "local") return;
  try {
    await stat(spec.path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") return; // the source reports other problems itself
    throw new ScoutgraphError("USAGE", `${origin} ${escapeControls(source)}: no such file or folder.`, { subject: source });
  }
}

/** More parse threads than this only add memory: the store and the main thread are the limit. */
const MAX_PARSE_THREADS = 64;

/** An integer from `min` (0 or 1) to `max`, or a usage error naming the flag. */
function integerIn(value: unknown, flag: string, min: 0 | 1, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    throw new ScoutgraphError("USAGE", `${flag} must be ${min === 0 ? "0 or " : ""}a positive integer, got ${String(value)}.`);
  }
  if (value > max) throw new ScoutgraphError("USAGE", `${flag} must be at most ${max}, got ${value}.`);
  return value;
}
