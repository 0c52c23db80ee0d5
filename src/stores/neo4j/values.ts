// Conversions at the driver boundary. Outgoing: integer properties become neo4j Integers (a JS
// number would be stored as FLOAT, contract §2.5). Incoming: Integers, nodes, lists and maps become
// plain JS values.
import neo4j, { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isNode, isPath, isPoint, isRelationship, isTime } from "neo4j-driver";
import type { PropertyDef } from "../../graph/schema.js";

type Params = Record<string, unknown>;

/** A converter for rows of one schema element: integer properties wrapped, undefined as null. */
export function rowConverter(properties: PropertyDef[]): (row: object) => Params {
  const integers = properties.filter((p) => p.type === "integer").map((p) => p.name);
  return (row) => {
    const out: Params = {};
    for (const [key, value] of Object.entries(row)) out[key] = value === undefined ? null : value;
    for (const key of integers) {
      const value = out[key];
      if (typeof value === "number") out[key] = neo4j.int(value);
    }
    return out;
  };
}

/** User query parameters: whole numbers as Integers (so `LIMIT $n` works), recursively. */
export function toQueryParam(value: unknown): unknown {
  if (typeof value === "number" && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toQueryParam);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toQueryParam(v)]));
  }
  return value;
}

/** A driver value as plain JS: Integers as numbers, nodes and relationships as their properties. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return value.toNumber();
  if (isNode(value) || isRelationship(value)) return toPlain(value.properties);
  if (isPath(value)) return value.segments.map((s) => ({ start: toPlain(s.start), relationship: toPlain(s.relationship), end: toPlain(s.end) }));
  if (isPoint(value)) return { srid: toPlain(value.srid), x: value.x, y: value.y, z: value.z ?? null };
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isLocalTime(value) || isTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}
