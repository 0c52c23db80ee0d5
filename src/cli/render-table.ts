// Renders query rows as a text table (columns in the order the query returned them) or JSON, from
// an array or streamed from an async iterable: a streamed table takes its column widths from the
// first rows (a later, longer cell widens only its own line), streamed JSON is the same text
// JSON.stringify(rows, null, 2) would give. Nothing but the first rows is ever held.
import type { Row } from "../stores/graph-store.js";
import { escapeControls } from "../text/controls.js";

/** Rows whose widths set a streamed table's columns (a shorter result is laid out exactly). */
export const TABLE_SAMPLE_ROWS = 1_000;

export interface TextSink {
  write(text: string): Promise<void>;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  // Stored text is report text: control characters are shown escaped, never sent to the terminal.
  if (typeof value === "string") return escapeControls(value.replace(/\s*\n\s*/g, " "));
  return escapeControls(JSON.stringify(value));
}

class TableLayout {
  private readonly widths: number[];

  constructor(
    readonly columns: string[],
    sample: Row[],
  ) {
    this.widths = columns.map((c) => sample.reduce((w, row) => Math.max(w, cell(row[c]).length), c.length));
  }

  header(): string {
    return `${this.line(this.columns)}\n${this.widths.map((w) => "-".repeat(w)).join("-+-")}\n`;
  }

  row(row: Row): string {
    return `${this.line(this.columns.map((c) => cell(row[c])))}\n`;
  }

  private line(values: string[]): string {
    return values.map((v, i) => v.padEnd(this.widths[i] ?? 0)).join(" | ").trimEnd();
  }
}

const footer = (count: number): string => `(${count} row${count === 1 ? "" : "s"})\n`;

export function renderTable(rows: Row[]): string {
  const first = rows[0];
  if (first === undefined) return "(no rows)\n";
  const layout = new TableLayout(Object.keys(first), rows);
  let out = layout.header();
  for (const row of rows) out += layout.row(row);
  return out + footer(rows.length);
}

export function renderRowsJson(rows: Row[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

export async function writeTable(rows: AsyncIterable<Row>, sink: TextSink, sampleRows = TABLE_SAMPLE_ROWS): Promise<void> {
  const iterator = rows[Symbol.asyncIterator]();
  const sample: Row[] = [];
  let next = await iterator.next();
  for (; !next.done && sample.length < sampleRows; next = await iterator.next()) sample.push(next.value);
  const first = sample[0];
  if (first === undefined) return sink.write("(no rows)\n");
  const layout = new TableLayout(Object.keys(first), sample);
  await sink.write(layout.header());
  for (const row of sample) await sink.write(layout.row(row));
  let count = sample.length;
  sample.length = 0;
  for (; !next.done; next = await iterator.next()) {
    await sink.write(layout.row(next.value));
    count++;
  }
  await sink.write(footer(count));
}

/** A JSON array, one row at a time. Left unterminated if the rows fail, so no reader mistakes it for complete. */
export async function writeRowsJson(rows: AsyncIterable<Row>, sink: TextSink): Promise<void> {
  let count = 0;
  for await (const row of rows) {
    const text = JSON.stringify(row, null, 2).replace(/\n/g, "\n  ");
    await sink.write(`${count === 0 ? "[\n" : ",\n"}  ${text}`);
    count++;
  }
  await sink.write(count === 0 ? "[]\n" : "\n]\n");
}
