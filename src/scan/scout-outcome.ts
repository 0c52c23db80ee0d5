// What one Scout run came to, and the `scout version` preflight: the I/O around a finished
// process (reading its --output file), with the classification itself in failures.ts.
import { readFile } from "node:fs/promises";
import type { SyncLogger } from "../sync/logger.js";
import { classify } from "../sync/classify.js";
import { classifyScoutExit, FATAL_HINT, SCOPE, type Classified, type FailureKind } from "./failures.js";
import { runScoutProcess, type ScoutProcessResult } from "./run-scout.js";
import { parseScoutVersion, versionArgv } from "./scout-command.js";

const MAX_REPORT_BYTES = 10 * 1024 * 1024;

export type Outcome = { kind: "report"; bytes: Buffer; reportDigest: string | null } | { kind: "failure"; failure: Classified };

/** What one finished run produced: a whole report, or a classified failure. */
export async function outcomeOf(run: ScoutProcessResult, output: string): Promise<Outcome> {
  const failure = classifyScoutExit({ exitCode: run.exitCode, timedOut: run.timedOut, stderr: run.stderr });
  if (failure !== null) return { kind: "failure", failure };
  let bytes: Buffer;
  try {
    bytes = await readFile(output);
  } catch {
    return noReport("Docker Scout exited 0 but wrote no --output file");
  }
  if (bytes.length > MAX_REPORT_BYTES) return noReport(`the report is larger than ${MAX_REPORT_BYTES} bytes`);
  const parsed = classify(bytes);
  if (parsed.kind === "not-a-report" || parsed.kind === "malformed") return noReport(`Docker Scout exited 0 but its output is not a whole report (${parsed.reason})`);
  return { kind: "report", bytes, reportDigest: parsed.report.target.digest?.toLowerCase() ?? null };
}

function noReport(message: string): Outcome {
  return { kind: "failure", failure: { kind: "no-report" satisfies FailureKind, message } };
}

/** `scout version` once, so the run fails fast when Scout is missing and the records carry its version. */
export async function preflight(
  options: { scoutCommand: readonly string[]; timeoutMs: number },
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
  failFatal: (code: string, message: string) => void,
  log: SyncLogger,
): Promise<string | null> {
  const run = await runScoutProcess(versionArgv(options.scoutCommand), { timeoutMs: Math.min(options.timeoutMs, 60_000), signal, env });
  if (run.spawnError !== undefined) {
    failFatal("SCOUT", cannotRun(options.scoutCommand, run.spawnError));
    return null;
  }
  const failure = classifyScoutExit({ exitCode: run.exitCode, timedOut: run.timedOut, stderr: run.stderr });
  if (failure !== null && SCOPE[failure.kind] === "fatal") {
    failFatal("SCOUT", `${options.scoutCommand.join(" ")} version: ${failure.message}. ${FATAL_HINT[failure.kind] ?? ""}`.trim());
    return null;
  }
  const version = parseScoutVersion(run.stdout);
  if (version === null) log.warn(`Could not read the Docker Scout version from \`${versionArgv(options.scoutCommand).join(" ")}\`; records will say null.`);
  else log.debug(`Docker Scout ${version}`);
  return version;
}

/** Waits `ms`, or less when `signal` fires. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/** The fatal line when the Scout command cannot be started at all. */
export function cannotRun(command: readonly string[], code: string): string {
  const why = code === "ENOENT" ? "command not found" : code === "EACCES" ? "permission denied" : code;
  return `Cannot run \`${command.join(" ")}\` (${why}). ${FATAL_HINT["scout-missing"] ?? ""}`.trim();
}
