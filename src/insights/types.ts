// The FleetReport: what `scoutgraph report` computes before any renderer sees it.
// Its JSON form is the stable, versioned schema documented in docs/report-json.md: change a field
// here only together with that document and REPORT_SCHEMA_VERSION.

export const REPORT_SCHEMA_VERSION = 1;

export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Counts = Record<Severity, number>;

export type Category = "refresh" | "change";

/** One recommended tag for a base image (a SHOULD_UPDATE_TO relationship and its target tag). */
export interface Candidate {
  /** The DockerScoutPublicImageTag id, `name:tag`. */
  id: string;
  name: string;
  tag: string;
  category: Category;
  /** Docker Scout's own 1-based order for the report; null when the graph does not carry it. */
  scoutRank: number | null;
  fixes: Counts;
  introduces: Counts;
  benefits: string[];
  alternativeTags: string[];
  size: string | null;
  flavor: string | null;
  os: string | null;
  runtime: string | null;
  isSlim: boolean | null;
}

/**
 * A candidate as an image lists it: what it fixes and introduces. The full Candidate (benefits,
 * details) is in the image's base entry, `bases[].candidates`, so a fleet's JSON stays small.
 */
export type CandidateRef = Pick<Candidate, "id" | "tag" | "category" | "scoutRank" | "fixes" | "introduces">;

/** A base image (DockerScoutPublicImage) as the report shows it. */
export interface BaseRef {
  id: string;
  name: string;
  tag: string;
}

export type ImageStatus = "update-available" | "up-to-date" | "below-min-severity";

export interface ImageEntry {
  /** The Image node id. */
  id: string;
  /** A display name: `name`, else Cartography's `_ont_uri`, else the id. */
  name: string;
  digest: string | null;
  base: BaseRef;
  /**
   * `up-to-date`: no recommendation fixes anything. `below-min-severity`: some fix something, none at
   * or above --min-severity. `update-available`: `best` is set.
   */
  status: ImageStatus;
  best: CandidateRef | null;
  /** The ids of the other recommendations, in ranking order (details in the base's `candidates`). */
  others: string[];
  /** Runtime, exposure, ownership and internal base, when the graph has them (null otherwise). */
  context?: ImageContext | null;
}

export interface BaseEntry extends BaseRef {
  version: string | null;
  digest: string | null;
  /** How many of the (filtered) images are built on it. */
  imageCount: number;
  /** Their ids, sorted. */
  images: string[];
  /** The single update that fixes the most across the fleet; null when none qualifies. */
  bestUpdate: Candidate | null;
  /** bestUpdate's fixes times imageCount (all zero when there is none). */
  fleetFixes: Counts;
  fleetIntroduces: Counts;
  /** Every recommendation for the base, in ranking order. */
  candidates: Candidate[];
  /** With runtime context: how many of its images run, and how many of those are internet-exposed. */
  runningImages?: number;
  exposedImages?: number;
}

/** A base-image move, ranked by the critical then high (then medium, low) vulnerabilities it removes fleet-wide. */
export interface TopAction {
  /** 1-based position. */
  position: number;
  base: BaseRef;
  to: Candidate;
  imageCount: number;
  images: string[];
  fleetFixes: Counts;
  fleetIntroduces: Counts;
  /** With runtime context: how many of those images run / are internet-exposed. */
  runningImages?: number;
  exposedImages?: number;
}

export type UnmatchedReason = "no-digest" | "no-matching-image";

/** A synced report whose target digest linked no Image: a configuration problem to surface. */
export interface UnmatchedReport {
  targetImage: string;
  /** The digest as the report printed it (null or empty when it had none). */
  targetDigest: string | null;
  base: BaseRef;
  reason: UnmatchedReason;
  /** The file or object the report was read from (null on a graph without per-report records). */
  source: string | null;
}

export interface ReportFilters {
  image: string | null;
  base: string | null;
  minSeverity: Severity;
  top: number;
  /** Only images that run (`--running`) / are internet-exposed (`--exposed`). */
  running?: boolean;
  exposed?: boolean;
  /** `exposure` (tiers first) or `fixes` (today's order); default exposure when runtime data exists. */
  rankBy?: RankBy | null;
  groupBy?: "owner" | null;
  /** --max-age in seconds: reports older than this are listed in coverage. */
  maxAgeSeconds?: number | null;
}

export interface FleetSummary {
  images: number;
  bases: number;
  imagesWithUpdate: number;
  imagesUpToDate: number;
  imagesBelowMinSeverity: number;
  unmatchedReports: number;
  /** What applying every top action would remove, summed. */
  topActionsFix: Counts;
  /** What applying every base's best update would remove across the fleet (sum of `bases[].fleetFixes`). */
  fleetFixable: Counts;
}

export interface FleetReport {
  version: typeof REPORT_SCHEMA_VERSION;
  /** ISO 8601 time the report was computed. */
  generatedAt: string;
  /**
   * When the data was synced: the newest `lastupdated` (update tag, epoch seconds) of the base
   * images, as ISO 8601; null when the graph has none.
   */
  syncedAt: string | null;
  /** That update tag as stored (epoch seconds by default; `sync --update-tag` can set any integer). */
  updateTag: number | null;
  /** `neo4j` or `embedded`. */
  store: string;
  filters: ReportFilters;
  summary: FleetSummary;
  topActions: TopAction[];
  bases: BaseEntry[];
  images: ImageEntry[];
  unmatchedReports: UnmatchedReport[];
  /** How the images and top actions were ordered. */
  rankedBy?: RankBy;
  /** Which context the graph held (null: not looked for, e.g. the embedded store). */
  context?: ContextFound | null;
  coverage?: Coverage | null;
  /** `--group-by owner`: one sub-report per repository, then "no known owner" (null otherwise). */
  groups?: OwnerGroup[] | null;
  /**
   * Set only when `--sections` or `--limit` left entries out of a list: how many, per list (its
   * JSON path, e.g. `images`, `coverage.runningWithoutReport`). The summary counts the whole fleet.
   */
  omitted?: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// The rest of a Cartography graph (contract cartography-context.md), read when present on Neo4j.
// Every field below is optional in the type so that hand-built reports stay valid; the builder
// always sets them (null when the graph has no such data).

/** A workload (ComputeService) an image runs in. */
export interface Workload {
  /** The provider label, e.g. `KubernetesDeployment`, `AWSECSService`; null when only a bare pod or task runs it. */
  kind: string | null;
  name: string | null;
  namespace: string | null;
  cluster: string | null;
  exposed: boolean;
}

/** Where an image runs (RESOLVED_IMAGE, the WORKLOAD_PARENT chain, HAS_RUNTIME_IMAGE). */
export interface ImageRuntime {
  /** Running containers resolved to this image (`_ont_state` running or ready). */
  runningContainers: number;
  workloads: Workload[];
  namespaces: string[];
  clusters: string[];
  /** Any running replica or workload internet-exposed (absent `exposed_internet` counts as not exposed). */
  exposed: boolean;
}

/** The repository that builds an image: the best PACKAGED_FROM, else the image's own provenance (unverified). */
export interface ImageOwner {
  /** `owner/name` (CodeRepository `_ont_fullname`), else the path of `source_uri`. */
  repository: string;
  url: string | null;
  /** `github`, `gitlab`, ... (`_ont_source`); null for an unverified owner. */
  provider: string | null;
  dockerfile: string | null;
  /** PACKAGED_FROM `match_method` (`provenance`, `dockerfile_analysis`, ...); `image-provenance` when only `source_uri` names it. */
  matchMethod: string;
  confidence: number | null;
  revision: string | null;
  /** False when no PACKAGED_FROM edge confirms it (the repository may not be ingested). */
  verified: boolean;
}

/** An internal base image the graph knows this image was built from (registry BUILT_FROM). */
export interface InternalBase {
  digest: string | null;
  /** Its best tag URI, else the provenance reference. */
  name: string | null;
  tags: string[];
  reference: string | null;
  owner: string | null;
}

export type RuntimeTier = "exposed" | "running" | "not-running";

export interface ImageContext {
  /** Registry tag URIs (ImageTag), best first. */
  tags: string[];
  runtime: ImageRuntime | null;
  tier: RuntimeTier;
  owner: ImageOwner | null;
  internalBase: InternalBase | null;
}

/** What context the graph holds, by kind (counts of nodes or relationships found). */
export interface ContextFound {
  /** True when any runtime, exposure, ownership or base-chain data was found. */
  any: boolean;
  runtime: { containers: number; containerKinds: string[]; resolvedImages: number; workloadImages: number; workloadKinds: string[] };
  exposure: { exposedWorkloadImages: number; exposedContainers: number };
  ownership: { packagedFrom: number; matchMethods: string[]; providers: string[]; imagesWithProvenance: number };
  internalBase: { builtFrom: number };
  registryTags: number;
}

/** A running image no report covers. */
export interface UncoveredImage {
  digest: string;
  name: string;
  /** What to scan: `<repository>@<digest>` when a tag names the repository, else the name. */
  reference: string;
  tags: string[];
  runtime: ImageRuntime;
  owner: ImageOwner | null;
}

/** Running containers whose image is not in the graph (an un-ingested registry, an unresolved index). */
export interface UnknownImageContainers {
  /** The container's declared image reference (`_ont_image`). */
  imageRef: string;
  /** Its runtime digest (`_ont_image_digest`) when known. */
  digest: string | null;
  /** What to scan: `<repository>@<digest>` when the digest is known, else the reference. */
  reference: string;
  containers: number;
  namespaces: string[];
  clusters: string[];
  exposed: boolean;
}

/** A report older than --max-age (by its source's modification time, else the run that last synced it). */
export interface StaleReport {
  source: string | null;
  targetImage: string;
  targetDigest: string | null;
  base: BaseRef;
  /** ISO 8601: the source's modification time, else the last sync. */
  asOf: string;
  ageSeconds: number;
}

export interface Coverage {
  runningWithoutReport: UncoveredImage[];
  containersWithoutImage: UnknownImageContainers[];
  /** Null when --max-age was not given. */
  staleReports: StaleReport[] | null;
  maxAgeSeconds: number | null;
}

export type RankBy = "exposure" | "fixes";

/** One owner's share of the report (`--group-by owner`). */
export interface OwnerGroup {
  /** The repository (`owner/name`), or null for "no known owner". */
  owner: string | null;
  url: string | null;
  report: FleetReport;
}
