// The embedded store's Cypher, generated from the graph schema: the same MERGE / SET / cleanup
// semantics as Cartography's queries (contract §2.4, §2.6) in LadybugDB's dialect. Values travel
// as parameters only; the text holds nothing but schema identifiers. Every row field is CAST to its
// column type because LadybugDB infers a parameter's type from its values (a null alone reads as
// STRING) and refuses implicit casts. Pure.
import {
  CLEANUP_LIMIT,
  NODES,
  RELATIONSHIPS,
  TARGET_IMAGE,
  type NodeDef,
  type PropertyDef,
  type RelationshipDef,
} from "../../graph/schema.js";
import { COLUMN_TYPES, quote } from "./tables.js";

export interface WriteStatement {
  cypher: string;
  /** The row fields the statement reads, in order; each row is reduced to exactly these (null when absent). */
  fields: string[];
  /** Constant parameters (schema constants), besides $rows, $now, $updateTag, $moduleName, $moduleVersion. */
  constants: Record<string, string>;
}

const cast = (expr: string, p: PropertyDef): string => `CAST(${expr} AS ${COLUMN_TYPES[p.type]})`;
const field = (name: string): string => `row.${quote(name)}`;

function bookkeeping(v: string): string[] {
  return [
    `${v}.${quote("_module_name")} = $moduleName`,
    `${v}.${quote("_module_version")} = $moduleVersion`,
    `${v}.${quote("lastupdated")} = CAST($updateTag AS INT64)`,
  ];
}

/**
 * MERGE on id; firstseen on create only; every schema property SET from the row (null removes it).
 * A label with constant properties (`Image._ont_source`) is shared with Cartography's own modules:
 * the constants are written on create, and only nodes carrying them are updated, so a pre-existing
 * provider-owned node is linked to but never rewritten (nor later taken for scoutgraph's and cleaned).
 */
export function nodeWriteStatement(node: NodeDef): WriteStatement {
  const idProp = node.properties.find((p) => p.name === "id");
  if (!idProp) throw new Error(`schema: ${node.label} has no id property`);
  const constantProps = node.properties.filter((p) => p.constant !== undefined);
  const rowProps = node.properties.filter((p) => p.name !== "id" && p.constant === undefined);
  const constants: Record<string, string> = {};
  const onCreate = [`n.${quote("firstseen")} = CAST($now AS INT64)`];
  const guards: string[] = [];
  constantProps.forEach((p, i) => {
    constants[`c${i}`] = p.constant as string;
    onCreate.push(`n.${quote(p.name)} = $c${i}`);
    guards.push(`n.${quote(p.name)} = $c${i}`);
  });
  const sets = [...bookkeeping("n"), ...rowProps.map((p) => `n.${quote(p.name)} = ${cast(field(p.name), p)}`)];
  const cypher = [
    "UNWIND $rows AS row",
    `MERGE (n:${quote(node.label)} {${quote("id")}: ${cast(field("id"), idProp)}})`,
    `ON CREATE SET ${onCreate.join(", ")}`,
    ...(guards.length > 0 ? [`WITH n, row WHERE ${guards.join(" AND ")}`] : []),
    `SET ${sets.join(", ")}`,
    "RETURN count(n) AS written",
  ].join("\n");
  return { cypher, fields: ["id", ...rowProps.map((p) => p.name)], constants };
}

/** MERGE between existing endpoints only (a missing endpoint writes nothing), as Cartography does. */
export function relWriteStatement(rel: RelationshipDef): WriteStatement {
  const constants: Record<string, string> = {};
  const sets = [...bookkeeping("r"), ...rel.properties.map((p) => `r.${quote(p.name)} = ${cast(field(p.name), p)}`)];
  Object.entries(rel.constants ?? {}).forEach(([name, value], i) => {
    constants[`c${i}`] = value;
    sets.push(`r.${quote(name)} = $c${i}`);
  });
  const cypher = [
    "UNWIND $rows AS row",
    `MATCH (a:${quote(rel.from)} {${quote("id")}: CAST(${field(rel.fromKey)} AS STRING)}),` +
      ` (b:${quote(rel.to)} {${quote("id")}: CAST(${field(rel.toKey)} AS STRING)})`,
    `MERGE (a)-[r:${quote(rel.type)}]->(b)`,
    `ON CREATE SET r.${quote("firstseen")} = CAST($now AS INT64)`,
    `SET ${sets.join(", ")}`,
    "RETURN count(r) AS written",
  ].join("\n");
  return { cypher, fields: [rel.fromKey, rel.toKey, ...rel.properties.map((p) => p.name)], constants };
}

export interface CleanupStatement {
  kind: "node" | "relationship";
  what: string;
  cypher: string;
  constants: Record<string, string>;
}

/**
 * Cartography's iterative cleanup (contract §2.6): stale = `lastupdated <> $updateTag`, at most
 * $limit per transaction, repeated until fewer come back. Relationships go first so that their
 * count is exact; stale nodes then go with anything still attached (DETACH). Image nodes are
 * deleted only when scoutgraph created them (their constant properties match).
 */
export function cleanupStatements(): CleanupStatement[] {
  const rels = RELATIONSHIPS.map((rel) => ({
    kind: "relationship" as const,
    what: rel.type,
    cypher: [
      `MATCH (:${quote(rel.from)})-[r:${quote(rel.type)}]->(:${quote(rel.to)})`,
      `WHERE r.${quote("lastupdated")} <> CAST($updateTag AS INT64)`,
      "WITH r LIMIT $limit",
      "DELETE r",
      "RETURN count(*) AS deleted",
    ].join("\n"),
    constants: {},
  }));
  const nodes = NODES.filter((n) => n.cleanup !== "none").map((node) => {
    const constants: Record<string, string> = {};
    const owned =
      node.cleanup === "scoutgraph-created"
        ? node.properties
            .filter((p) => p.constant !== undefined)
            .map((p, i) => {
              constants[`c${i}`] = p.constant as string;
              return ` AND n.${quote(p.name)} = $c${i}`;
            })
        : [];
    if (node.cleanup === "scoutgraph-created" && owned.length === 0) {
      throw new Error(`schema: ${node.label} is cleaned only when scoutgraph-created but has no constant property to tell`);
    }
    return {
      kind: "node" as const,
      what: node.label,
      cypher: [
        `MATCH (n:${quote(node.label)})`,
        `WHERE n.${quote("lastupdated")} <> CAST($updateTag AS INT64)${owned.join("")}`,
        "WITH n LIMIT $limit",
        "DETACH DELETE n",
        "RETURN count(*) AS deleted",
      ].join("\n"),
      constants,
    };
  });
  return [...rels, ...nodes];
}

export const CLEANUP_BATCH = CLEANUP_LIMIT;

export const IMAGE_DIGESTS_QUERY = `MATCH (i:${quote(TARGET_IMAGE.label)}) RETURN i.${quote("id")} AS id, i.${quote("_ont_digest")} AS ontDigest, i.${quote("_ont_source")} AS ontSource`;
