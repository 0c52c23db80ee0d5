// The report source from --docker-scout-source or the deprecated flags (contract §4.4): conflicts
// are usage errors, a deprecated flag gives exactly one warning, and the result is validated.
import { ScoutgraphError } from "../errors.js";
import { parseSourceSpec } from "../sources/registry.js";
import type { SyncLogger } from "../sync/logger.js";
import { OPTIONS } from "./options.js";
import type { ResolvedOptions } from "./option-values.js";

export interface SourceFlags {
  source?: string | undefined;
  resultsDir?: string | undefined;
  s3Bucket?: string | undefined;
  s3Prefix?: string | undefined;
}

export interface ResolvedSource {
  source: string | undefined;
  /** The deprecation warning to log once, when a deprecated flag was used. */
  deprecation?: string;
}

const deprecation = (key: string): string => `DEPRECATED: ${OPTIONS.find((o) => o.key === key)?.deprecated ?? key}`;

/** Pure: the rules of contract §4.4, in order. "Given" means not undefined; "" counts as given. */
export function resolveSourceFlags(flags: SourceFlags): ResolvedSource {
  const { source, resultsDir, s3Bucket, s3Prefix } = flags;
  const legacy = resultsDir !== undefined || s3Bucket !== undefined || s3Prefix !== undefined;
  if (source !== undefined && legacy) {
    throw usage(
      "Cannot use --docker-scout-source with deprecated source flags (--docker-scout-results-dir, --docker-scout-s3-bucket, --docker-scout-s3-prefix).",
    );
  }
  if (resultsDir !== undefined && (s3Bucket !== undefined || s3Prefix !== undefined)) {
    throw usage("Cannot use both --docker-scout-results-dir and --docker-scout-s3-bucket/--docker-scout-s3-prefix. Use --docker-scout-source instead.");
  }
  if (s3Prefix !== undefined && s3Bucket === undefined) throw usage("--docker-scout-s3-prefix requires --docker-scout-s3-bucket.");
  if (source !== undefined) return validated({ source });
  if (resultsDir !== undefined) return validated({ source: resultsDir, deprecation: deprecation("dockerScoutResultsDir") });
  if (s3Bucket !== undefined) {
    const prefix = (s3Prefix ?? "").replace(/^\/+/, "");
    return validated({ source: prefix === "" ? `s3://${s3Bucket}` : `s3://${s3Bucket}/${prefix}`, deprecation: deprecation("dockerScoutS3Bucket") });
  }
  return { source: undefined };
}

function validated(resolved: ResolvedSource): ResolvedSource {
  if (resolved.source !== undefined) parseSourceSpec(resolved.source);
  return resolved;
}

function usage(message: string): ScoutgraphError {
  return new ScoutgraphError("USAGE", message);
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
  });
  if (result.deprecation !== undefined) log.warn(result.deprecation);
  return result.source;
}
