// Runs a scan: for each target, decide from DEST whether its report is fresh, otherwise run Scout
// (bounded concurrency, per-image timeout, retries with backoff), check that what Scout wrote is
// a whole report (the same classification `sync` applies), and publish it atomically with its
// record. A fatal failure (not logged in, Scout missing, DEST unwritable) or the caller's signal
// stops every scan in flight; nothing partial reaches DEST because Scout only ever writes into a
// private work folder.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import pLimit from "p-limit";
import type { ReportSink } from "../sources/report-sink.js";
import { SILENT_LOGGER, type SyncLogger } from "../sync/logger.js";
import { VERSION } from "../version.js";
import { retryDelayMs } from "./backoff.js";
import { FATAL_HINT, SCOPE } from "./failures.js";
import { decide } from "./plan.js";
import { digestMatches } from "./references.js";
import { runScoutProcess } from "./run-scout.js";
import { decodeRecord, encodeRecord, type ScanRecord } from "./scan-record.js";
import { ScanSummaryRecorder, type ScanSummary } from "./scan-summary.js";
import { recommendationsArgv, type PassThrough } from "./scout-command.js";
import { cannotRun, outcomeOf, preflight, sleep } from "./scout-outcome.js";
import type { RejectedReference, ScanTarget } from "./targets.js";

export interface ScanOptions {
  targets: readonly ScanTarget[];
  rejected?: readonly RejectedReference[];
  sink: ReportSink;
  scoutCommand: readonly string[];
  passThrough: PassThrough;
  maxAgeMs: number;
  force: boolean;
  concurrency: number;
  timeoutMs: number;
  /** Retries after the first attempt, for retryable failures. */
  retries: number;
  /** Base of the backoff for transient errors; rate limits wait RATE_LIMIT_FACTOR times longer. */
  retryDelayMs: number;
  /** Environment for Scout (credentials, DOCKER_CONFIG, DOCKER_SCOUT_CACHE_DIR...). */
  env: NodeJS.ProcessEnv;
  /** A private folder for Scout's --output files (never DEST). */
  workDir: string;
}

export interface ScanProgress {
  total: number;
  done: number;
  running: number;
  scanned: number;
  skipped: number;
  failed: number;
}

export interface ScanHooks {
  signal?: AbortSignal;
  logger?: SyncLogger;
  onProgress?: (progress: ScanProgress) => void;
  now?: () => Date;
  random?: () => number;
}

export async function runScan(options: ScanOptions, hooks: ScanHooks = {}): Promise<ScanSummary> {
  const log = hooks.logger ?? SILENT_LOGGER;
  const now = hooks.now ?? (() => new Date());
  const random = hooks.random ?? Math.random;
  const recorder = new ScanSummaryRecorder(options.sink.uri, options.scoutCommand.join(" "), options.targets.length);
  const summary = recorder.summary;
  const stop = new AbortController();
  const outer = hooks.signal;
  const onOuterAbort = (): void => stop.abort();
  if (outer?.aborted === true) stop.abort();
  outer?.addEventListener("abort", onOuterAbort, { once: true });
  let fatal: { code: string; message: string } | undefined;
  const failFatal = (code: string, message: string): void => {
    if (fatal !== undefined) return;
    fatal = { code, message };
    log.error(message);
    stop.abort();
  };

  for (const r of options.rejected ?? []) {
    log.error(`${r.where}: ${r.reference}: ${r.problem}`);
    recorder.fail({ reference: r.reference, reason: "rejected", message: r.problem, attempts: 0 });
  }

  const progress = { total: options.targets.length, done: 0, running: 0, scanned: 0, skipped: 0, failed: 0 };
  const report = (): void => hooks.onProgress?.({ ...progress, failed: summary.images.failed });
  let cooldownUntil = 0;

  const scoutEnv = { ...options.env };
  try {
    summary.scoutVersion = await preflight(options, scoutEnv, stop.signal, failFatal, log);

    const scanOne = async (target: ScanTarget, index: number): Promise<void> => {
      if (stop.signal.aborted) {
        summary.images.notStarted += 1;
        return;
      }
      let stored;
      try {
        stored = options.force ? undefined : await options.sink.stat(target.name);
      } catch (err) {
        failFatal("SOURCE", (err as Error).message);
        summary.images.notStarted += 1;
        return;
      }
      const existing = stored === undefined ? undefined : { modified: stored.modified, record: stored.metadata === undefined ? undefined : decodeRecord(stored.metadata) };
      const decision = decide(target, existing, now(), options.maxAgeMs, options.force, options.passThrough.platform ?? target.platform);
      if (!decision.scan) {
        log.debug(`Skipping ${target.reference}: its report ${target.name} is fresh.`);
        summary.images.skippedFresh += 1;
        progress.done += 1;
        progress.skipped += 1;
        report();
        return;
      }
      log.debug(`Scanning ${target.reference} (${decision.reason}).`);
      progress.running += 1;
      report();
      try {
        await scanWithRetries(target, index);
      } finally {
        progress.running -= 1;
        progress.done += 1;
        report();
      }
    };

    const scanWithRetries = async (target: ScanTarget, index: number): Promise<void> => {
      for (let attempt = 1; ; attempt++) {
        await sleep(cooldownUntil - Date.now(), stop.signal);
        if (stop.signal.aborted) {
          summary.images.notStarted += 1;
          return;
        }
        const output = join(options.workDir, `${index}-${attempt}.txt`);
        const argv = recommendationsArgv(options.scoutCommand, target.reference, output, options.passThrough);
        summary.scoutRuns += 1;
        const run = await runScoutProcess(argv, { timeoutMs: options.timeoutMs, signal: stop.signal, env: scoutEnv });
        try {
          if (run.aborted) {
            summary.images.notStarted += 1;
            return;
          }
          if (run.spawnError !== undefined) {
            failFatal("SCOUT", cannotRun(options.scoutCommand, run.spawnError));
            return;
          }
          const outcome = await outcomeOf(run, output);
          if (outcome.kind === "report") {
            await publish(target, outcome.bytes, outcome.reportDigest);
            return;
          }
          const failure = outcome.failure;
          const scope = SCOPE[failure.kind];
          if (scope === "fatal") {
            failFatal("SCOUT", `${target.reference}: ${failure.message}. ${FATAL_HINT[failure.kind] ?? ""}`.trim());
            return;
          }
          if (scope === "retry" && attempt <= options.retries) {
            const delay = retryDelayMs(failure.kind, attempt, options.retryDelayMs, random);
            // Docker Hub limits are per client address: every scan waits, not only this one.
            if (failure.kind === "rate-limited") cooldownUntil = Math.max(cooldownUntil, Date.now() + delay);
            summary.retries += 1;
            log.warn(`${target.reference}: ${failure.kind} (${failure.message}); retry ${attempt} of ${options.retries} in ${(delay / 1000).toFixed(1)}s.`);
            await sleep(delay, stop.signal);
            continue;
          }
          log.error(`${target.reference}: ${failure.kind}: ${failure.message}`);
          recorder.fail({ reference: target.reference, reason: failure.kind, message: failure.message, attempts: attempt });
          return;
        } finally {
          await rm(output, { force: true });
        }
      }
    };

    const publish = async (target: ScanTarget, bytes: Buffer, reportDigest: string | null): Promise<void> => {
      if (target.digest !== undefined && reportDigest !== null && !digestMatches(target.digest, reportDigest)) {
        log.warn(
          `${target.reference}: Scout analysed digest ${reportDigest}, not ${target.digest} (a local copy's image ID? a registry:// reference analyses the registry's image).`,
        );
      }
      const record: ScanRecord = {
        schemaVersion: 1,
        reference: target.reference,
        digest: target.digest ?? null,
        reportDigest,
        platform: options.passThrough.platform ?? target.platform ?? null,
        scoutVersion: summary.scoutVersion,
        scannedAt: now().toISOString(),
        scoutgraphVersion: VERSION,
      };
      try {
        await options.sink.put(target.name, bytes, encodeRecord(record));
      } catch (err) {
        failFatal("SOURCE", (err as Error).message);
        recorder.fail({ reference: target.reference, reason: "write-failed", message: (err as Error).message, attempts: 1 });
        return;
      }
      recorder.wrote(target.name);
      progress.scanned += 1;
      log.info(`Wrote ${options.sink.uriOf(target.name)}`, { image: target.reference });
    };

    if (fatal === undefined) {
      const limit = pLimit(options.concurrency);
      await Promise.all(options.targets.map((t, i) => limit(() => scanOne(t, i))));
    } else {
      summary.images.notStarted = options.targets.length;
    }
  } finally {
    outer?.removeEventListener("abort", onOuterAbort);
  }
  const interrupted = outer?.aborted === true && fatal === undefined;
  return recorder.finish(fatal, interrupted);
}
