// Writes one kind of row the way a MERGE would (see WritePlan): SET where the key is found, then
// CREATE the rest. Rows that have a file form go through a rows file, the others through a list
// parameter. Independent of the connection: the store hands in how to run a statement.
import { fileLine, fileRepresentable } from "./rows-file.js";
import type { WritePlan, WriteStatements } from "./statements.js";

type Rows = Record<string, unknown>[];
type Each = (row: Record<string, unknown>) => void;

export interface RowWriter {
  /** Run `cypher` with `$rows` bound to successive chunks of `rows`; `each` sees every result row. */
  list(cypher: string, rows: Rows, params: Record<string, unknown>, each: Each): Promise<void>;
  /**
   * Write `lines` to the store's rows file and run the statement made for its path; absent when
   * the store has no rows file.
   */
  file?: (statement: (path: string) => string, lines: string[], params: Record<string, unknown>, each: Each) => Promise<void>;
}

/** Runs one of a plan's statements over rows, one way (list parameter or rows file). */
type Run = (statement: keyof WriteStatements, rows: Rows, params: Record<string, unknown>, each: Each) => Promise<void>;

/** Returns the number of nodes or relationships written (updated or created). */
export async function writeRows(writer: RowWriter, plan: WritePlan, rows: Rows, params: Record<string, unknown>): Promise<number> {
  const keyOf = (row: Record<string, unknown>): string => JSON.stringify(plan.keyFields.map((f) => row[f]));
  // Exactly the plan's fields, null when absent, so every row has one shape (one struct type);
  // one row per key, the last winning, as consecutive MERGEs would leave it.
  const byKey = new Map<string, Record<string, unknown>>();
  for (const row of rows) byKey.set(keyOf(row), Object.fromEntries(plan.fields.map((f) => [f, row[f] ?? null])));
  const unique = [...byKey.values()];
  const writeParams = { ...params, ...plan.constants };
  let written = 0;

  const merge = async (rs: Rows, run: Run): Promise<void> => {
    if (rs.length === 0) return;
    const found = new Set<string>();
    if (plan.list.lookup) {
      // A shared label: update only what exists, and never create what exists but is not ours.
      await run("lookup", rs, {}, (row) => found.add(keyOf(row)));
      await run("update", rs.filter((row) => found.has(keyOf(row))), writeParams, () => written++);
    } else {
      await run("update", rs, writeParams, (row) => {
        written++;
        found.add(keyOf(row));
      });
    }
    await run("create", rs.filter((row) => !found.has(keyOf(row))), writeParams, (row) => {
      written += Number(row.written ?? 0);
    });
  };

  const toFile = writer.file;
  const inFile = (row: Record<string, unknown>): boolean => toFile !== undefined && plan.fields.every((f, i) => fileRepresentable(row[f], plan.types[i] ?? "string"));
  await merge(unique.filter((row) => !inFile(row)), async (statement, rs, ps, each) => {
    if (rs.length > 0) await writer.list(plan.list[statement] ?? "", rs, ps, each);
  });
  if (toFile) {
    await merge(unique.filter(inFile), async (statement, rs, ps, each) => {
      if (rs.length === 0) return;
      const lines = rs.map((row) => fileLine(plan.fields.map((f) => row[f])));
      await toFile((path) => plan.file(path)[statement] ?? "", lines, ps, each);
    });
  }
  return written;
}
