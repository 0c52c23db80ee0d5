// Neo4j Cypher generated from the schema (contract §2.4, §2.6), semantically equal to what
// Cartography's query builders emit: MERGE on id, firstseen on create, every schema property SET
// from the row (null removes it), bookkeeping; relationships MERGEd between existing endpoints.
// Values are always parameters: $rows (the UNWIND list), $lastupdated, $module_name,
// $module_version, $source, $limit. Labels and property names come from the schema, never from input.
import {
  CLEANUP_LIMIT,
  BUILT_FROM,
  BUILT_ON,
  IDENTIFIED_BASE,
  NODES,
  PUBLIC_IMAGE,
  PUBLIC_IMAGE_TAG,
  RELATIONSHIPS,
  REPORT,
  REPORTS_ON,
  SHOULD_UPDATE_TO,
  SCOUTGRAPH_IMAGE_SOURCE,
  type NodeDef,
  type RelationshipDef,
} from "../schema.js";

/** The indexes Cartography creates for this module's loads and its BUILT_ON MatchLink (§2.4 a, c, f). */
export function indexStatements(): string[] {
  const out: string[] = [];
  for (const node of NODES) {
    for (const p of node.properties.filter((x) => x.indexed)) {
      out.push(`CREATE INDEX IF NOT EXISTS FOR (n:${node.label}) ON (n.${p.name})`);
    }
    // Every label Cartography loads has a lastupdated index; `Image` gets one from its providers.
    out.push(`CREATE INDEX IF NOT EXISTS FOR (n:${node.label}) ON (n.lastupdated)`);
  }
  for (const rel of RELATIONSHIPS.filter((r) => r.indexedBy)) {
    const props = (rel.indexedBy ?? []).map((p) => `r.${p}`).join(", ");
    out.push(`CREATE INDEX IF NOT EXISTS FOR ()-[r:${rel.type}]->() ON (${props})`);
  }
  return out;
}

function bookkeeping(v: string): string[] {
  return [`${v}._module_name = $module_name`, `${v}._module_version = $module_version`, `${v}.lastupdated = $lastupdated`];
}

/** `UNWIND $rows` + MERGE for one node label. scoutgraph-owned labels never overwrite foreign nodes. */
export function nodeMergeQuery(node: NodeDef): string {
  const rowProps = node.properties.filter((p) => p.name !== "id" && p.constant === undefined);
  const sets = [...bookkeeping("i"), ...rowProps.map((p) => `i.${p.name} = item.${p.name}`)];
  const lines = ["UNWIND $rows AS item", `MERGE (i:${node.label} {id: item.id})`, "ON CREATE SET i.firstseen = timestamp()"];
  if (node.cleanup === "scoutgraph-created") {
    // An Image with this id that Cartography's registry modules own is left alone.
    lines[2] = "ON CREATE SET i.firstseen = timestamp(), i._ont_source = $source";
    lines.push("WITH i, item WHERE i._ont_source = $source");
  }
  lines.push(`SET ${sets.join(",\n    ")}`);
  if (node.retired && node.retired.length > 0) lines.push(`REMOVE ${node.retired.map((p) => `i.${p}`).join(", ")}`);
  return lines.join("\n");
}

/** `UNWIND $rows` + MERGE of one relationship type between endpoints that already exist. */
export function relationshipMergeQuery(rel: RelationshipDef): string {
  const constants = Object.keys(rel.constants ?? {}).map((k) => `r.${k} = $${k}`);
  const sets = [...bookkeeping("r"), ...constants, ...rel.properties.map((p) => `r.${p.name} = item.${p.name}`)];
  return [
    "UNWIND $rows AS item",
    `MATCH (from:${rel.from} {id: item.${rel.fromKey}})`,
    `MATCH (to:${rel.to} {id: item.${rel.toKey}})`,
    `MERGE (from)-[r:${rel.type}]->(to)`,
    "ON CREATE SET r.firstseen = timestamp()",
    `SET ${sets.join(",\n    ")}`,
  ].join("\n");
}

export interface CleanupStatement {
  description: string;
  cypher: string;
  deletes: "nodes" | "relationships";
}

function staleNodes(node: NodeDef): CleanupStatement {
  const scoped = node.cleanup === "scoutgraph-created" ? " AND n._ont_source = $source" : "";
  return {
    description: `stale ${node.label} nodes`,
    deletes: "nodes",
    cypher: `MATCH (n:${node.label})\nWHERE n.lastupdated <> $lastupdated${scoped}\nWITH n LIMIT $limit\nDETACH DELETE n`,
  };
}

function staleRelationships(rel: RelationshipDef): CleanupStatement {
  return {
    description: `stale ${rel.type} relationships`,
    deletes: "relationships",
    cypher: `MATCH (:${rel.from})-[r:${rel.type}]->(:${rel.to})\nWHERE r.lastupdated <> $lastupdated\nWITH r LIMIT $limit\nDELETE r`,
  };
}

/**
 * Cartography's two cleanup jobs in their order (§2.6), then scoutgraph's report records, then the
 * stale Image nodes scoutgraph created. Each statement runs repeatedly, one transaction per $limit
 * rows, until it deletes nothing.
 */
export function cleanupStatements(): CleanupStatement[] {
  return [
    staleNodes(PUBLIC_IMAGE_TAG),
    staleRelationships(BUILT_FROM),
    staleRelationships(SHOULD_UPDATE_TO),
    staleNodes(PUBLIC_IMAGE),
    staleRelationships(BUILT_ON),
    staleRelationships(IDENTIFIED_BASE),
    staleRelationships(REPORTS_ON),
    staleNodes(REPORT),
    ...NODES.filter((n) => n.cleanup === "scoutgraph-created").map(staleNodes),
  ];
}

/** Keyset-paged read of every Image (uses the `Image(id)` index for the range and the order). */
export const IMAGE_DIGESTS_PAGE_QUERY = [
  "MATCH (i:Image) WHERE i.id >= $after",
  "RETURN i.id AS id, i._ont_digest AS digest, i._ont_source AS source, elementId(i) AS element, [] AS lists",
  "ORDER BY i.id LIMIT $limit",
].join("\n");

/** Whether the graph has multi-arch indexes at all (a label count: no scan). */
export const HAS_MANIFEST_LISTS_QUERY = "MATCH (l:ImageManifestList) RETURN count(l) > 0 AS any";

/**
 * The same pages with the digests of the manifest lists that contain each image (contract
 * cartography-context.md §2.2-§2.3: `(:ImageManifestList)-[:CONTAINS_IMAGE]->(:Image)`), expanded
 * only for the page's images; used only when the graph has manifest lists.
 */
export const IMAGE_DIGESTS_WITH_LISTS_PAGE_QUERY = [
  "MATCH (i:Image) WHERE i.id >= $after",
  "WITH i ORDER BY i.id LIMIT $limit",
  "RETURN i.id AS id, i._ont_digest AS digest, i._ont_source AS source, elementId(i) AS element,",
  "       [(l:ImageManifestList)-[:CONTAINS_IMAGE]->(i) | coalesce(l._ont_digest, l.digest)] AS lists",
  "ORDER BY id",
].join("\n");

export { CLEANUP_LIMIT, SCOUTGRAPH_IMAGE_SOURCE };
