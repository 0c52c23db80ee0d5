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

/** Returns the number of nodes or relationships written (updated or created). */
export async function writeRows(writer: RowWriter, plan: WritePlan, rows: Rows, params: Record<string, unknown>): Promise<number> {
  const keyOf = (row: Record<string, unknown>): string => JSON.stringify(plan.keyFields.map((f) => row[f]));
  // Exactly the plan's fields, null when absent, so every row has one shape (one struct type);
  // one row per key, the last winning, as consecutive MERGEs would leave it.
  const byKey = new Map<string, Record<string, unknown>>();
  for (const row of rows) byKey.set(keyOf(row), Object.fromEntries(plan.fields.map((f) => [f, row[f] ?? null])));
  const unique = [...byKey.values()];
  const writeParams = { ...params, ...plan.constants };
  const file = plan.file;
  const viaFile = (row: Record<string, unknown>): boolean =>
    file !== undefined && writer.file !== undefined && plan.fields.every((f, i) => fileRepresentable(row[f], file.types[i] ?? "string"));
  const ways: { rows: Rows; run: (pick: (s: WriteStatements) => string | undefined, rows: Rows, params: Record<string, unknown>, each: Each) => Promise<void> }[] = [
    {
      rows: unique.filter((row) => !viaFile(row)),
      run: async (pick, rs, ps, each) => {
        const cypher = pick(plan.list);
        if (cypher && rs.length > 0) await writer.list(cypher, rs, ps, each);
      },
    },
    {
      rows: unique.filter(viaFile),
      run: async (pick, rs, ps, each) => {
        if (!file || !writer.file || rs.length === 0) return;
        const lines = rs.map((row) => fileLine(plan.fields.map((f) => row[f])));
        await writer.file((path) => pick(file.statements(path)) ?? "", lines, ps, each);
      },
    },
  ];
  let written = 0;
  for (const way of ways) {
    if (way.rows.length === 0) continue;
    const found = new Set<string>();
    if (plan.list.lookup) {
      // A shared label: update only what exists, and never create what exists but is not ours.
      await way.run((s) => s.lookup, way.rows.map((row) => ({ ...row })), {}, (row) => found.add(keyOf(row)));
      await way.run((s) => s.update, way.rows.filter((row) => found.has(keyOf(row))), writeParams, () => written++);
    } else {
      await way.run((s) => s.update, way.rows, writeParams, (row) => {
        written++;
        found.add(keyOf(row));
      });
    }
    await way.run((s) => s.create, way.rows.filter((row) => !found.has(keyOf(row))), writeParams, (row) => {
      written += Number(row.written ?? 0);
    });
  }
  return written;
}
