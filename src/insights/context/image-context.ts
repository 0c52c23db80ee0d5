// Pure: the context of one image from the maps read by read-context.ts, its runtime tier, and
// the human name the report shows (a registry tag URI, else a report target, never only a digest).
import type { ImageContext, ImageRuntime, RuntimeTier, Workload } from "../types.js";
import type { ContextData } from "./read-context.js";

export const TIER_ORDER: Record<RuntimeTier, number> = { exposed: 0, running: 1, "not-running": 2 };

export const normaliseDigest = (d: string | null | undefined): string => (d ?? "").toLowerCase();

const sortStrings = (xs: Iterable<string>): string[] => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Tag URIs best first: a version tag before `latest`, then alphabetical. */
export function rankTags(tags: readonly string[]): string[] {
  const latest = (t: string): number => (/:latest$/i.test(t) ? 1 : 0);
  return [...new Set(tags)].sort((a, b) => latest(a) - latest(b) || (a < b ? -1 : a > b ? 1 : 0));
}

const workloadKey = (w: Workload): string => JSON.stringify([w.kind, w.name, w.namespace, w.cluster]);

/** Merge the per-container view (RESOLVED_IMAGE) and the per-workload view (HAS_RUNTIME_IMAGE). */
export function mergeRuntime(digest: string, data: ContextData): ImageRuntime | null {
  const containers = data.runtime.get(digest);
  const inventory = data.workloads.get(digest) ?? [];
  if (!containers && inventory.length === 0) return null;
  const byKey = new Map<string, Workload>();
  for (const w of [...(containers?.workloads ?? []), ...inventory]) {
    const key = workloadKey(w);
    const had = byKey.get(key);
    byKey.set(key, had ? { ...had, exposed: had.exposed || w.exposed } : { ...w });
  }
  const all = [...byKey.values()];
  // A bare pod (no ComputeService) shows as a workload with no name; keep it only for its namespace and cluster.
  const workloads = all
    .filter((w) => w.name !== null)
    .sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "") || (a.namespace ?? "").localeCompare(b.namespace ?? ""));
  return {
    runningContainers: containers?.runningContainers ?? 0,
    workloads,
    namespaces: sortStrings(all.flatMap((w) => (w.namespace ? [w.namespace] : []))),
    clusters: sortStrings(all.flatMap((w) => (w.cluster ? [w.cluster] : []))),
    exposed: all.some((w) => w.exposed),
  };
}

export function tierOf(runtime: ImageRuntime | null): RuntimeTier {
  if (runtime === null) return "not-running";
  return runtime.exposed ? "exposed" : "running";
}

export function imageContext(digest: string | null, data: ContextData): ImageContext {
  const key = normaliseDigest(digest);
  const runtime = key === "" ? null : mergeRuntime(key, data);
  return {
    tags: rankTags(data.tags.get(key) ?? []),
    runtime,
    tier: tierOf(runtime),
    owner: data.owners.get(key) ?? null,
    internalBase: data.internalBases.get(key) ?? null,
  };
}

const DIGEST_ONLY = /^(sha256:)?[0-9a-f]{12,64}$/i;

/** The name to show: the best tag URI, else the current name unless it is only a digest, else a report target. */
export function humanName(current: string, tags: readonly string[], reportTargets: readonly string[]): string {
  if (tags[0] !== undefined) return tags[0];
  if (!DIGEST_ONLY.test(current)) return current;
  return [...reportTargets].sort()[0] ?? current;
}

/** `host/repo:tag` or `host/repo@sha256:…` -> `host/repo` (the tag is a `:` after the last `/`). */
export function repositoryOf(uri: string): string {
  const noDigest = uri.split("@")[0] ?? uri;
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

/** A reference Docker Scout can analyse: pinned to the digest when both are known. */
export function scanReference(nameOrTag: string, digest: string | null): string {
  return digest && /^sha256:[0-9a-f]{64}$/.test(digest) ? `${repositoryOf(nameOrTag)}@${digest}` : nameOrTag;
}
