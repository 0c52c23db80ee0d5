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

/**
 * How one kind of row is written. LadybugDB's MERGE costs grow with the table (measured: about 2 s
 * per 4 000 rows on a table of 10 000), while MATCH ... SET and CREATE stay flat, so a MERGE is
 * done as: SET where the key exists (the statement returns the keys it found), then CREATE the
 * rest. Inside one transaction, with keys unique per call, that is MERGE's semantics exactly.
 */
export interface WritePlan {
  /**
   * Only for labels shared with other writers (constant properties): which keys exist at all, so
   * that a node scoutgraph does not own is neither updated nor created a second time.
   */
  lookup?: string;
  /** MATCH ... SET for rows whose key exists (every property but firstseen); returns the keys. */
  update: string;
  /** CREATE for rows whose key is new: every property, firstseen and the constants. */
  create: string;
  /** The row fields that identify a node (id) or a relationship (its endpoints' ids). */
  keyFields: string[];
  /** The row fields the statements read, in order; each row is reduced to exactly these (null when absent). */
  fields: string[];
  /** Constant parameters (schema constants), besides $rows, $now, $updateTag, $moduleName, $moduleVersion. */
  constants: Record<string, string>;
}

const cast = (expr: string, p: PropertyDef): string => `CAST(${expr} AS ${COLUMN_TYPES[p.type]})`;
const field = (name: string): string => `row.${quote(name)}`;
const idOf = (name: string): string => `CAST(${field(name)} AS STRING)`;

/** Bookkeeping as `[property, expression]` pairs, firstseen excluded. */
const BOOKKEEPING: [string, string][] = [
  ["_module_name", "$moduleName"],
  ["_module_version", "$moduleVersion"],
  ["lastupdated", "CAST($updateTag AS INT64)"],
];
const FIRSTSEEN: [string, string] = ["firstseen", "CAST($now AS INT64)"];

const asMap = (pairs: [string, string][]): string => `{${pairs.map(([k, v]) => `${quote(k)}: ${v}`).join(", ")}}`;
const asSet = (v: string, pairs: [string, string][]): string => pairs.map(([k, e]) => `${v}.${quote(k)} = ${e}`).join(", ");

/**
 * Every schema property from the row (null removes it), firstseen on create only, bookkeeping on
 * both. A label with constant properties (`Image._ont_source`) is shared with Cartography's own
 * modules: the constants are written on create, and only nodes carrying them are updated, so a
 * pre-existing provider-owned node is linked to but never rewritten (nor later cleaned as ours).
 */
export function nodeWritePlan(node: NodeDef): WritePlan {
  const idProp = node.properties.find((p) => p.name === "id");
  if (!idProp) throw new Error(`schema: ${node.label} has no id property`);
  const rowProps = node.properties.filter((p) => p.name !== "id" && p.constant === undefined);
  const constants: Record<string, string> = {};
  const constantPairs: [string, string][] = node.properties
    .filter((p) => p.constant !== undefined)
    .map((p, i) => {
      constants[`c${i}`] = p.constant as string;
      return [p.name, `$c${i}`];
    });
  const values: [string, string][] = rowProps.map((p) => [p.name, cast(field(p.name), p)]);
  const label = quote(node.label);
  const match = `UNWIND $rows AS row MATCH (n:${label} {${quote("id")}: ${idOf("id")}})`;
  const owned = constantPairs.length > 0 ? ` WHERE ${constantPairs.map(([k, v]) => `n.${quote(k)} = ${v}`).join(" AND ")}` : "";
  const returnId = `RETURN n.${quote("id")} AS ${quote("id")}`;
  return {
    ...(constantPairs.length > 0 ? { lookup: `${match} ${returnId}` } : {}),
    update: `${match}${owned} SET ${asSet("n", [...BOOKKEEPING, ...values])} ${returnId}`,
    create: `UNWIND $rows AS row CREATE (n:${label} ${asMap([["id", idOf("id")], ...values, ...BOOKKEEPING, FIRSTSEEN, ...constantPairs])}) RETURN count(n) AS written`,
    keyFields: ["id"],
    fields: ["id", ...rowProps.map((p) => p.name)],
    constants,
  };
}

/** Relationships between existing endpoints only (a missing endpoint writes nothing), as Cartography. */
export function relWritePlan(rel: RelationshipDef): WritePlan {
  const constants: Record<string, string> = {};
  const constantPairs: [string, string][] = Object.entries(rel.constants ?? {}).map(([name, value], i) => {
    constants[`c${i}`] = value;
    return [name, `$c${i}`];
  });
  const values: [string, string][] = rel.properties.map((p) => [p.name, cast(field(p.name), p)]);
  const from = `(a:${quote(rel.from)} {${quote("id")}: ${idOf(rel.fromKey)}})`;
  const to = `(b:${quote(rel.to)} {${quote("id")}: ${idOf(rel.toKey)}})`;
  const path = `UNWIND $rows AS row MATCH ${from}-[r:${quote(rel.type)}]->${to}`;
  return {
    update: `${path} SET ${asSet("r", [...BOOKKEEPING, ...values, ...constantPairs])} RETURN a.${quote("id")} AS ${quote(rel.fromKey)}, b.${quote("id")} AS ${quote(rel.toKey)}`,
    create:
      `UNWIND $rows AS row MATCH ${from}, ${to} ` +
      `CREATE (a)-[r:${quote(rel.type)} ${asMap([...values, ...BOOKKEEPING, FIRSTSEEN, ...constantPairs])}]->(b) RETURN count(r) AS written`,
    keyFields: [rel.fromKey, rel.toKey],
    fields: [rel.fromKey, rel.toKey, ...rel.properties.map((p) => p.name)],
    constants,
  };
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
