// Turns LadybugDB result values into plain JS, as the GraphStore port promises: integers as numbers,
// lists as arrays, maps and structs as objects, nodes and relationships as their properties.

/** Keys LadybugDB adds to node and relationship values: internal ids, not properties. */
const INTERNAL_KEYS = new Set(["_id", "_label", "_src", "_dst"]);

function isGraphEntity(value: object): boolean {
  return "_id" in value && "_label" in value;
}

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Date) return value;
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) out[String(k)] = toPlain(v);
    return out;
  }
  if (typeof value === "object") {
    const entity = isGraphEntity(value);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // As in Neo4j, a node's null property is an absent one.
      if (entity && (INTERNAL_KEYS.has(k) || v === null)) continue;
      out[k] = toPlain(v);
    }
    return out;
  }
  return value;
}

export function toPlainRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = toPlain(v);
  return out;
}
