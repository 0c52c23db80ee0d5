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
}
