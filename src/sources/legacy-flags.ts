// Resolves `--docker-scout-source` against the deprecated `--docker-scout-results-dir` and
// `--docker-scout-s3-bucket`/`--docker-scout-s3-prefix` (contract Part B §4.4), without I/O.
// Conflicts are usage errors; the deprecated flags still work and earn one deprecation warning.
import { parseSourceSpec } from "./registry.js";
import { usageError } from "./source-spec.js";

export interface SourceFlagValues {
  source?: string | undefined;
  resultsDir?: string | undefined;
  s3Bucket?: string | undefined;
  s3Prefix?: string | undefined;
}

export type SourceFlagNames = Record<keyof SourceFlagValues, string>;

export const CLI_SOURCE_FLAG_NAMES: SourceFlagNames = {
  source: "--docker-scout-source",
  resultsDir: "--docker-scout-results-dir",
  s3Bucket: "--docker-scout-s3-bucket",
  s3Prefix: "--docker-scout-s3-prefix",
};

export interface ResolvedSourceFlags {
  /** The source string to open, or undefined when none was configured. */
  source: string | undefined;
  /** Deprecation warnings to log (at most one). */
  warnings: string[];
}

/** `s3://bucket[/prefix]`, leading slashes of the prefix removed. */
export function buildS3Source(bucket: string, prefix: string | undefined): string {
  const trimmed = (prefix ?? "").replace(/^\/+/, "");
  return trimmed === "" ? `s3://${bucket}` : `s3://${bucket}/${trimmed}`;
}

/** Applies the rules in order; "given" means not undefined (an empty string counts as given). */
export function resolveSourceFlags(flags: SourceFlagValues, names: SourceFlagNames = CLI_SOURCE_FLAG_NAMES): ResolvedSourceFlags {
  const given = (v: string | undefined): v is string => v !== undefined;
  const { source, resultsDir, s3Bucket, s3Prefix } = flags;
  if (given(source) && (given(resultsDir) || given(s3Bucket) || given(s3Prefix))) {
    throw usageError(`Cannot use ${names.source} with deprecated source flags (${names.resultsDir}, ${names.s3Bucket}, ${names.s3Prefix}).`);
  }
  if (given(resultsDir) && (given(s3Bucket) || given(s3Prefix))) {
    throw usageError(`Cannot use both ${names.resultsDir} and ${names.s3Bucket}/${names.s3Prefix}. Use ${names.source} instead.`);
  }
  if (given(s3Prefix) && !given(s3Bucket)) throw usageError(`${names.s3Prefix} requires ${names.s3Bucket}.`);
  if (given(source)) {
    parseSourceSpec(source);
    return { source, warnings: [] }; // as given, untrimmed
  }
  if (given(resultsDir)) {
    parseSourceSpec(resultsDir);
    return { source: resultsDir, warnings: [`DEPRECATED: ${names.resultsDir} will be removed in scoutgraph 1.0.0; use ${names.source} instead.`] };
  }
  if (given(s3Bucket)) {
    const built = buildS3Source(s3Bucket, s3Prefix);
    const warning = `DEPRECATED: ${names.s3Bucket}/${names.s3Prefix} will be removed in scoutgraph 1.0.0; use ${names.source} instead.`;
    parseSourceSpec(built);
    return { source: built, warnings: [warning] };
  }
  return { source: undefined, warnings: [] };
}
