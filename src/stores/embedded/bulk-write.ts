// Writes one kind of row the way a MERGE would (see WritePlan): SET where the key is found, then
// CREATE the rest. Independent of the connection: the store hands in how to run a statement.
import type { WritePlan } from "./statements.js";

type Rows = Record<string, unknown>[];

/** Run `cypher` with `$rows` bound to successive chunks of `rows`; `each` sees every result row. */
export type ExecuteChunked = (cypher: string, rows: Rows, params: Record<string, unknown>, each: (row: Record<string, unknown>) => void) => Promise<void>;

/** Returns the number of nodes or relationships written (updated or created). */
export async function writeRows(execute: ExecuteChunked, plan: WritePlan, rows: Rows, params: Record<string, unknown>): Promise<number> {
  const keyOf = (row: Record<string, unknown>): string => plan.keyFields.map((f) => String(row[f])).join("\u0000");
  // Exactly the plan's fields, null when absent, so every row has one shape (one struct type);
  // one row per key, the last winning, as consecutive MERGEs would leave it.
  const byKey = new Map<string, Record<string, unknown>>();
  for (const row of rows) byKey.set(keyOf(row), Object.fromEntries(plan.fields.map((f) => [f, row[f] ?? null])));
  const unique = [...byKey.values()];
  const writeParams = { ...params, ...plan.constants };
  let written = 0;
  const found = new Set<string>();
  if (plan.lookup) {
    // A shared label: update only what exists, and never create what exists but is not ours.
    await execute(plan.lookup, unique.map((row) => ({ id: row.id })), {}, (row) => found.add(keyOf(row)));
    await execute(plan.update, unique.filter((row) => found.has(keyOf(row))), writeParams, () => written++);
  } else {
    await execute(plan.update, unique, writeParams, (row) => {
      written++;
      found.add(keyOf(row));
    });
  }
  await execute(plan.create, unique.filter((row) => !found.has(keyOf(row))), writeParams, (row) => {
    written += Number(row.written ?? 0);
  });
  return written;
}
