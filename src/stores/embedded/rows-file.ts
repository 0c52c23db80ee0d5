// Rows as a CSV file that LadybugDB reads itself (LOAD WITH HEADERS ... FROM). Passing a batch as
// a list parameter costs more than linearly in its length (measured: 1k rows 0.1 s, 10k 1.3-2.1 s,
// 30k 6-7.7 s), and each statement over a chunk pays a scan of the relationship table again; a
// file read by one statement per batch pays neither. Pure: encoding only, the store writes the file.
import type { PropertyType } from "../../graph/schema.js";

/**
 * A string list as one CSV string that the statement decodes (decodeList): "-" for [], else "+"
 * and the elements joined by "|", each element "=" + its text with "%" written "%25" and "|"
 * "%7C". The "=" keeps every piece non-empty (LadybugDB's string_split drops a trailing empty
 * piece); after the escapes, every "%" starts "%25" or "%7C", so decoding is exact.
 */
export function encodeList(list: readonly string[]): string {
  if (list.length === 0) return "-";
  return "+" + list.map((e) => "=" + e.replaceAll("%", "%25").replaceAll("|", "%7C")).join("|");
}

/** The Cypher that turns a column written by encodeList back into the list (NULL stays NULL). */
export function decodeList(column: string): string {
  const pieces = `string_split(substring(${column}, 2, size(${column})), '|')`;
  const element = `replace(replace(substring(e, 2, size(e)), '%7C', '|'), '%25', '%')`;
  return `CASE WHEN ${column} IS NULL THEN NULL WHEN ${column} = '-' THEN CAST([] AS STRING[]) ELSE list_transform(${pieces}, e -> ${element}) END`;
}

/**
 * Whether a value reads back from a rows file exactly: LadybugDB reads an empty quoted field as
 * NULL, so "" has no CSV form (an encoded list is never empty); integers must be exact; NUL
 * cannot be held by a C string; a list must hold strings only (no null elements).
 */
export function fileRepresentable(value: unknown, type: PropertyType): boolean {
  if (value === null || value === undefined) return true;
  if (type === "string") return typeof value === "string" && value !== "" && !value.includes("\u0000");
  if (type === "integer") return typeof value === "number" && Number.isSafeInteger(value);
  if (type === "string[]") return Array.isArray(value) && value.every((e) => typeof e === "string" && !e.includes("\u0000"));
  return typeof value === "boolean";
}

/** One CSV field: strings always quoted with quotes doubled (the store reads them with escape='"'). */
export function fileCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return fileCell(encodeList(value as string[]));
  if (typeof value === "string") return `"${value.replaceAll('"', '""')}"`;
  return String(value);
}

export function fileLine(values: readonly unknown[]): string {
  return values.map(fileCell).join(",") + "\n";
}

/** How the store reads a rows file: no header, doubled quotes, serial (fields may hold newlines). */
export const FILE_OPTIONS = `(header=false, escape='"', parallel=false)`;
