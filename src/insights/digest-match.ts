// Which report target digests match no Image, with Cartography's linking rule (contract §3.1,
// Part A D2): the target digest without a leading `sha256:`, trimmed and lower-cased, is a prefix
// of the Image's `_ont_digest` with every `sha256:` removed and lower-cased; an empty one matches nothing.
// Sorted digests + binary search keep a whole fleet at O((images + reports) log images).

export function normaliseTargetDigest(raw: string | null | undefined): string {
  if (raw === null || raw === undefined) return "";
  const trimmed = raw.trim();
  return (trimmed.startsWith("sha256:") ? trimmed.slice("sha256:".length) : trimmed).trim().toLowerCase();
}

export function normaliseImageDigest(raw: string | null | undefined): string {
  return (raw ?? "").replaceAll("sha256:", "").toLowerCase();
}

export class DigestPrefixIndex {
  private readonly sorted: string[];

  constructor(imageDigests: Iterable<string | null>) {
    this.sorted = [...imageDigests].map(normaliseImageDigest).sort();
  }

  /** True when some Image digest starts with `prefix` (already normalised, non-empty). */
  hasPrefix(prefix: string): boolean {
    if (prefix === "") return false;
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.sorted.length && (this.sorted[lo] as string).startsWith(prefix);
  }
}
