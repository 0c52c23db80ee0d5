// Rows as a CSV file that LadybugDB reads itself (LOAD FROM, COPY FROM). Passing a batch as a list
// parameter costs more than linearly in its length (measured: 1k rows 0.1 s, 10k 1.3-2.1 s, 30k
// 6-7.7 s), and each statement over a chunk pays a scan of the relationship table again; a file
// read by one statement per batch pays neither. Pure: encoding only, the store writes the file.
import type { PropertyType } from "../../graph/schema.js";

/** The property types a rows file carries; lists (`string[]`) have no CSV form that survives hostile text. */
export type FileType = Exclude<PropertyType, "string[]">;

export function isFileType(type: PropertyType): type is FileType {
  return type !== "string[]";
}

/**
 * Whether a value reads back from a rows file exactly: LadybugDB reads an empty quoted field as
 * NULL, so "" has no CSV form; integers must be exact; NUL cannot be held by a C string.
 */
export function fileRepresentable(value: unknown, type: FileType): boolean {
  if (value === null || value === undefined) return true;
  if (type === "string") return typeof value === "string" && value !== "" && !value.includes("\u0000");
  if (type === "integer") return typeof value === "number" && Number.isSafeInteger(value);
  return typeof value === "boolean";
}

/** One CSV field: strings always quoted with quotes doubled (the store reads them with escape='"'). */
export function fileCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return `"${value.replaceAll('"', '""')}"`;
  return String(value);
}

export function fileLine(values: readonly unknown[]): string {
  return values.map(fileCell).join(",") + "\n";
}

/** How the store reads a rows file: no header, doubled quotes, serial (fields may hold newlines). */
export const FILE_OPTIONS = `(header=false, escape='"', parallel=false)`;
