// Typed result of parsing one `docker scout recommendations` text report.
// The documented keys (and their order) are the fixture shape of test/fixtures/reports/README.md;
// the keys marked "extra" come after them and carry what the graph needs beyond that shape.

export interface VulnerabilityCounts {
  critical: number;
  high: number;
  medium: number;
  low: number;
}

export interface ReportTarget {
  /**
   * The `Target │` value as printed (or the image of the 2023 `Recommended fixes for image` header);
   * null when the cell is empty (Scout run with no image argument: only the digest is printed).
   */
  image: string | null;
  /** The `digest │` value as printed; null when the report has no digest row (2023 header). */
  digest: string | null;
}

export interface BaseImage {
  name: string;
  /** The `Name` row, else the reference's tag. */
  tag: string;
  digest: string | null;
  vulnerabilities: VulnerabilityCounts;
  size: string | null;
  flavor: string | null;
  os: string | null;
  runtime: string | null;
  alternative_tags: string[];
  /** extra: the tag of the `Base image is` reference itself (Cartography infers os and slim from it). */
  ref_tag: string;
  /** extra: the `Slim` row read as a check mark (`✓` or `v`); false when absent. */
  slim: boolean;
  /** extra: the `Pushed` row as printed, or null. */
  pushed: string | null;
  /** extra: the `Packages` row as printed, or null. */
  packages: string | null;
}

export type RecommendationSection = "refresh" | "change";

export interface Recommendation {
  section: RecommendationSection;
  tag: string;
  alternative_tags: string[];
  benefits: string[];
  /** Counts of the block's first row; all zero when that cell is empty. */
  vulnerabilities: VulnerabilityCounts;
  size: string | null;
  flavor: string | null;
  os: string | null;
  runtime: string | null;
  /** extra: the `• Slim:` detail read as a check mark; false when absent. */
  slim: boolean;
  /** extra: the Pushed cell of the block's first row, or null. */
  pushed: string | null;
}

/** Text that is not a `docker scout recommendations` report (no report header). */
export interface NotAReport {
  target: null;
  base_image: null;
  recommendations: [];
  is_report: false;
}

/** A report that parsed. `base_image` is null when Docker Scout could not resolve the base. */
export interface ParsedReport {
  target: ReportTarget;
  base_image: BaseImage | null;
  recommendations: Recommendation[];
  is_report: true;
}

/** The report header is there but the report is truncated or mangled. */
export interface MalformedReport {
  target: ReportTarget | null;
  base_image: null;
  recommendations: [];
  is_report: true;
  /** One line saying what is missing, e.g. "no `Base image is` line". */
  error: string;
}

export type ParseResult = NotAReport | ParsedReport | MalformedReport;

export function isMalformed(result: ParseResult): result is MalformedReport {
  return result.is_report && "error" in result;
}

export function isParsed(result: ParseResult): result is ParsedReport {
  return result.is_report && !("error" in result);
}
