// The record scan keeps beside each report: what was scanned, at which digest and platform, by
// which Scout, when. The report alone cannot say (its Target digest is 12 hex characters and may
// be a local image ID, contract §5.1, §5.4). Sinks store it where `sync` never reads it: a file in
// the hidden `.scoutgraph-scan/` folder locally, the report object's own metadata in the clouds.

export interface ScanRecord {
  schemaVersion: 1;
  /** The reference as given to Scout. */
  reference: string;
  /** The full digest scanned, when known (pinned reference or graph); null otherwise. */
  digest: string | null;
  /** The report's Target digest (Scout's 12 hex characters). */
  reportDigest: string | null;
  /** `os/arch[/variant]`: --platform, or the graph's Image node; null when Scout chose (the host's). */
  platform: string | null;
  /** `docker scout version`, e.g. `1.23.1`; null when it could not be read. */
  scoutVersion: string | null;
  /** ISO 8601 time the scan finished. */
  scannedAt: string;
  scoutgraphVersion: string;
}

export function encodeRecord(record: ScanRecord): string {
  return JSON.stringify(record);
}

const text = (v: unknown): v is string => typeof v === "string";
const textOrNull = (v: unknown): v is string | null => v === null || typeof v === "string";

/** The record, or undefined when the text is not one (a damaged or foreign file is ignored). */
export function decodeRecord(json: string): ScanRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const r = value as Record<string, unknown>;
  const ok =
    r.schemaVersion === 1 &&
    text(r.reference) &&
    textOrNull(r.digest) &&
    textOrNull(r.reportDigest) &&
    textOrNull(r.platform) &&
    textOrNull(r.scoutVersion) &&
    text(r.scannedAt) &&
    !Number.isNaN(Date.parse(r.scannedAt));
  return ok ? (r as unknown as ScanRecord) : undefined;
}
