// Runs one Scout process in its own process group, so a timeout or Ctrl-C can stop it together
// with anything it started. Standard error is kept (its tail) for classification; standard output
// is drained and its tail kept for debugging only (the report goes to --output).
import { spawn } from "node:child_process";

export interface ScoutProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** True when the run was stopped because `signal` fired. */
  aborted: boolean;
  stdout: string;
  stderr: string;
  /** Set when the command could not be started at all (ENOENT, EACCES). */
  spawnError?: string;
  durationMs: number;
}

export interface ScoutProcessOptions {
  timeoutMs: number;
  signal: AbortSignal;
  env: NodeJS.ProcessEnv;
  /** Grace between SIGTERM and SIGKILL. */
  killGraceMs?: number;
}

const TAIL = 64 * 1024;

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

export function runScoutProcess(argv: readonly string[], options: ScoutProcessOptions): Promise<ScoutProcessResult> {
  const started = Date.now();
  const [command, ...args] = argv;
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    let aborted = false;
    let killTimer: NodeJS.Timeout | undefined;
    const child = spawn(command ?? "", args, { env: options.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const keep = (tail: string, chunk: string): string => (tail.length + chunk.length > TAIL ? (tail + chunk).slice(-TAIL) : tail + chunk);
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout = keep(stdout, d)));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr = keep(stderr, d)));
    const stop = (): void => {
      killGroup(child.pid, "SIGTERM");
      killTimer ??= setTimeout(() => killGroup(child.pid, "SIGKILL"), options.killGraceMs ?? 2000);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, options.timeoutMs);
    const onAbort = (): void => {
      aborted = true;
      stop();
    };
    if (options.signal.aborted) onAbort();
    else options.signal.addEventListener("abort", onAbort, { once: true });
    let done = false;
    const finish = (result: Partial<ScoutProcessResult>): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (killTimer !== undefined) clearTimeout(killTimer);
      options.signal.removeEventListener("abort", onAbort);
      // Whatever the group left running (a forked helper) goes with it.
      if (timedOut || aborted) killGroup(child.pid, "SIGKILL");
      resolve({ exitCode: null, signal: null, timedOut, aborted, stdout, stderr, durationMs: Date.now() - started, ...result });
    };
    child.on("error", (err: NodeJS.ErrnoException) => finish({ spawnError: err.code ?? err.message }));
    child.on("close", (code, signal) => finish({ exitCode: code, signal }));
  });
}
