// Reads the Cartography context from a store into plain maps keyed by normalised image digest
// (`_ont_digest`, lower-case): the same digest in two registries is one image (contract §2.1,
// §8.2). Neo4j only: the embedded store holds nothing but scoutgraph's own labels. Every query is
// issued at once and aggregated per image by the server.
import type { GraphStore, Row } from "../../stores/graph-store.js";
import type { ContextFound, ImageOwner, InternalBase, Workload } from "../types.js";
import {
  CONTEXT_FOUND_QUERY,
  INTERNAL_BASE_QUERY,
  OWNER_QUERY,
  PROVENANCE_QUERY,
  REPORT_TARGETS_QUERY,
  RUNTIME_QUERY,
  TAGS_QUERY,
  UNKNOWN_IMAGE_CONTAINERS_QUERY,
  WORKLOAD_QUERY,
} from "./context-queries.js";

export interface RuntimeRow {
  runningContainers: number;
  workloads: Workload[];
}

export interface UnknownImageRow {
  imageRef: string;
  digest: string | null;
  containers: number;
  namespaces: string[];
  clusters: string[];
  exposed: boolean;
}

export interface ContextData {
  found: ContextFound;
  /** From RESOLVED_IMAGE: running containers and their workloads. */
  runtime: Map<string, RuntimeRow>;
  /** From HAS_RUNTIME_IMAGE. */
  workloads: Map<string, Workload[]>;
  owners: Map<string, ImageOwner>;
  internalBases: Map<string, InternalBase>;
  tags: Map<string, string[]>;
  reportTargets: Map<string, string[]>;
  unknownImages: UnknownImageRow[];
}

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : typeof v === "number" || typeof v === "bigint" ? String(v) : null);
const num = (v: unknown): number => (typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : 0);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((x): x is string => x !== null) : []);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function emptyFound(): ContextFound {
  return {
    any: false,
    runtime: { containers: 0, containerKinds: [], resolvedImages: 0, workloadImages: 0, workloadKinds: [] },
    exposure: { exposedWorkloadImages: 0, exposedContainers: 0 },
    ownership: { packagedFrom: 0, matchMethods: [], providers: [], imagesWithProvenance: 0 },
    internalBase: { builtFrom: 0 },
    registryTags: 0,
  };
}

export function toFound(r: Row | undefined): ContextFound {
  if (!r) return emptyFound();
  const found: ContextFound = {
    any: false,
    runtime: {
      containers: num(r.containers),
      containerKinds: strings(r.containerKinds).sort(),
      resolvedImages: num(r.resolvedImages),
      workloadImages: num(r.workloadImages),
      workloadKinds: strings(r.workloadKinds).sort(),
    },
    exposure: { exposedWorkloadImages: num(r.exposedWorkloadImages), exposedContainers: num(r.exposedContainers) },
    ownership: {
      packagedFrom: num(r.packagedFrom),
      matchMethods: strings(r.matchMethods).sort(),
      providers: strings(r.providers).sort(),
      imagesWithProvenance: num(r.imagesWithProvenance),
    },
    internalBase: { builtFrom: num(r.builtFrom) },
    registryTags: num(r.registryTags),
  };
  found.any =
    found.runtime.containers + found.runtime.workloadImages + found.ownership.packagedFrom + found.ownership.imagesWithProvenance + found.internalBase.builtFrom > 0;
  return found;
}

/** `[kind, name, namespace, cluster, exposed]` tuples -> Workloads. */
export function toWorkloads(v: unknown): Workload[] {
  return list(v).map((t) => {
    const [kind, name, namespace, cluster, exposed] = list(t);
    return { kind: str(kind), name: str(name), namespace: str(namespace), cluster: str(cluster), exposed: exposed === true };
  });
}

/** `https://github.com/acme/payments-api(.git)` -> `acme/payments-api`. */
export function repositoryPath(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/(.+?)(?:\.git)?\/?$/i.exec(url);
  return m?.[1] ?? url;
}

export function toOwner(best: unknown): ImageOwner | null {
  const [fullname, url, provider, dockerfile, method, confidence, revision] = list(best);
  const u = str(url);
  const repository = str(fullname) ?? (u ? repositoryPath(u) : null);
  if (repository === null) return null;
  return {
    repository,
    url: u,
    provider: str(provider),
    dockerfile: str(dockerfile),
    matchMethod: str(method) ?? "unknown",
    confidence: typeof confidence === "number" ? confidence : null,
    revision: str(revision),
    verified: true,
  };
}

export function toUnverifiedOwner(r: Row): ImageOwner | null {
  const url = str(r.source_uri);
  if (url === null) return null;
  return {
    repository: repositoryPath(url),
    url,
    provider: null,
    dockerfile: str(r.source_file),
    matchMethod: "image-provenance",
    confidence: null,
    revision: str(r.source_revision),
    verified: false,
  };
}

function byDigest<T>(rows: Row[], value: (r: Row) => T | null, merge?: (a: T, b: T) => T): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of rows) {
    const digest = str(r.digest);
    const v = value(r);
    if (digest === null || v === null) continue;
    const had = out.get(digest);
    out.set(digest, had !== undefined && merge ? merge(had, v) : v);
  }
  return out;
}

const uniq = (xs: string[]): string[] => [...new Set(xs)];

export async function readContext(store: GraphStore): Promise<ContextData> {
  const queries = [
    CONTEXT_FOUND_QUERY,
    RUNTIME_QUERY,
    WORKLOAD_QUERY,
    OWNER_QUERY,
    PROVENANCE_QUERY,
    INTERNAL_BASE_QUERY,
    TAGS_QUERY,
    REPORT_TARGETS_QUERY,
    UNKNOWN_IMAGE_CONTAINERS_QUERY,
  ];
  const [found, runtime, workloads, owners, provenance, bases, tags, targets, unknown] = await Promise.all(queries.map((q) => store.query(q)));
  const ownerMap = byDigest(owners ?? [], (r) => toOwner(r.best));
  // An unverified owner only where no PACKAGED_FROM names one (another node of the digest may have it).
  for (const [digest, owner] of byDigest(provenance ?? [], toUnverifiedOwner)) if (!ownerMap.has(digest)) ownerMap.set(digest, owner);
  return {
    found: toFound(found?.[0]),
    runtime: byDigest(
      runtime ?? [],
      (r) => ({ runningContainers: num(r.running), workloads: toWorkloads(r.workloads) }),
      (a, b) => ({ runningContainers: a.runningContainers + b.runningContainers, workloads: [...a.workloads, ...b.workloads] }),
    ),
    workloads: byDigest(workloads ?? [], (r) => toWorkloads(r.workloads), (a, b) => [...a, ...b]),
    owners: ownerMap,
    internalBases: byDigest(bases ?? [], (r) => {
      const tagList = strings(r.tags).sort();
      const reference = str(r.reference);
      return { digest: str(r.parent_digest), name: tagList[0] ?? reference, tags: tagList, reference, owner: str(r.owner) };
    }),
    tags: byDigest(tags ?? [], (r) => strings(r.tags), (a, b) => uniq([...a, ...b])),
    reportTargets: byDigest(targets ?? [], (r) => strings(r.targets), (a, b) => uniq([...a, ...b])),
    unknownImages: (unknown ?? []).map((r) => ({
      imageRef: str(r.image_ref) ?? "",
      digest: str(r.digest),
      containers: num(r.containers),
      namespaces: strings(r.namespaces).sort(),
      clusters: strings(r.clusters).sort(),
      exposed: num(r.exposed) > 0,
    })),
  };
}
