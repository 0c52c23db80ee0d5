// BUILT_ON matching in O(images + reports) per run (contract Part A "Linking", §3.1, D2): every
// Image's normalised `_ont_digest` is read once into a sorted array; a report's normalised target
// digest then matches the contiguous range of entries it is a prefix of, found by binary search.
// The semantics are Cartography's Cypher predicate, only evaluated in memory.
// scoutgraph departure (docs/divergences.md "A manifest list's digest links its platform images"):
// a digest that is a multi-arch index's (`ImageManifestList`, never `:Image`) also matches the
// platform `Image` nodes the index `CONTAINS_IMAGE`; Cartography links nothing for it.
import { SCOUTGRAPH_IMAGE_SOURCE } from "./schema.js";

/** One `Image` node as the store reports it. */
export interface ImageDigestEntry {
  id: string;
  ontDigest: string | null;
  /** `_ont_source`; Image nodes scoutgraph created itself are linked directly, never matched. */
  ontSource?: string | null;
  /** `_ont_digest` of every `ImageManifestList` that `CONTAINS_IMAGE` this image (absent: none). */
  manifestLists?: readonly (string | null)[];
}

const PREFIX = "sha256:";

/** The report side (§3.1): remove one leading lower-case `sha256:`, then trim and lower-case. */
export function normaliseTargetDigest(raw: string | null | undefined): string {
  if (!raw) return "";
  return (raw.startsWith(PREFIX) ? raw.slice(PREFIX.length) : raw).trim().toLowerCase();
}

/** The Image side: `toLower(replace(coalesce(_ont_digest, ''), 'sha256:', ''))`. */
export function normaliseImageDigest(ontDigest: string | null | undefined): string {
  return (ontDigest ?? "").replaceAll(PREFIX, "").toLowerCase();
}

/**
 * A flat, independent copy of a string. `replaceAll`/`slice` results are V8 sliced or cons strings
 * that keep the driver's original alive and compare slowly; measured on 1M digests, flat copies
 * sort about 3.5 times faster and free the original (docs/scaling.md).
 */
function flatCopy(s: string): string {
  // A lone surrogate would not survive the UTF-8 round trip: keep such a (freak) string as it is.
  return /[\uD800-\uDFFF]/.test(s) ? s : Buffer.from(s, "utf8").toString("utf8");
}

/** The first index in `sorted` whose entry is not less than `key` (binary search). */
export function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class DigestIndex {
  // Parallel arrays sorted by digest (UTF-16 code-unit order, the same order `<` compares in).
  // An id equal to `sha256:` + digest (every registry that uses the digest as id) is stored as
  // undefined and rebuilt on a match: that halves the memory for the common case.
  private readonly digests: string[];
  private readonly ids: (string | undefined)[];
  // Manifest lists, sorted by normalised digest, each with the positions (in the arrays above) of
  // its platform images: a number per membership, not a second copy of the ids.
  private readonly listDigests: string[];
  private readonly listMembers: number[][];

  private constructor(digests: string[], ids: (string | undefined)[], listDigests: string[] = [], listMembers: number[][] = []) {
    this.digests = digests;
    this.ids = ids;
    this.listDigests = listDigests;
    this.listMembers = listMembers;
  }

  static empty(): DigestIndex {
    return new DigestIndex([], []);
  }

  /** Read every entry once. Entries whose normalised digest is empty can never match (D2) and are left out. */
  static async build(entries: AsyncIterable<ImageDigestEntry> | Iterable<ImageDigestEntry>): Promise<DigestIndex> {
    const digests: string[] = [];
    const ids: (string | undefined)[] = [];
    // Normalised manifest-list digest -> read positions of its platform images.
    const lists = new Map<string, number[]>();
    for await (const entry of entries) {
      if (entry.ontSource === SCOUTGRAPH_IMAGE_SOURCE) continue;
      const digest = normaliseImageDigest(entry.ontDigest);
      if (digest === "") continue;
      for (const list of entry.manifestLists ?? []) {
        const key = normaliseImageDigest(list);
        if (key === "") continue;
        const members = lists.get(key);
        if (members === undefined) lists.set(flatCopy(key), [digests.length]);
        else if (members[members.length - 1] !== digests.length) members.push(digests.length);
      }
      const flat = flatCopy(digest);
      digests.push(flat);
      ids.push(entry.id === PREFIX + flat ? undefined : entry.id);
    }
    const order = Array.from(digests.keys()).sort((a, b) => {
      const x = digests[a] as string;
      const y = digests[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    // Read position -> sorted position, for the list members.
    const sortedAt = new Int32Array(lists.size > 0 ? digests.length : 0);
    if (lists.size > 0) order.forEach((read, sorted) => (sortedAt[read] = sorted));
    const listDigests = [...lists.keys()].sort();
    return new DigestIndex(
      order.map((i) => digests[i] as string),
      order.map((i) => ids[i]),
      listDigests,
      listDigests.map((k) => (lists.get(k) as number[]).map((read) => sortedAt[read] as number)),
    );
  }

  get size(): number {
    return this.digests.length;
  }

  /** Manifest lists with at least one platform image. */
  get manifestLists(): number {
    return this.listDigests.length;
  }

  /**
   * The ids of every Image whose normalised digest starts with the report's normalised target
   * digest, one per node (an id held by two nodes comes twice), then of every platform Image of a
   * manifest list whose digest starts with it, each node once; none for an empty digest (D2).
   */
  match(rawTargetDigest: string | null): string[] {
    const prefix = normaliseTargetDigest(rawTargetDigest);
    if (prefix === "") return [];
    const positions: number[] = [];
    for (let i = lowerBound(this.digests, prefix); i < this.digests.length; i++) {
      if (!(this.digests[i] as string).startsWith(prefix)) break;
      positions.push(i);
    }
    let viaLists: Set<number> | null = null;
    for (let l = lowerBound(this.listDigests, prefix); l < this.listDigests.length; l++) {
      if (!(this.listDigests[l] as string).startsWith(prefix)) break;
      viaLists ??= new Set(positions);
      for (const p of this.listMembers[l] as number[]) {
        if (viaLists.has(p)) continue;
        viaLists.add(p);
        positions.push(p);
      }
    }
    return positions.map((i) => this.ids[i] ?? PREFIX + (this.digests[i] as string));
  }
}
