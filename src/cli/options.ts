// Every command-line option, declared once as data. This table drives the commander parser, the
// `--help` text, the environment variables (SCOUTGRAPH_<FLAG>) and the README's option table
// (scripts/gen-readme-options.mjs); nothing else spells an option out.
import { REPORT_SECTIONS, SECTION_HELP } from "../insights/render/sections.js";

/** The commands an option belongs to; `cartography` is the top-level Cartography-compatible form. */
export type CommandName = "sync" | "query" | "report" | "scan" | "cartography";

export type OptionType = "string" | "integer" | "boolean" | "choice";

export type OptionGroup = "Docker Scout" | "Graph store" | "Run" | "Scan" | "Output" | "Cartography compatibility";

export interface OptionDef {
  /** The camelCase key commander stores the value under. */
  key: string;
  /** The long flag, without dashes: `neo4j-uri`. */
  long: string;
  short?: string;
  /** Placeholder shown in help for a value, e.g. `URI`; absent for booleans. */
  valueName?: string;
  type: OptionType;
  choices?: readonly string[];
  default?: string | number | boolean;
  /** How help shows a default computed at run time. */
  defaultDescription?: string;
  description: string;
  group: OptionGroup;
  commands: readonly CommandName[];
  /** Shown in the deprecation warning when the option is used. Deprecated options are hidden. */
  deprecated?: string;
  hidden?: boolean;
  /** Accepted so that a Cartography command line runs unchanged, but has no effect here. */
  ignored?: boolean;
  /** The environment variable, when not SCOUTGRAPH_<FLAG> (two options share a flag on different commands). */
  env?: string;
  /**
   * Options that choose the same thing (which store, which report source) and conflict when two are
   * given. A flag beats the environment variables of its rivals, as it beats its own.
   */
  rivals?: "store" | "source";
}

/** The environment variable of an option: SCOUTGRAPH_ and the flag in upper snake case. */
export function envVarOf(def: Pick<OptionDef, "long" | "env">): string {
  return def.env ?? `SCOUTGRAPH_${def.long.toUpperCase().replace(/-/g, "_")}`;
}

const STORE_COMMANDS = ["sync", "query", "report", "scan", "cartography"] as const;
const RUN_COMMANDS = ["sync", "cartography"] as const;
const LOG_COMMANDS = ["sync", "query", "report", "scan", "cartography"] as const;

export const OPTIONS: readonly OptionDef[] = [
  // Docker Scout: where the reports are.
  {
    key: "dockerScoutSource",
    rivals: "source",
    long: "docker-scout-source",
    valueName: "SOURCE",
    type: "string",
    description:
      "Docker Scout report source (for scan: where the reports are written). Accepts a local file or directory, s3://bucket/prefix, gs://bucket/prefix, or azblob://account/container/prefix.",
    group: "Docker Scout",
    commands: [...RUN_COMMANDS, "scan"],
  },
  {
    key: "dockerScoutResultsDir",
    rivals: "source",
    long: "docker-scout-results-dir",
    valueName: "DIR",
    type: "string",
    description: "A local folder of reports; use --docker-scout-source.",
    group: "Docker Scout",
    commands: RUN_COMMANDS,
    deprecated: "--docker-scout-results-dir will be removed in scoutgraph 1.0.0; use --docker-scout-source instead.",
  },
  {
    key: "dockerScoutS3Bucket",
    rivals: "source",
    long: "docker-scout-s3-bucket",
    valueName: "BUCKET",
    type: "string",
    description: "An S3 bucket of reports; use --docker-scout-source s3://BUCKET/PREFIX.",
    group: "Docker Scout",
    commands: RUN_COMMANDS,
    deprecated: "--docker-scout-s3-bucket/--docker-scout-s3-prefix will be removed in scoutgraph 1.0.0; use --docker-scout-source instead.",
  },
  {
    key: "dockerScoutS3Prefix",
    rivals: "source",
    long: "docker-scout-s3-prefix",
    valueName: "PREFIX",
    type: "string",
    description: "The key prefix within --docker-scout-s3-bucket.",
    group: "Docker Scout",
    commands: RUN_COMMANDS,
    deprecated: "--docker-scout-s3-bucket/--docker-scout-s3-prefix will be removed in scoutgraph 1.0.0; use --docker-scout-source instead.",
  },

  // Graph store: the embedded store unless --neo4j-uri is given.
  {
    key: "store",
    rivals: "store",
    long: "store",
    valueName: "PATH",
    type: "string",
    default: "./scoutgraph-db",
    description: "Database file of the embedded graph store (LadybugDB), used when --neo4j-uri is not given.",
    group: "Graph store",
    commands: STORE_COMMANDS,
  },
  {
    key: "neo4jUri",
    rivals: "store",
    long: "neo4j-uri",
    valueName: "URI",
    type: "string",
    description: "Neo4j to write to, e.g. bolt://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io. Without it, the embedded store is used.",
    group: "Graph store",
    commands: STORE_COMMANDS,
  },
  {
    key: "neo4jUser",
    long: "neo4j-user",
    valueName: "USER",
    type: "string",
    description: "Neo4j user name.",
    group: "Graph store",
    commands: STORE_COMMANDS,
  },
  {
    key: "neo4jPasswordEnvVar",
    long: "neo4j-password-env-var",
    valueName: "NAME",
    type: "string",
    description: "Name of the environment variable that holds the Neo4j password (read only with --neo4j-user). The password itself is never a command-line argument.",
    group: "Graph store",
    commands: STORE_COMMANDS,
  },
  {
    key: "neo4jPasswordPrompt",
    long: "neo4j-password-prompt",
    type: "boolean",
    default: false,
    description: "Ask for the Neo4j password on the terminal (or read one line from standard input); wins over --neo4j-password-env-var.",
    group: "Graph store",
    commands: STORE_COMMANDS,
  },
  {
    key: "neo4jDatabase",
    long: "neo4j-database",
    valueName: "NAME",
    type: "string",
    description: "Neo4j database; the server's default database when not given.",
    group: "Graph store",
    commands: STORE_COMMANDS,
  },
  {
    key: "createTargetImages",
    long: "create-target-images",
    type: "boolean",
    default: false,
    description: "Create an Image node for each report's target (Neo4j; always on with the embedded store, which has no registry modules to provide them).",
    group: "Graph store",
    commands: RUN_COMMANDS,
  },

  // Run.
  {
    key: "updateTag",
    long: "update-tag",
    valueName: "N",
    type: "integer",
    defaultDescription: "the current Unix time in seconds",
    description: "Update tag written as `lastupdated`; cleanup deletes what carries another tag.",
    group: "Run",
    commands: RUN_COMMANDS,
  },
  {
    key: "batchSize",
    long: "batch-size",
    valueName: "N",
    type: "integer",
    default: 5000,
    description: "Most reports per write batch (a smaller one goes while the store would wait); memory grows with it, not with the number of reports.",
    group: "Run",
    commands: RUN_COMMANDS,
  },
  {
    key: "concurrency",
    long: "concurrency",
    valueName: "N",
    type: "integer",
    default: 16,
    description: "Reports read and parsed at the same time (object stores read in parallel; reports are still written in sorted order).",
    group: "Run",
    commands: RUN_COMMANDS,
  },
  {
    key: "parseThreads",
    long: "parse-threads",
    valueName: "N",
    type: "integer",
    defaultDescription: "one less than the CPU cores, 1 to 4",
    description: "Worker threads that parse reports; 0 parses on the main thread (slower, less memory: docs/operations.md).",
    group: "Run",
    commands: RUN_COMMANDS,
  },
  {
    key: "selectedModules",
    long: "selected-modules",
    valueName: "MODULES",
    type: "string",
    description: "Cartography's comma-separated module list; scoutgraph provides create-indexes and docker_scout.",
    group: "Cartography compatibility",
    commands: ["cartography"],
  },

  // Output.
  {
    key: "debug",
    long: "debug",
    short: "d",
    type: "boolean",
    default: false,
    description: "Log at debug level (every report, every skip).",
    group: "Output",
    commands: LOG_COMMANDS,
  },
  {
    key: "quiet",
    long: "quiet",
    short: "q",
    type: "boolean",
    default: false,
    description: "Log warnings and errors only, and show no progress.",
    group: "Output",
    commands: LOG_COMMANDS,
  },
  {
    key: "logFormat",
    long: "log-format",
    valueName: "FORMAT",
    type: "choice",
    choices: ["text", "json"],
    default: "text",
    description: "Log lines on standard error as readable text or as JSON (one object per line).",
    group: "Output",
    commands: LOG_COMMANDS,
  },
  {
    key: "summaryJson",
    long: "summary-json",
    valueName: "FILE",
    type: "string",
    description: "Also write the run summary as JSON to FILE (for schedulers and monitoring).",
    group: "Output",
    commands: [...RUN_COMMANDS, "scan"],
  },
  {
    key: "json",
    long: "json",
    type: "boolean",
    default: false,
    description: "Print the rows as a JSON array of objects keyed by column name instead of a table.",
    group: "Output",
    commands: ["query"],
  },

  // `scoutgraph scan`: produce the reports (docs/scan.md).
  {
    key: "imagesFile",
    long: "images-file",
    valueName: "FILE",
    type: "string",
    description:
      "Also scan the image references in FILE, one per line (`#` starts a comment), or the coverage section of a `report --format json` file; `-` reads standard input.",
    group: "Scan",
    commands: ["scan"],
  },
  {
    key: "fromGraph",
    long: "from-graph",
    type: "boolean",
    default: false,
    description: "Also scan every Image node of the graph store (the store options below) that has a pullable reference, as registry://REPO@DIGEST.",
    group: "Scan",
    commands: ["scan"],
  },
  {
    key: "onlyUncovered",
    long: "only-uncovered",
    type: "boolean",
    default: false,
    description: "With --from-graph, only the images that no synced report younger than --max-age is about (see docs/scan.md).",
    group: "Scan",
    commands: ["scan"],
  },
  {
    key: "maxAge",
    long: "max-age",
    valueName: "DURATION",
    type: "string",
    default: "24h",
    description: "A report younger than this (and for the same digest, where known) is fresh and not scanned again; e.g. 24h, 90m, 7d.",
    group: "Scan",
    commands: ["scan"],
  },
  {
    key: "force",
    long: "force",
    type: "boolean",
    default: false,
    description: "Scan every image, fresh reports included.",
    group: "Scan",
    commands: ["scan"],
  },
  {
    key: "scoutCommand",
    long: "scout-command",
    valueName: "CMD",
    type: "string",
    default: "docker scout",
    description: "How to run Docker Scout: the Docker CLI plugin (`docker scout`) or a standalone binary (`docker-scout`, or a path); split on spaces, no shell.",
    group: "Scan",
    commands: ["scan"],
  },
  {
    key: "concurrency",
    long: "concurrency",
    valueName: "N",
    type: "integer",
    default: 2,
    env: "SCOUTGRAPH_SCAN_CONCURRENCY",
    description:
      "Scout runs at the same time. Kept low: parallel runs can fail on Scout's cache lock (retried), multiply temporary disk use and pull against Docker Hub's limits (docs/scan.md).",
    group: "Scan",
    commands: ["scan"],
  },
  {
    key: "timeout",
    long: "timeout",
    valueName: "DURATION",
    type: "string",
    default: "10m",
    description: "Stop one Scout run after this long (it has no timeout of its own and can hang while indexing); counted as a timeout and retried.",
    group: "Scan",
    commands: ["scan"],
  },
  {
    key: "retries",
    long: "retries",
    valueName: "N",
    type: "integer",
    default: 3,
    description: "Retries per image for rate limits, transient backend errors, cache-lock errors and timeouts.",
    group: "Scan",
    commands: ["scan"],
  },
  {
    key: "retryDelay",
    long: "retry-delay",
    valueName: "DURATION",
    type: "string",
    default: "5s",
    description: "First backoff for transient errors, doubled per retry with jitter; a Docker Hub rate limit waits 12 times longer and pauses every scan.",
    group: "Scan",
    commands: ["scan"],
  },
  {
    key: "platform",
    long: "platform",
    valueName: "PLATFORM",
    type: "string",
    description: "Passed to Scout: the platform to analyse (e.g. linux/amd64) for multi-platform references.",
    group: "Scan",
    commands: ["scan"],
  },
  {
    key: "onlyRefresh",
    long: "only-refresh",
    type: "boolean",
    default: false,
    description: "Passed to Scout: only base image refresh recommendations.",
    group: "Scan",
    commands: ["scan"],
  },
  {
    key: "onlyUpdate",
    long: "only-update",
    type: "boolean",
    default: false,
    description: "Passed to Scout: only base image update recommendations.",
    group: "Scan",
    commands: ["scan"],
  },
  {
    key: "org",
    long: "org",
    valueName: "ORG",
    type: "string",
    description: "Passed to Scout: the Docker organization namespace.",
    group: "Scan",
    commands: ["scan"],
  },

  // `scoutgraph report`.
  {
    key: "format",
    long: "format",
    valueName: "FORMAT",
    type: "choice",
    choices: ["table", "json", "csv", "markdown", "html"],
    default: "table",
    description:
      "Report format: an aligned table (coloured on a terminal unless NO_COLOR is set; plain when piped or written to a file), JSON (docs/report-json.md), CSV, markdown (for a ticket or PR comment) or one self-contained HTML page.",
    group: "Output",
    commands: ["report"],
  },
  {
    key: "output",
    long: "output",
    short: "o",
    valueName: "FILE",
    type: "string",
    description: "Write the report to FILE instead of standard output.",
    group: "Output",
    commands: ["report"],
  },
  {
    key: "image",
    long: "image",
    valueName: "PATTERN",
    type: "string",
    description:
      "Only images whose name or id matches PATTERN, case-insensitively: a glob over the whole name when PATTERN has *, ? or [ (e.g. '*/shop/web-*'), otherwise a substring (e.g. web-).",
    group: "Output",
    commands: ["report"],
  },
  {
    key: "base",
    long: "base",
    valueName: "NAME",
    type: "string",
    description: "Only images built on this base image: a repository (node) or a name:tag (node:20-alpine), case-insensitively.",
    group: "Output",
    commands: ["report"],
  },
  {
    key: "minSeverity",
    long: "min-severity",
    valueName: "SEVERITY",
    type: "choice",
    choices: ["critical", "high", "medium", "low"],
    default: "low",
    description: "Only recommend updates that fix at least one vulnerability of this severity or worse.",
    group: "Output",
    commands: ["report"],
  },
  {
    key: "top",
    long: "top",
    valueName: "N",
    type: "integer",
    default: 5,
    description: "How many top actions (base-image moves) to show.",
    group: "Output",
    commands: ["report"],
  },
  {
    key: "limit",
    long: "limit",
    valueName: "N",
    type: "integer",
    defaultDescription: "20 in the table; markdown: as many as fit in one GitHub comment; json, csv, html: all",
    description:
      "Rows per list in every format, best first: images, the context (where each image runs), each coverage list, unmatched reports, and bases (except in the table); how many were left out is said (a line; json `omitted`; csv `left-out` rows). Top actions follow --top. With --group-by owner, per owner. 0 shows all.",
    group: "Output",
    commands: ["report"],
  },
  {
    key: "rankBy",
    long: "rank-by",
    valueName: "ORDER",
    type: "choice",
    choices: ["exposure", "fixes"],
    defaultDescription: "exposure when the graph has runtime data, else fixes",
    description:
      "exposure: images that run and are internet-exposed first, then those that run, then the rest, each by what the update fixes (top actions weigh the same way); fixes: by what the update fixes only.",
    group: "Output",
    commands: ["report"],
  },
  {
    key: "sections",
    long: "sections",
    valueName: "LIST",
    type: "string",
    defaultDescription: REPORT_SECTIONS.join(","),
    description: `Which parts of the report to show, in every format, comma-separated: ${REPORT_SECTIONS.map((s) => `${s} (${SECTION_HELP[s]})`).join(", ")}. An unknown name is a usage error (exit 2).`,
    group: "Output",
    commands: ["report"],
  },
  {
    key: "groupBy",
    long: "group-by",
    valueName: "GROUP",
    type: "choice",
    choices: ["owner"],
    description: "owner: one section per code repository that builds the images (PACKAGED_FROM or provenance), then one for images with no known owner.",
    group: "Output",
    commands: ["report"],
  },
  {
    key: "running",
    long: "running",
    type: "boolean",
    default: false,
    description: "Only images that run (a running container resolves to them in the graph).",
    group: "Output",
    commands: ["report"],
  },
  {
    key: "exposed",
    long: "exposed",
    type: "boolean",
    default: false,
    description: "Only images that run internet-exposed (HAS_RUNTIME_IMAGE or a running container with exposed_internet).",
    group: "Output",
    commands: ["report"],
  },
  {
    key: "failOn",
    long: "fail-on",
    valueName: "SEVERITY",
    type: "choice",
    choices: ["critical", "high", "medium", "low"],
    description:
      "After writing the report, exit with code 4 when an image left after the filters has an update fixing at least one vulnerability of this severity or worse (a CI gate).",
    group: "Output",
    commands: ["report"],
  },
  {
    key: "maxAge",
    long: "max-age",
    valueName: "DURATION",
    type: "string",
    description: "List reports older than this (by their file's modification time, else their last sync) in the coverage section; e.g. 7d, 24h.",
    group: "Output",
    commands: ["report"],
    env: "SCOUTGRAPH_REPORT_MAX_AGE",
  },

  // Cartography flags that a Cartography command line may carry; accepted and ignored.
  {
    key: "verbose",
    long: "verbose",
    short: "v",
    type: "boolean",
    default: false,
    description: "Cartography's alias of --debug.",
    group: "Cartography compatibility",
    commands: ["cartography"],
  },
  ...["log-timestamps", "statsd-enabled"].map(
    (long): OptionDef => ({
      key: camel(long),
      long,
      type: "boolean",
      default: false,
      description: "Accepted for Cartography compatibility; ignored.",
      group: "Cartography compatibility",
      commands: ["cartography"],
      ignored: true,
      hidden: true,
    }),
  ),
  ...["statsd-prefix", "statsd-host", "statsd-port", "neo4j-max-connection-lifetime", "neo4j-liveness-check-timeout"].map(
    (long): OptionDef => ({
      key: camel(long),
      long,
      valueName: "VALUE",
      type: "string",
      description: "Accepted for Cartography compatibility; ignored.",
      group: "Cartography compatibility",
      commands: ["cartography"],
      ignored: true,
      hidden: true,
    }),
  ),
];

function camel(long: string): string {
  return long.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function optionsFor(command: CommandName): OptionDef[] {
  return OPTIONS.filter((o) => o.commands.includes(command));
}

export function isHidden(def: OptionDef): boolean {
  return def.hidden === true || def.deprecated !== undefined;
}
