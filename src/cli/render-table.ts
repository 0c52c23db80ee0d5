// Renders query rows as a text table (columns in the order the query returned them) or JSON.
import type { Row } from "../stores/graph-store.js";

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

export function renderTable(rows: Row[]): string {
  const first = rows[0];
  if (first === undefined) return "(no rows)\n";
  const columns = Object.keys(first);
  const cells = rows.map((row) => columns.map((c) => cell(row[c]).replace(/\s*\n\s*/g, " ")));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? "").length)));
  const line = (values: string[]): string => values.map((v, i) => v.padEnd(widths[i] ?? 0)).join(" | ").trimEnd();
  const out = [line(columns), widths.map((w) => "-".repeat(w)).join("-+-"), ...cells.map(line)];
  out.push(`(${rows.length} row${rows.length === 1 ? "" : "s"})`);
  return `${out.join("\n")}\n`;
}

export function renderRowsJson(rows: Row[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
