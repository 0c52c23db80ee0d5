// The fixture table that drives the Docker Scout stand-in (contract docker-scout-cli.md §6), and
// the behaviours the contract lists as unknown (§7), each a switch so scan is tested both ways.

/** The outcomes of contract §6.2. */
export type Outcome =
  | "ok-cached"
  | "ok-first-registry"
  | "ok-first-local"
  | "ok-attestation"
  | "ok-autodetected"
  | "ok-no-daemon"
  | "not-logged-in"
  | "not-entitled"
  | "unauthorized"
  | "not-found"
  | "rate-limited"
  | "rate-limited-abuse"
  | "backend-eof"
  | "backend-403"
  | "cache-locked"
  | "cache-readonly"
  | "no-base-error"
  | "no-base-error-variant"
  | "no-base-unresolved"
  | "no-base-false-clear"
  | "parse-error"
  | "panic"
  | "exit-255"
  | "hang";

export interface ImageFixture {
  /** Default ok-cached. */
  outcome?: Outcome;
  /** Attempt-dependent outcomes (§6.4): the first `count` calls for this reference give `outcome`. */
  failFirst?: { count: number; outcome: Outcome };
  /** Report fixture file (scout-report-format.md form); default the stand-in's default report. */
  report?: string;
  /** Platform → full platform-manifest digest (`sha256:<64 hex>`). The first is the host's default. */
  platforms?: Record<string, string>;
  /** "Present locally": image:// and local:// then report this image ID instead (§5.1). */
  localImageId?: string;
  /** Per-outcome delay; default the table's defaultDelayMs. */
  delayMs?: number;
  packages?: number;
}

export interface StandInConfig {
  /** `docker scout version`; default 1.23.1. */
  version?: string;
  /** Print `i New version X available` first (unless DOCKER_SCOUT_NEW_VERSION_WARN=false). */
  newVersion?: string;
  /** As `docker`: false answers `docker: 'scout' is not a docker command.` */
  installed?: boolean;
  /** Unknown §7.5: exit code of a usage error, 1 or 125. */
  usageExitCode?: number;
  /** Unknown §7.1: also print the report on stdout when --output is given. */
  echoReportToStdout?: boolean;
  /** Unknown §7.1: the auto-detected banner on stdout (before the report) instead of stderr. */
  bannerOnStdout?: boolean;
  /** Unknown §7.3: a hang leaves a partial --output file; a panic an empty one. */
  partialOutputOnFailure?: boolean;
  /** Unknown §7.7: more than this many concurrent runs fail with the #210 cache-lock error. 0 = never. */
  lockMax?: number;
  /** How long a locked run waits before the lock error. */
  lockWaitMs?: number;
  /** Exit code on SIGTERM/SIGINT; default 143/130. */
  signalExitCode?: number;
  defaultDelayMs?: number;
  /** Random extra delay up to this many ms. */
  jitterMs?: number;
  /** Report used when a fixture names none. */
  defaultReport: string;
  /** Outcome for references not in the table; default not-found. */
  unknownOutcome?: Outcome;
  /** Reference used with no positional argument ("most recently built image"). */
  mostRecentImage?: string;
  /** Keyed by the reference without its prefix. */
  images: Record<string, ImageFixture>;
}

/** Environment variables the stand-in reads (besides Scout's own). */
export const STAND_IN_ENV = {
  config: "SCOUT_STANDIN_CONFIG",
  log: "SCOUT_STANDIN_LOG",
  state: "SCOUT_STANDIN_STATE",
  as: "SCOUT_STANDIN_AS",
} as const;
