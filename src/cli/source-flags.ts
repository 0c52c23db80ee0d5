// The report source from --docker-scout-source or the deprecated flags (contract §4.4). The rules
// live with the sources (sources/legacy-flags.ts); this adapts them to resolved CLI options and
// logs the one deprecation warning.
import { resolveSourceFlags as resolveWithSources, type SourceFlagNames, type SourceFlagValues } from "../sources/legacy-flags.js";
import type { SyncLogger } from "../sync/logger.js";
import { originOf, type ResolvedOptions } from "./option-values.js";

export type SourceFlags = SourceFlagValues;

export interface ResolvedSource {
  source: string | undefined;
  /** The deprecation warning to log once, when a deprecated flag was used. */
  deprecation?: string;
}

/** Pure: conflicts are usage errors; a deprecated flag gives one warning; the source is validated. */
export function resolveSourceFlags(flags: SourceFlags, names?: SourceFlagNames): ResolvedSource {
  const resolved = resolveWithSources(flags, names);
  const warning = resolved.warnings[0];
  return warning === undefined ? { source: resolved.source } : { source: resolved.source, deprecation: warning };
}

/** The source from resolved CLI options; logs the deprecation warning, if any, once. */
export function sourceFromFlags(resolved: ResolvedOptions, log: SyncLogger): string | undefined {
  const v = resolved.values;
  const str = (x: unknown): string | undefined => (typeof x === "string" ? x : undefined);
  const result = resolveSourceFlags({
    source: str(v.dockerScoutSource),
    resultsDir: str(v.dockerScoutResultsDir),
    s3Bucket: str(v.dockerScoutS3Bucket),
    s3Prefix: str(v.dockerScoutS3Prefix),
  }, {
    // Messages name what the user gave: the flag, or its environment variable.
    source: originOf(resolved, "dockerScoutSource"),
    resultsDir: originOf(resolved, "dockerScoutResultsDir"),
    s3Bucket: originOf(resolved, "dockerScoutS3Bucket"),
    s3Prefix: originOf(resolved, "dockerScoutS3Prefix"),
  });
  if (result.deprecation !== undefined) log.warn(result.deprecation);
  return result.source;
}
