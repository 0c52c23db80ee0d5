// User Cypher on the embedded store: only the read sandbox's canonical text reaches LadybugDB, the
// planned statement must still be read-only (defence in depth: the store is also opened read-only
// for `query` and `report`), and rows are handed out one at a time so a result of any size fits in
// bounded memory on the JavaScript side.
import { ScoutgraphError } from "../../errors.js";
import type { Row } from "../graph-store.js";
import { resultList, type LbugConnection, type LbugPreparedStatement, type LbugQueryResult } from "./ladybug.js";
import { REFUSAL_PREFIX, sandboxReadQuery } from "./read-sandbox/index.js";
import { toPlainRow } from "./values.js";

async function prepareRead(conn: LbugConnection, cypher: string): Promise<LbugPreparedStatement> {
  const canonical = sandboxReadQuery(cypher);
  let statement: LbugPreparedStatement | undefined;
  let problem: string | undefined;
  try {
    statement = await conn.prepare(canonical);
    if (!statement.isSuccess()) problem = statement.getErrorMessage();
  } catch (err) {
    problem = (err as Error).message;
  }
  if ((problem !== undefined && /write operations in a read-only database/i.test(problem)) || (statement && problem === undefined && !statement.isReadOnly())) {
    throw new ScoutgraphError("USAGE", `${REFUSAL_PREFIX}: LadybugDB plans this statement as a write`);
  }
  if (problem !== undefined || !statement) {
    throw new ScoutgraphError("USAGE", `query rejected by the embedded store: ${(problem ?? "no statement").split("\n")[0]}`);
  }
  return statement;
}

/** Rows of a sandboxed read, converted to plain JS; every result is closed, however the loop ends. */
export async function* readRows(conn: LbugConnection, cypher: string, params: Record<string, unknown>): AsyncGenerator<Row> {
  const statement = await prepareRead(conn, cypher);
  const results: LbugQueryResult[] = resultList(await conn.execute(statement, params));
  try {
    for (const result of results) {
      while (result.hasNext()) {
        const row = result.getNextSync();
        if (row) yield toPlainRow(row);
      }
    }
  } finally {
    for (const result of results) result.close();
  }
}
