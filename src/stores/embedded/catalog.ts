// Reads what an existing store holds (tables, columns, connections, format version) so that
// prepare() can create, migrate or refuse it (tables.ts decides which).
import { literal, type ExistingTable } from "./tables.js";
import { allRows, type LbugConnection } from "./ladybug.js";

// LadybugDB's catalog functions take a string literal, not a parameter; the names passed come from
// the catalog itself (show_tables).
async function rows(conn: LbugConnection, cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const statement = await conn.prepare(cypher);
  if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
  return allRows(await conn.execute(statement, params));
}

export async function readCatalog(conn: LbugConnection): Promise<Map<string, ExistingTable>> {
  const tables = new Map<string, ExistingTable>();
  for (const t of await rows(conn, "CALL show_tables() RETURN name, type, comment")) {
    const name = String(t.name);
    const type = String(t.type);
    const comment = typeof t.comment === "string" ? t.comment : "";
    if (type !== "NODE" && type !== "REL") continue;
    const columns = (await rows(conn, `CALL table_info(${literal(name)}) RETURN name, type`)).map((c) => ({
      name: String(c.name),
      type: String(c.type),
    }));
    if (type === "NODE") {
      tables.set(name, { kind: "node", columns, comment });
    } else {
      const connections = (await rows(conn, `CALL show_connection(${literal(name)}) RETURN *`)).map((c) => ({
        from: String(c["source table name"]),
        to: String(c["destination table name"]),
      }));
      tables.set(name, { kind: "rel", columns, comment, connections });
    }
  }
  return tables;
}

/** Names of the macros defined in the store (upper-case, as the catalog keeps them). */
export async function readMacros(conn: LbugConnection): Promise<Set<string>> {
  return new Set((await rows(conn, "CALL show_macros() RETURN name")).map((m) => String(m.name).toUpperCase()));
}
