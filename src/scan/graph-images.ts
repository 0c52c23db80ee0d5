// `scan --from-graph`: the images a graph knows, each with a pullable reference built as the
// contract's §5.3 says (registry modules leave `_ont_uri` unset in places, so the repository comes
// from the tag node that points at the image or at its manifest list). The reference pins the
// platform manifest digest and uses `registry://`, so Scout analyses the registry's image rather
// than a stale local copy, and its Target digest is the one Cartography matches (§5.1).
import type { GraphStore, Row } from "../stores/graph-store.js";
import type { TargetInput } from "./targets.js";

// Cartography's registry modules: ECR (repo_uri), GCP Artifact Registry (_ont_uri, uri,
// digest_uri), GitLab (Image._ont_uri, tag location/id), GitHub (uri). Image nodes scoutgraph
// made from reports (`_ont_source = docker_scout_report`) carry no full digest and are skipped.
export const NEO4J_IMAGES_QUERY = `
MATCH (i:Image)
WHERE i._ont_digest IS NOT NULL AND coalesce(i._ont_source, '') <> 'docker_scout_report'
OPTIONAL MATCH (t)-[:IMAGE]->(i)
WITH i, collect(DISTINCT t) AS direct
OPTIONAL MATCH (t2)-[:IMAGE]->(:ImageManifestList)-[:CONTAINS_IMAGE]->(i)
WITH i, direct, collect(DISTINCT t2) AS viaList
OPTIONAL MATCH (i)-[b:BUILT_ON]->(:DockerScoutPublicImage)
WITH i, direct, viaList, max(b.lastupdated) AS linkedAt
OPTIONAL MATCH (r:DockerScoutReport)-[:REPORTS_ON]->(i)
WITH i, direct + viaList AS tags, linkedAt, max(coalesce(r.source_modified, r.lastupdated)) AS reportedAt
WITH i, tags, coalesce(reportedAt, linkedAt) AS coveredAt
RETURN i._ont_digest AS digest, i._ont_uri AS imageUri, i._ont_os AS os, i._ont_architecture AS architecture, i._ont_variant AS variant,
       [t IN tags | [t.repo_uri, t._ont_uri, t.uri, t.digest_uri, t.location, t.id]] AS tagUris, coveredAt
ORDER BY digest`;

// The embedded store only holds the Image nodes sync made from reports: their reference is the
// report's Target, as printed.
export const EMBEDDED_IMAGES_QUERY = `
MATCH (i:Image)
OPTIONAL MATCH (i)-[b:BUILT_ON]->(:DockerScoutPublicImage)
RETURN i.name AS name, max(b.lastupdated) AS coveredAt
ORDER BY name`;

export interface GraphImage {
  /** The pullable reference, without a prefix. */
  reference: string;
  digest?: string;
  platform?: string;
  /** When a synced report last covered this image, in Unix seconds (see isCovered), or null. */
  coveredAt: number | null;
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/** `host/repo:tag@sha256:…` → `host/repo` (the tag is the last `:` after the last `/`). */
export function repositoryOf(uri: string): string {
  const noDigest = uri.split("@")[0] ?? uri;
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  return colon > slash && slash !== -1 ? noDigest.slice(0, colon) : noDigest;
}

function platformOf(row: Row): string | undefined {
  const os = text(row.os);
  const arch = text(row.architecture);
  if (os === undefined || arch === undefined || os === "unknown" || arch === "unknown") return undefined;
  const variant = text(row.variant);
  return variant === undefined ? `${os}/${arch}` : `${os}/${arch}/${variant}`;
}

/** One GraphImage per Neo4j row that has a digest and some repository; pure. */
export function imagesFromNeo4jRows(rows: readonly Row[]): GraphImage[] {
  const out: GraphImage[] = [];
  for (const row of rows) {
    const digest = text(row.digest)?.toLowerCase();
    if (digest === undefined || !/^sha256:[0-9a-f]{64}$/.test(digest)) continue;
    const candidates = new Set<string>();
    const tagUris = Array.isArray(row.tagUris) ? (row.tagUris as unknown[][]) : [];
    for (const uris of tagUris) {
      // The first property the tag node has, in the order of the query (repo_uri first).
      const uri = (Array.isArray(uris) ? uris : []).map(text).find((u) => u !== undefined && u.includes("/"));
      if (uri !== undefined) candidates.add(repositoryOf(uri));
    }
    const own = text(row.imageUri);
    if (own !== undefined) candidates.add(repositoryOf(own));
    const repository = [...candidates].sort()[0];
    if (repository === undefined) continue;
    const platform = platformOf(row);
    out.push({ reference: `${repository}@${digest}`, digest, ...(platform === undefined ? {} : { platform }), coveredAt: numberOrNull(row.coveredAt) });
  }
  return out;
}

export function imagesFromEmbeddedRows(rows: readonly Row[]): GraphImage[] {
  return rows.flatMap((row) => {
    const name = text(row.name);
    return name === undefined ? [] : [{ reference: name, coveredAt: numberOrNull(row.coveredAt) }];
  });
}

function numberOrNull(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export async function readGraphImages(store: GraphStore): Promise<GraphImage[]> {
  if (store.kind === "neo4j") return imagesFromNeo4jRows(await store.query(NEO4J_IMAGES_QUERY));
  return imagesFromEmbeddedRows(await store.query(EMBEDDED_IMAGES_QUERY));
}

/**
 * --only-uncovered: an image is covered when a synced report is about it and recent: on Neo4j its
 * newest DockerScoutReport's `source_modified` (the report file's age; else that sync's update
 * tag), on graphs without report nodes and on the embedded store the BUILT_ON's update tag.
 * Update tags are Unix seconds by default.
 */
export function isCovered(image: GraphImage, nowMs: number, maxAgeMs: number): boolean {
  return image.coveredAt !== null && nowMs - image.coveredAt * 1000 < maxAgeMs;
}

/** Graph images as scan inputs: registry images get `registry://` (the embedded store's keep their Target as printed). */
export function targetInputsOf(images: readonly GraphImage[], store: "neo4j" | "embedded"): TargetInput[] {
  return images.map((image) => ({
    reference: store === "neo4j" ? `registry://${image.reference}` : image.reference,
    where: "graph",
    origin: "graph",
    ...(image.digest === undefined ? {} : { digest: image.digest }),
    ...(image.platform === undefined ? {} : { platform: image.platform }),
  }));
}
