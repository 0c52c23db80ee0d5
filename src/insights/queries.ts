// The read side of `scoutgraph report`: four plain Cypher reads that run unchanged on Neo4j and
// on the embedded LadybugDB store (only the Image display name differs). Ranking and aggregation
// happen in TypeScript (build-report.ts), so the queries stay dialect-neutral and cheap.
import type { GraphStore, Row } from "../stores/graph-store.js";
import type { StaleReportRow } from "./context/coverage.js";
import { STALE_REPORTS_QUERY } from "./context/context-queries.js";
import { readContext, type ContextData } from "./context/read-context.js";
import type { Category, Counts } from "./types.js";

/**
 * Every Image built on a base, one row per base with `[id, name, digest]` triples: turning result
 * rows into JS objects costs far more than the query (about 10x on the embedded store at 10 000
 * images), so the fan-out comes back as lists. One list of triples, not parallel collect()s, so the
 * three values stay together (Neo4j's collect() would skip nulls). The display name differs only
 * because typed tables lack Cartography's `_ont_uri`.
 */
const IMAGES_QUERY = (nameExpr: string): string => `
MATCH (i:Image)-[:BUILT_ON]->(p:DockerScoutPublicImage)
RETURN p.id AS base_id, collect([i.id, ${nameExpr}, coalesce(i._ont_digest, '')]) AS images`;

/** Cartography's registry modules name images in `_ont_uri` (or `uri`); scoutgraph's own have `name`. */
const NEO4J_IMAGE_NAME = "coalesce(i.name, i._ont_uri, i.uri, i.id)";
const EMBEDDED_IMAGE_NAME = "coalesce(i.name, i.id)";

export const BASES_QUERY = `
MATCH (p:DockerScoutPublicImage)
RETURN p.id AS id, p.name AS name, p.tag AS tag, p.version AS version, p.digest AS digest,
       p.lastupdated AS lastupdated`;

/**
 * The reports of the last run whose target linked no Image (no REPORTS_ON), read from the
 * per-report records. Empty on a graph only Cartography wrote (it keeps no record of reports).
 */
export const UNMATCHED_REPORTS_QUERY = `
MATCH (r:DockerScoutReport)
OPTIONAL MATCH (r)-[:REPORTS_ON]->(i:Image)
WITH r, count(i) AS linked
WHERE linked = 0
RETURN r.source AS source, r.target_image AS target_image, r.target_digest AS target_digest, r.public_image_id AS base_id`;

export const RECOMMENDATIONS_QUERY = `
MATCH (p:DockerScoutPublicImage)-[r:SHOULD_UPDATE_TO]->(t:DockerScoutPublicImageTag)
RETURN p.id AS base_id, t.id AS tag_id, t.name AS name, t.tag AS tag, t.alternative_tags AS alternative_tags,
       t.size AS size, t.flavor AS flavor, t.os AS os, t.runtime AS runtime, t.is_slim AS is_slim,
       r.benefits AS benefits, r.category AS category, r.rank AS scout_rank,
       r.fix_critical AS fix_critical, r.fix_high AS fix_high, r.fix_medium AS fix_medium, r.fix_low AS fix_low,
       r.introduced_critical AS introduced_critical, r.introduced_high AS introduced_high,
       r.introduced_medium AS introduced_medium, r.introduced_low AS introduced_low`;

export function imagesQuery(storeKind: string): string {
  return IMAGES_QUERY(storeKind === "neo4j" ? NEO4J_IMAGE_NAME : EMBEDDED_IMAGE_NAME);
}

export interface ImageRow {
  imageId: string;
  imageName: string;
  imageDigest: string | null;
  baseId: string;
}

export interface BaseRow {
  id: string;
  name: string;
  tag: string;
  version: string | null;
  digest: string | null;
  /** The update tag of the sync that last wrote it (Cartography's `lastupdated`, epoch seconds). */
  lastUpdated: number | null;
}

/** A DockerScoutReport that linked no Image. */
export interface UnmatchedReportRow {
  source: string | null;
  targetImage: string | null;
  targetDigest: string | null;
  baseId: string;
}

export interface RecommendationRow {
  baseId: string;
  tagId: string;
  name: string;
  tag: string;
  alternativeTags: string[];
  size: string | null;
  flavor: string | null;
  os: string | null;
  runtime: string | null;
  isSlim: boolean | null;
  benefits: string[];
  /** Null on a graph Cartography wrote (it drops the section and the order). */
  category: Category | null;
  scoutRank: number | null;
  fixes: Counts;
  introduces: Counts;
}

/** Everything the model builder needs, as plain data. */
export interface FleetRows {
  storeKind: string;
  images: ImageRow[];
  bases: BaseRow[];
  recommendations: RecommendationRow[];
  /** Reports that linked no Image (absent: none). */
  unmatchedReports?: UnmatchedReportRow[];
  /** The Cartography context (Neo4j; null or absent: not read). */
  context?: ContextData | null;
  /** Reports older than --max-age (absent: not asked). */
  staleReports?: StaleReportRow[];
}

const str = (v: unknown): string | null => (typeof v === "string" ? v : v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null =>
  typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : typeof v === "string" && v !== "" && !Number.isNaN(Number(v)) ? Number(v) : null;
const count = (v: unknown): number => Math.max(0, num(v) ?? 0);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => x !== null && x !== undefined).map(String) : []);

/** One base's row of the images query -> one ImageRow per image. */
export function toImageRows(r: Row): ImageRow[] {
  const baseId = str(r.base_id) ?? "";
  const triples = Array.isArray(r.images) ? (r.images as unknown[]) : [];
  return triples.map((t) => {
    const [id, name, digest] = Array.isArray(t) ? (t as unknown[]).map(str) : [];
    return { imageId: id ?? "", imageName: name ?? id ?? "", imageDigest: digest === "" || digest === undefined ? null : digest, baseId };
  });
}

export function toBaseRow(r: Row): BaseRow {
  return {
    id: str(r.id) ?? "",
    name: str(r.name) ?? "",
    tag: str(r.tag) ?? "",
    version: str(r.version),
    digest: str(r.digest),
    lastUpdated: num(r.lastupdated),
  };
}

export function toUnmatchedReportRow(r: Row): UnmatchedReportRow {
  return { source: str(r.source), targetImage: str(r.target_image), targetDigest: str(r.target_digest), baseId: str(r.base_id) ?? "" };
}

export function toRecommendationRow(r: Row): RecommendationRow {
  const category = str(r.category);
  return {
    baseId: str(r.base_id) ?? "",
    tagId: str(r.tag_id) ?? "",
    name: str(r.name) ?? "",
    tag: str(r.tag) ?? "",
    alternativeTags: strings(r.alternative_tags),
    size: str(r.size),
    flavor: str(r.flavor),
    os: str(r.os),
    runtime: str(r.runtime),
    isSlim: typeof r.is_slim === "boolean" ? r.is_slim : null,
    benefits: strings(r.benefits),
    category: category === "refresh" || category === "change" ? category : null,
    scoutRank: num(r.scout_rank),
    fixes: { critical: count(r.fix_critical), high: count(r.fix_high), medium: count(r.fix_medium), low: count(r.fix_low) },
    introduces: {
      critical: count(r.introduced_critical),
      high: count(r.introduced_high),
      medium: count(r.introduced_medium),
      low: count(r.introduced_low),
    },
  };
}

export interface FetchOptions {
  /** Read the Cartography context (Neo4j only; default true there). */
  context?: boolean;
  /** List reports older than this many seconds before `now`. */
  maxAgeSeconds?: number | null;
  now?: Date;
}

export function toStaleReportRow(r: Row): StaleReportRow {
  return { source: str(r.source), targetImage: str(r.target_image), targetDigest: str(r.target_digest), baseId: str(r.base_id) ?? "", asOf: num(r.as_of) ?? 0 };
}

/** Each row of a streamed read, converted as it arrives (never a second full copy of the rows). */
async function readAll(rows: AsyncIterable<Row>, add: (row: Row) => void): Promise<void> {
  for await (const row of rows) add(row);
}

/**
 * Read the whole fleet from a store: four streamed queries, O(images + bases + recommendations +
 * unmatched reports), plus the context queries on Neo4j and the stale-report query with --max-age.
 */
export async function fetchFleetRows(store: GraphStore, options: FetchOptions = {}): Promise<FleetRows> {
  const withContext = store.kind === "neo4j" && options.context !== false;
  const maxAge = options.maxAgeSeconds ?? null;
  const cutoff = Math.floor((options.now ?? new Date()).getTime() / 1000) - (maxAge ?? 0);
  const unmatchedReports: UnmatchedReportRow[] = [];
  const staleReports: StaleReportRow[] = [];
  const fleet: FleetRows = { storeKind: store.kind, images: [], bases: [], recommendations: [], unmatchedReports, context: null, staleReports };
  // Issued together: Neo4j runs them in parallel sessions (the server's time dominates); the
  // embedded store queues its operations on its one connection, so this is safe there too.
  const [context] = await Promise.all([
    withContext ? readContext(store) : Promise.resolve(null),
    readAll(store.stream(imagesQuery(store.kind)), (r) => {
      for (const image of toImageRows(r)) fleet.images.push(image);
    }),
    readAll(store.stream(BASES_QUERY), (r) => fleet.bases.push(toBaseRow(r))),
    readAll(store.stream(RECOMMENDATIONS_QUERY), (r) => fleet.recommendations.push(toRecommendationRow(r))),
    readAll(store.stream(UNMATCHED_REPORTS_QUERY), (r) => unmatchedReports.push(toUnmatchedReportRow(r))),
    maxAge === null ? Promise.resolve() : readAll(store.stream(STALE_REPORTS_QUERY, { cutoff }), (r) => staleReports.push(toStaleReportRow(r))),
  ]);
  fleet.context = context;
  return fleet;
}
