// Which report target digests match no Image, with the same linking rule sync uses (contract §3.1,
// Part A D2; normalisation and search from graph/digest-index.ts): the normalised target digest is a
// prefix of some Image's normalised `_ont_digest`; an empty one matches nothing.
// Sorted digests + binary search keep a whole fleet at O((images + reports) log images).
import { lowerBound, normaliseImageDigest } from "../graph/digest-index.js";

export class DigestPrefixIndex {
  private readonly sorted: string[];

  constructor(imageDigests: Iterable<string | null>) {
    this.sorted = [...imageDigests].map(normaliseImageDigest).sort();
  }

  /** True when some Image digest starts with `prefix` (already normalised, non-empty). */
  hasPrefix(prefix: string): boolean {
    if (prefix === "") return false;
    const at = lowerBound(this.sorted, prefix);
    return at < this.sorted.length && (this.sorted[at] as string).startsWith(prefix);
  }
}
