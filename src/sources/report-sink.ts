// The ReportSink port: where `scan` writes reports, the write side of ReportSource. One adapter
// per backend (local, s3, gcs, azblob), chosen by openReportSink (sink-registry.ts) from the same
// source string `sync` reads. Every write is atomic: a reader sees the old report or the whole new
// one, never part of it (a temporary hidden file then rename locally; a single PUT in the clouds).
//
// Each report carries an opaque metadata string (scan's record, ASCII) stored where `sync` never
// reads it: locally `.scoutgraph-scan/<name>.json` (a hidden folder, skipped by the local
// listing), in the clouds the report object's own user metadata (`scoutgraph-scan`), so no extra
// object appears under the prefix.
//
// Errors: ScoutgraphError("SOURCE") naming the object when DEST cannot be read or written.

export interface StoredReport {
  modified: Date;
  /** The metadata string written with the report; undefined for a report scan did not write. */
  metadata: string | undefined;
}

export interface ReportSink {
  /** The canonical URI of DEST, as ReportSource spells it. */
  readonly uri: string;
  /** The URI a report of this name has (for logs and the summary). */
  uriOf(name: string): string;
  /** What DEST holds under `name`, or undefined when there is no report of that name. */
  stat(name: string): Promise<StoredReport | undefined>;
  /** Writes the whole report and its metadata atomically, replacing any report of that name. */
  put(name: string, body: Buffer, metadata: string): Promise<void>;
  close(): Promise<void>;
}

/** The object key of a report under a cloud prefix: `reports` and `reports/` both give `reports/<name>`. */
export function keyUnder(prefix: string, name: string): string {
  if (prefix === "") return name;
  return prefix.endsWith("/") ? `${prefix}${name}` : `${prefix}/${name}`;
}

/** The user-metadata key of scan's record (lower case: S3 and GCS fold case; Azure needs an identifier). */
export const METADATA_KEY = "scoutgraphscan";

/** Object-store metadata values must be ASCII (HTTP headers): the metadata string as base64url. */
export function toMetadataValue(metadata: string): string {
  return Buffer.from(metadata, "utf8").toString("base64url");
}

export function fromMetadataValue(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? Buffer.from(value, "base64url").toString("utf8") : undefined;
}
