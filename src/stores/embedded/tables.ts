// The embedded store's tables, generated from the graph schema (graph/schema.ts): one node table per
// label and one relationship table per relationship type, with typed columns. Also the catalog diff
// that decides, for an existing store, which columns to add and what makes it incompatible. Pure.
import {
  BOOKKEEPING,
  NODES,
  PUBLIC_IMAGE,
  RELATIONSHIPS,
  type NodeDef,
  type PropertyDef,
  type PropertyType,
  type RelationshipDef,
} from "../../graph/schema.js";

/** LadybugDB column types for the schema's property types (the catalog spells BOOLEAN as BOOL). */
export const COLUMN_TYPES: Record<PropertyType, string> = {
  string: "STRING",
  integer: "INT64",
  boolean: "BOOLEAN",
  "string[]": "STRING[]",
};

const CATALOG_ALIASES: Record<string, string> = { BOOL: "BOOLEAN" };

export interface Column {
  name: string;
  type: string;
}

export interface TableDef {
  name: string;
  kind: "node" | "rel";
  columns: Column[];
  /** Relationship tables only: the node tables at either end. */
  from?: string;
  to?: string;
}

/** Bump when a store written by an older scoutgraph needs more than added columns to be read. */
export const STORE_FORMAT_VERSION = 1;

/**
 * The store format version lives in a table comment, so the graph holds no node of scoutgraph's
 * own (`MATCH (n)` counts the same nodes as in Neo4j).
 */
export const FORMAT_TABLE = PUBLIC_IMAGE.label;
const FORMAT_COMMENT = "scoutgraph store format ";

export function formatComment(version: number): string {
  return `${FORMAT_COMMENT}${version}`;
}

/** The version in a table comment; null when the comment is not scoutgraph's. */
export function parseFormatComment(comment: string | undefined): number | null {
  if (!comment?.startsWith(FORMAT_COMMENT)) return null;
  const version = Number(comment.slice(FORMAT_COMMENT.length));
  return Number.isInteger(version) ? version : null;
}

/**
 * A string literal, for the few places LadybugDB takes no parameter (COMMENT, the catalog
 * functions). Only for names and constants of scoutgraph's or the catalog's own, never for input.
 */
export const literal = (text: string): string => `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;

export function commentStatement(table: string, comment: string): string {
  return `COMMENT ON TABLE ${quote(table)} IS ${literal(comment)}`;
}

export const quote = (identifier: string): string => "`" + identifier.replaceAll("`", "``") + "`";

const column = (p: PropertyDef): Column => ({ name: p.name, type: COLUMN_TYPES[p.type] });

function withBookkeeping(properties: PropertyDef[]): Column[] {
  const own = properties.map(column);
  const names = new Set(own.map((c) => c.name));
  return [...own, ...BOOKKEEPING.filter((p) => !names.has(p.name)).map(column)];
}

export function nodeTable(node: NodeDef): TableDef {
  return { name: node.label, kind: "node", columns: withBookkeeping(node.properties) };
}

export function relTable(rel: RelationshipDef): TableDef {
  const constants = Object.keys(rel.constants ?? {}).map((name) => ({ name, type: COLUMN_TYPES.string }));
  return { name: rel.type, kind: "rel", from: rel.from, to: rel.to, columns: [...withBookkeeping(rel.properties), ...constants] };
}

export function graphTables(): TableDef[] {
  return [...NODES.map(nodeTable), ...RELATIONSHIPS.map(relTable)];
}

export function createTableStatement(table: TableDef): string {
  const cols = table.columns.map((c) => `${quote(c.name)} ${c.type}`).join(", ");
  if (table.kind === "node") return `CREATE NODE TABLE IF NOT EXISTS ${quote(table.name)}(${cols}, PRIMARY KEY(${quote("id")}))`;
  return `CREATE REL TABLE IF NOT EXISTS ${quote(table.name)}(FROM ${quote(table.from ?? "")} TO ${quote(table.to ?? "")}, ${cols})`;
}

export function addColumnStatement(table: string, col: Column): string {
  return `ALTER TABLE ${quote(table)} ADD ${quote(col.name)} ${col.type}`;
}

/** What the catalog says about one existing table. */
export interface ExistingTable {
  kind: "node" | "rel";
  columns: Column[];
  comment?: string;
  /** Relationship tables: the (from, to) pairs it connects. */
  connections?: { from: string; to: string }[];
}

/**
 * Macros that give LadybugDB the Neo4j functions users reach for first, so that more queries run
 * on both stores (docs/embedded-store.md). Part of the store: created with its tables.
 */
export const COMPAT_MACROS: { name: string; statement: string }[] = [
  // Neo4j's type(r); LadybugDB calls it label(r).
  { name: "TYPE", statement: "CREATE MACRO type(r) AS label(r)" },
];

export type MigrationPlan = { ok: true; statements: string[] } | { ok: false; problems: string[] };

/**
 * Compare the expected tables with the catalog: a missing table is created, a missing column is
 * added (additive schema changes), anything else (a column of another type, a table of another
 * kind or between other labels) is an incompatibility that is refused rather than guessed at.
 */
export function planMigration(
  expected: TableDef[],
  existing: ReadonlyMap<string, ExistingTable>,
  existingMacros: ReadonlySet<string> = new Set(),
): MigrationPlan {
  const statements: string[] = [];
  const problems: string[] = [];
  for (const table of expected) {
    const found = existing.get(table.name);
    if (!found) {
      statements.push(createTableStatement(table));
      continue;
    }
    if (found.kind !== table.kind) {
      problems.push(`table ${table.name} is a ${found.kind} table, expected a ${table.kind} table`);
      continue;
    }
    if (table.kind === "rel" && found.connections && !found.connections.some((c) => c.from === table.from && c.to === table.to)) {
      problems.push(`relationship table ${table.name} does not connect ${table.from} to ${table.to}`);
    }
    const have = new Map(found.columns.map((c) => [c.name, CATALOG_ALIASES[c.type] ?? c.type]));
    for (const col of table.columns) {
      const type = have.get(col.name);
      if (type === undefined) statements.push(addColumnStatement(table.name, col));
      else if (type !== col.type) problems.push(`${table.name}.${col.name} is ${type}, expected ${col.type}`);
    }
  }
  for (const macro of COMPAT_MACROS) if (!existingMacros.has(macro.name)) statements.push(macro.statement);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, statements };
}
