// Source specs: what a source string points at, parsed without I/O (contract Part B §4.1).
import { ScoutgraphError } from "../errors.js";

export interface LocalSourceSpec {
  kind: "local";
  /** The path with `~` expanded. */
  path: string;
  uri: string;
}

export interface CloudSourceSpec {
  kind: "cloud";
  /** Lower-cased scheme, e.g. `s3`, `gs`, `azblob`. */
  scheme: string;
  /** Canonical URI: `s3://b`, `s3://b/prefix`, `azblob://acct/cont/prefix` (trailing slashes kept). */
  uri: string;
  /** The storage account (Azure only). */
  account?: string;
  /** The bucket (S3, GCS) or container (Azure). */
  bucket: string;
  /** A raw key prefix: `reports` also matches `reports-old/x`. Leading slashes removed. */
  prefix: string;
  /** True when leading slashes were removed from the prefix (worth a debug line). */
  prefixSlashesStripped: boolean;
}

export type SourceSpec = LocalSourceSpec | CloudSourceSpec;

export function usageError(message: string): ScoutgraphError {
  return new ScoutgraphError("USAGE", message);
}

/** Splits `bucket/prefix`; an empty bucket is an error with the backend's own wording. */
export function splitBucketAndPrefix(scheme: string, rest: string, label: string): CloudSourceSpec {
  const slash = rest.indexOf("/");
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  if (bucket === "") throw usageError(`${label} report source must include a bucket name.`);
  return withPrefix({ scheme, bucket }, slash === -1 ? "" : rest.slice(slash + 1), `${scheme}://${bucket}`);
}

export function withPrefix(
  head: { scheme: string; bucket: string; account?: string },
  rawPrefix: string,
  base: string,
): CloudSourceSpec {
  const prefix = rawPrefix.replace(/^\/+/, "");
  return {
    kind: "cloud",
    ...head,
    prefix,
    uri: prefix === "" ? base : `${base}/${prefix}`,
    prefixSlashesStripped: prefix.length !== rawPrefix.length,
  };
}
