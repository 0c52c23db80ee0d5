// Incremental scanning: is the report already in DEST fresh enough to skip? Fresh means younger
// than --max-age and, when the digest is known without a scan, for that digest. Same-digest
// reports still go stale (new base tags and vulnerability data, contract §4.1), hence the age. Pure.
import { digestMatches } from "./references.js";
import type { ScanRecord } from "./scan-record.js";
import type { ScanTarget } from "./targets.js";

/** What DEST holds under a target's name. */
export interface ExistingReport {
  /** The object's or file's modification time. */
  modified: Date;
  record: ScanRecord | undefined;
}

export type Decision =
  | { scan: false; reason: "fresh" }
  | { scan: true; reason: "forced" | "missing" | "older than --max-age" | "digest changed" | "digest not recorded" | "platform changed" };

/** `platform` is the one this run asks for (--platform, else the target's); a report of another is not fresh. */
export function decide(target: ScanTarget, existing: ExistingReport | undefined, now: Date, maxAgeMs: number, force: boolean, platform?: string): Decision {
  if (force) return { scan: true, reason: "forced" };
  if (existing === undefined) return { scan: true, reason: "missing" };
  const record = existing.record?.reference === target.reference ? existing.record : undefined;
  const scannedAt = record === undefined ? existing.modified.getTime() : Date.parse(record.scannedAt);
  if (now.getTime() - scannedAt >= maxAgeMs) return { scan: true, reason: "older than --max-age" };
  if (platform !== undefined && record?.platform !== undefined && record.platform !== null && record.platform !== platform) return { scan: true, reason: "platform changed" };
  if (target.digest !== undefined) {
    // A hand-made report has no record: its digest cannot be confirmed without reading it.
    if (record === undefined || (record.digest === null && record.reportDigest === null)) return { scan: true, reason: "digest not recorded" };
    const same = record.digest !== null ? record.digest.toLowerCase() === target.digest : digestMatches(target.digest, record.reportDigest ?? "");
    if (!same) return { scan: true, reason: "digest changed" };
  }
  return { scan: false, reason: "fresh" };
}

/** `24h`, `90m`, `30s`, `2d`, or plain milliseconds; throws on anything else. */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(text);
  if (match === null) throw new Error(`expected a duration such as 24h, 90m, 30s or 2d, got "${text}"`);
  const unit = (match[2] ?? "ms").toLowerCase();
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit] ?? 1;
  return Math.round(Number(match[1]) * factor);
}
