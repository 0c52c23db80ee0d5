// Image references as `scan` takes them, and the report file name Cartography's docs give each one:
// `$(echo "$IMAGE" | tr '/:' '__').txt`. References are user input that ends up in a process's
// argv and in object keys, so they are checked against an allow-list, never a deny-list.

/** Scout's reference prefixes (contract §1.4); no prefix means `image://`. */
export const SCOUT_PREFIXES = ["image://", "local://", "registry://", "oci-dir://", "archive://", "fs://"] as const;

// A registry reference (name[:tag][@digest]) is letters, digits and `._-/:@`; `+` appears in some
// tags. It starts with a letter or digit, so it can never be taken for a flag or a hidden file.
const BODY = /^[A-Za-z0-9][A-Za-z0-9._\-/:@+]*$/;
const MAX_LENGTH = 512;
const PINNED = /@(sha256:[0-9a-f]{64})$/;

/** Why a reference is refused, or null when it is acceptable. */
export function referenceProblem(reference: string): string | null {
  if (reference.length === 0) return "empty reference";
  if (reference.length > MAX_LENGTH) return `longer than ${MAX_LENGTH} characters`;
  const prefix = SCOUT_PREFIXES.find((p) => reference.startsWith(p));
  const body = prefix === undefined ? reference : reference.slice(prefix.length);
  if (prefix === undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(reference)) return "unknown prefix (Scout takes image://, local://, registry://, oci-dir://, archive:// or fs://)";
  if (!BODY.test(body)) return "not an image reference (allowed: letters, digits and . _ - / : @ +, starting with a letter or digit)";
  return null;
}

/** The reference without its Scout prefix (`registry://x` → `x`). */
export function withoutPrefix(reference: string): string {
  const prefix = SCOUT_PREFIXES.find((p) => reference.startsWith(p));
  return prefix === undefined ? reference : reference.slice(prefix.length);
}

/**
 * The report's file name as Cartography's docs name it, `tr '/:' '__'` plus `.txt`, of the
 * reference without its Scout prefix: `registry://x` and `x` are one image and share a report.
 */
export function reportNameOf(reference: string): string {
  return `${withoutPrefix(reference).replace(/[/:]/g, "_")}.txt`;
}

/** The full digest a digest-pinned reference names (`repo@sha256:<64 hex>`), else undefined. */
export function pinnedDigestOf(reference: string): string | undefined {
  return PINNED.exec(reference.toLowerCase())?.[1];
}

/** Whether a report's 12-hex Target digest is the start of a full digest (Cartography's rule). */
export function digestMatches(fullDigest: string, reportDigest: string): boolean {
  const full = fullDigest.toLowerCase().replace(/^sha256:/, "");
  const short = reportDigest.toLowerCase().replace(/^sha256:/, "").trim();
  return short.length > 0 && full.startsWith(short);
}
