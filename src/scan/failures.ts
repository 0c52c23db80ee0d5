// Classifies one finished `docker scout recommendations` run from its exit code and standard
// error (contract §3). Scout's error lines come in several prefixes (`ERROR   `, `Error: `,
// `level=error msg=`, JSON lines), so classification is by lower-cased substring, never by the
// exact line (contract §3.2). Pure.

/** How a run went wrong; `scope` says what scan does about it. */
export type FailureKind =
  // Stop the whole run: every other image would fail the same way.
  | "not-logged-in"
  | "not-entitled"
  | "scout-missing"
  | "usage"
  | "cache-unwritable"
  // Retried with backoff, then a per-image failure.
  | "rate-limited"
  | "backend"
  | "cache-locked"
  | "timeout"
  | "unexplained"
  // Per-image failures, not retried.
  | "not-found"
  | "unauthorized"
  | "invalid-reference"
  | "no-base-image"
  | "panic"
  | "no-report"
  | "scout-error";

export type FailureScope = "fatal" | "retry" | "image";

export const SCOPE: Readonly<Record<FailureKind, FailureScope>> = {
  "not-logged-in": "fatal",
  "not-entitled": "fatal",
  "scout-missing": "fatal",
  usage: "fatal",
  "cache-unwritable": "fatal",
  "rate-limited": "retry",
  backend: "retry",
  "cache-locked": "retry",
  timeout: "retry",
  unexplained: "retry",
  "not-found": "image",
  unauthorized: "image",
  "invalid-reference": "image",
  "no-base-image": "image",
  panic: "image",
  "no-report": "image",
  "scout-error": "image",
};

/** The one line a fatal failure prints: what happened and what to do. */
export const FATAL_HINT: Partial<Record<FailureKind, string>> = {
  "not-logged-in":
    "Docker Scout needs a Docker ID: run `docker login` (or set DOCKER_SCOUT_HUB_USER and DOCKER_SCOUT_HUB_PASSWORD to a user name and a personal access token), then run scan again.",
  "not-entitled":
    "The logged-in identity is not entitled to use Docker Scout: log in with a Docker Hub account (`docker login -u USER`, or DOCKER_SCOUT_HUB_USER/DOCKER_SCOUT_HUB_PASSWORD), not a registry token such as GHCR's.",
  "scout-missing":
    "Docker Scout is not installed as a Docker CLI plugin: install it (https://github.com/docker/scout-cli), or point --scout-command at a standalone docker-scout binary.",
  usage: "Docker Scout rejected the command line scan built (an older Scout without one of the pass-through flags?): check --scout-command and the flags passed through.",
  "cache-unwritable":
    "Docker Scout cannot write its SBOM cache: set DOCKER_SCOUT_CACHE_DIR to a writable folder, or DOCKER_SCOUT_NO_CACHE=true.",
};

export interface ScoutExit {
  /** null when the process ended on a signal. */
  exitCode: number | null;
  /** True when scan killed it for running past --timeout. */
  timedOut: boolean;
  stderr: string;
}

export interface Classified {
  kind: FailureKind;
  /** The most telling line of standard error, for logs and the summary. */
  message: string;
}

// First match wins; the order matters where messages overlap (a rate-limited pull also says
// "failed to pull image", a parse failure also says "could not get the image").
const RULES: readonly { kind: FailureKind; needles: readonly string[] }[] = [
  { kind: "not-logged-in", needles: ["log in with your docker id"] },
  { kind: "not-entitled", needles: ["not entitled to use docker scout"] },
  { kind: "scout-missing", needles: ["is not a docker command"] },
  { kind: "usage", needles: ["unknown flag", "unknown shorthand flag", "accepts at most", "flag needs an argument"] },
  { kind: "panic", needles: ["panic:", "goroutine 1 [running]"] },
  { kind: "cache-locked", needles: ["cache may be in use by another process"] },
  { kind: "cache-unwritable", needles: ["failed to write sbom", "failed create to sbom folder", "failed to create sbom folder"] },
  { kind: "rate-limited", needles: ["toomanyrequests", "pull rate limit", "429 too many requests"] },
  { kind: "invalid-reference", needles: ["could not parse reference", "failed to parse reference"] },
  { kind: "no-base-image", needles: ["image has no base image"] },
  { kind: "unauthorized", needles: ["401 unauthorized", "unauthorized: ", "denied: requested access"] },
  { kind: "not-found", needles: ["manifest_unknown", "manifest unknown", "not found", "no such image", "could not get the image"] },
  { kind: "backend", needles: ["api operation failed", "request_error", "could not list cves", ": eof", "failed to copy image", "connection reset", "i/o timeout"] },
];

/** The last line that looks like an error, else the last non-blank line. */
function telling(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  const error = [...lines].reverse().find((l) => /^(error|panic:|level=error|\{"level":"error")/i.test(l) || /could not|failed|denied|not entitled|log in with/i.test(l));
  const line = (error ?? lines[lines.length - 1] ?? "").replace(/^(ERROR\s+|Error:\s*|level=error msg=)/, "");
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

/** null when the run succeeded (exit 0); the report itself is checked separately. */
export function classifyScoutExit(run: ScoutExit): Classified | null {
  if (run.timedOut) return { kind: "timeout", message: "Docker Scout did not finish within --timeout" };
  if (run.exitCode === 0) return null;
  const text = run.stderr.toLowerCase();
  const message = telling(run.stderr);
  const rule = RULES.find((r) => r.needles.some((n) => text.includes(n)));
  if (rule !== undefined) {
    // "read-only" or "permission denied" on the cache, in another wording than the rule's.
    return { kind: rule.kind, message: rule.kind === "not-logged-in" ? "not logged in to Docker" : message };
  }
  if (/(read-only file system|permission denied).*(\.docker\/scout|sbom)/.test(text)) return { kind: "cache-unwritable", message };
  if (run.exitCode === 255) return { kind: "unexplained", message: message || "Docker Scout exited with code 255" };
  if (run.exitCode === 2) return { kind: "panic", message: message || "Docker Scout exited with code 2" };
  const how = run.exitCode === null ? "was stopped by a signal" : `exited with code ${run.exitCode}`;
  return { kind: "scout-error", message: message === "" ? `Docker Scout ${how}` : message };
}
