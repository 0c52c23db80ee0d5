// Reads what an existing store holds (tables, columns, connections, format version) so that
// prepare() can create, migrate or refuse it (tables.ts decides which).
import type { ExistingTable } from "./tables.js";
import { META_TABLE, quote } from "./tables.js";
import { resultList, type LbugConnection } from "./ladybug.js";

/**
 * LadybugDB's catalog functions take a string literal, not a parameter. The names passed here come
 * from the catalog itself (show_tables), never from input, and are escaped as a literal anyway.
 */
const literal = (name: string): string => `'${name.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;

async function rows(conn: LbugConnection, cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const statement = await conn.prepare(cypher);
  if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
  const out: Record<string, unknown>[] = [];
  for (const result of resultList(await conn.execute(statement, params))) out.push(...(await result.getAll()));
  return out;
}

export async function readCatalog(conn: LbugConnection): Promise<Map<string, ExistingTable>> {
  const tables = new Map<string, ExistingTable>();
  for (const t of await rows(conn, "CALL show_tables() RETURN name, type")) {
    const name = String(t.name);
    const type = String(t.type);
    if (type !== "NODE" && type !== "REL") continue;
    const columns = (await rows(conn, `CALL table_info(${literal(name)}) RETURN name, type`)).map((c) => ({
      name: String(c.name),
      type: String(c.type),
    }));
    if (type === "NODE") {
      tables.set(name, { kind: "node", columns });
    } else {
      const connections = (await rows(conn, `CALL show_connection(${literal(name)}) RETURN *`)).map((c) => ({
        from: String(c["source table name"]),
        to: String(c["destination table name"]),
      }));
      tables.set(name, { kind: "rel", columns, connections });
    }
  }
  return tables;
}

const FORMAT_KEY = "format_version";

export async function readFormatVersion(conn: LbugConnection): Promise<number | null> {
  const found = await rows(conn, `MATCH (m:${quote(META_TABLE)} {id: $key}) RETURN m.value AS value`, { key: FORMAT_KEY });
  const value = found[0]?.value;
  return value === undefined || value === null ? null : Number(value);
}

export async function writeFormatVersion(conn: LbugConnection, version: number): Promise<void> {
  await rows(conn, `MERGE (m:${quote(META_TABLE)} {id: $key}) SET m.value = $value`, { key: FORMAT_KEY, value: String(version) });
}
