// Runs `scoutgraph scan` from resolved options: targets, DEST, a private work folder, Ctrl-C,
// the summary and the exit code (0 all good, 1 fatal, 2 usage, 3 partial, 130 interrupted).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT, ScoutgraphError } from "../errors.js";
import { parseDuration } from "../scan/plan.js";
import { runScan } from "../scan/run-scan.js";
import type { ScanSummary } from "../scan/scan-summary.js";
import { parseScoutCommand } from "../scan/scout-command.js";
import { openReportSink } from "../sources/sink-registry.js";
import { cliLogging } from "./cli-logging.js";
import type { ResolvedOptions } from "./option-values.js";
import { formatScanProgress, renderScanSummaryJson, renderScanSummaryText } from "./render-scan-summary.js";
import { collectTargets } from "./scan-inputs.js";
import type { CliIO } from "./sync-runner.js";

function duration(value: unknown, flag: string): number {
  try {
    const ms = parseDuration(String(value));
    if (ms <= 0) throw new Error("it must be positive");
    return ms;
  } catch (err) {
    throw new ScoutgraphError("USAGE", `${flag}: ${(err as Error).message}.`);
  }
}

function count(value: unknown, flag: string, min: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    throw new ScoutgraphError("USAGE", `${flag} must be an integer of at least ${min}, got ${String(value)}.`);
  }
  return value;
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

export function exitCodeOfScan(s: ScanSummary): number {
  switch (s.status) {
    case "ok":
      return EXIT.OK;
    case "interrupted":
      return EXIT.INTERRUPTED;
    case "failed":
      return EXIT.FATAL;
    case "partial":
      // Every image failed: nothing was produced, which is not "partial".
      return s.images.written === 0 && s.images.skippedFresh === 0 ? EXIT.FATAL : EXIT.PARTIAL;
  }
}

export async function executeScan(args: readonly string[], resolved: ResolvedOptions, io: CliIO & { stdin: NodeJS.ReadableStream }): Promise<number> {
  const logging = cliLogging(resolved, io);
  const { log } = logging;
  const v = resolved.values;
  const destination = text(v.dockerScoutSource);
  if (destination === undefined) throw new ScoutgraphError("USAGE", "--docker-scout-source DEST is required (or SCOUTGRAPH_DOCKER_SCOUT_SOURCE): where the reports are written.");
  const maxAgeMs = duration(v.maxAge, "--max-age");
  const timeoutMs = duration(v.timeout, "--timeout");
  const retryDelayMs = duration(v.retryDelay, "--retry-delay");
  const concurrency = count(v.concurrency, "--concurrency", 1);
  const retries = count(v.retries, "--retries", 0);
  let scoutCommand: string[];
  try {
    scoutCommand = parseScoutCommand(String(v.scoutCommand));
  } catch (err) {
    throw new ScoutgraphError("USAGE", `--scout-command: ${(err as Error).message}.`);
  }
  const targets = await collectTargets(args, resolved, io, log, maxAgeMs);
  if (targets.duplicates > 0) log.info(`${targets.duplicates} duplicate reference(s) scanned once.`);

  const sink = await openReportSink(destination, { logger: log });
  const workDir = await mkdtemp(join(tmpdir(), "scoutgraph-scan-"));
  const controller = new AbortController();
  const onSignal = (): void => {
    // A second Ctrl-C while the scans in flight are being stopped exits at once.
    if (controller.signal.aborted) process.exit(EXIT.INTERRUPTED);
    log.warn("Interrupted: stopping the scans in flight; no report is half-written.");
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const started = Date.now();
  let summary: ScanSummary;
  try {
    summary = await runScan(
      {
        targets: targets.targets,
        rejected: targets.rejected,
        sink,
        scoutCommand,
        passThrough: {
          ...(text(v.platform) === undefined ? {} : { platform: text(v.platform) }),
          ...(v.onlyRefresh === true ? { onlyRefresh: true } : {}),
          ...(v.onlyUpdate === true ? { onlyUpdate: true } : {}),
          ...(text(v.org) === undefined ? {} : { org: text(v.org) }),
        },
        maxAgeMs,
        force: v.force === true,
        concurrency,
        timeoutMs,
        retries,
        retryDelayMs,
        env: io.env as NodeJS.ProcessEnv,
        workDir,
      },
      { signal: controller.signal, logger: log, onProgress: (p) => logging.progress.updateLine(formatScanProgress(p, Date.now() - started)) },
    );
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    logging.progress.stop();
    await rm(workDir, { recursive: true, force: true });
    await sink.close();
  }
  io.stdout.write(renderScanSummaryText(summary));
  const summaryJson = text(v.summaryJson);
  if (summaryJson !== undefined) await writeFile(summaryJson, renderScanSummaryJson(summary));
  return exitCodeOfScan(summary);
}
