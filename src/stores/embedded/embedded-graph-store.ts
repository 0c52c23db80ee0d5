// The embedded default store: a LadybugDB database file behind the GraphStore port, holding the
// same labels, ids, properties and relationships as Neo4j with the same update-tag and cleanup
// semantics. One connection, used by one operation at a time (LadybugDB transactions belong to
// the connection), so operations are queued.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ScoutgraphError } from "../../errors.js";
import type { GraphBatch } from "../../graph/rows.js";
import { MODULE_NAME, MODULE_VERSION, WRITE_ORDER } from "../../graph/schema.js";
import type { CleanupStats, GraphStore, ImageDigestRow, Row, WriteContext, WriteStats } from "../graph-store.js";
import { readCatalog, readMacros } from "./catalog.js";
import { allRows, resultList, type LbugConnection, type LbugDatabase, type LbugPreparedStatement } from "./ladybug.js";
import { openDatabase } from "./open-database.js";
import { busyMessage, openWriteSession, type WriteSession } from "./write-session.js";
import { liveHolder } from "./writer-lock.js";
import { readRows } from "./read-query.js";
import { writeRows, type RowWriter } from "./bulk-write.js";
import { CLEANUP_BATCH, IMAGE_DIGESTS_QUERY, cleanupStatements, nodeWritePlan, relWritePlan } from "./statements.js";
import { FORMAT_TABLE, STORE_FORMAT_VERSION, commentStatement, formatComment, graphTables, parseFormatComment, planMigration } from "./tables.js";
import { toPlainRow } from "./values.js";

export const DEFAULT_STORE_PATH = "./scoutgraph-db";

export interface EmbeddedGraphStoreOptions {
  /** The database file (LadybugDB keeps a `.wal` file next to it). */
  path: string;
  /** Open without write access (e.g. `scoutgraph query`); prepare() then only checks the schema. */
  readOnly?: boolean;
  /** LadybugDB's buffer pool; its own default is 80% of RAM, too much for a CLI on a shared host. */
  bufferPoolBytes?: number;
  /**
   * The address space LadybugDB reserves for the file (virtual memory, not RAM; a power of two).
   * Its own default, 8 TiB, runs out of address space after a few opens in one process.
   */
  maxDbBytes?: number;
  /** Deletions per cleanup transaction (Cartography's LIMIT_SIZE, 10 000). */
  cleanupLimit?: number;
  /** Rows per UNWIND execution inside a batch's transaction (rows without a file form). */
  chunkRows?: number;
  /** Hand a batch's rows to LadybugDB as a CSV file in a private temp folder (default true; false: list parameters only). */
  rowsFile?: boolean;
}

const DEFAULT_BUFFER_POOL = 512 * 1024 * 1024;
// Measured: converting a list parameter grows faster than linearly with its length.
const DEFAULT_CHUNK_ROWS = 1_000;
const DEFAULT_MAX_DB = 2 ** 38; // 256 GiB

const storeError = (message: string, cause?: unknown): ScoutgraphError => new ScoutgraphError("STORE", message, { cause });

export class EmbeddedGraphStore implements GraphStore {
  readonly kind = "embedded";
  readonly path: string;
  private readonly options: EmbeddedGraphStoreOptions;
  private db: LbugDatabase | undefined;
  private conn: LbugConnection | undefined;
  private opening: Promise<LbugConnection> | undefined;
  /** Writable stores write a private copy of the file, published by finishRun("commit") or close(). */
  private session: WriteSession | undefined;
  private readonly prepared = new Map<string, LbugPreparedStatement>();
  private tail: Promise<void> = Promise.resolve();
  private rowsDir: string | undefined;

  constructor(options: EmbeddedGraphStoreOptions) {
    this.options = options;
    this.path = resolve(options.path);
  }

  async verifyConnectivity(): Promise<void> {
    await this.exclusive(async (conn) => {
      await this.run(conn, "RETURN 1 AS ok");
    });
  }

  async prepare(): Promise<void> {
    await this.exclusive(async (conn) => {
      const catalog = await readCatalog(conn);
      const version = parseFormatComment(catalog.get(FORMAT_TABLE)?.comment);
      if (version !== null && version > STORE_FORMAT_VERSION) {
        throw storeError(`${this.path} was written by a newer scoutgraph (store format ${version}; this one knows ${STORE_FORMAT_VERSION}): upgrade scoutgraph`);
      }
      const plan = planMigration(graphTables(), catalog, await readMacros(conn));
      if (!plan.ok) {
        throw storeError(`${this.path} holds tables scoutgraph cannot use (${plan.problems.join("; ")}): sync into a new --store`);
      }
      if (this.options.readOnly) {
        if (plan.statements.length > 0) throw storeError(`${this.path} is not an up-to-date scoutgraph store: run scoutgraph sync first`);
        return;
      }
      for (const statement of plan.statements) await allRows(await conn.query(statement));
      if (version !== STORE_FORMAT_VERSION) await allRows(await conn.query(commentStatement(FORMAT_TABLE, formatComment(STORE_FORMAT_VERSION))));
    });
  }

  async *imageDigests(): AsyncIterable<ImageDigestRow> {
    const release = await this.lock();
    try {
      const conn = await this.connection();
      const results = resultList(await conn.execute(await this.statement(conn, IMAGE_DIGESTS_QUERY), {}));
      try {
        for (const result of results) {
          while (result.hasNext()) {
            const row = await result.getNext();
            if (!row) continue;
            // ontSource lets the digest index tell scoutgraph's own Image nodes from the providers'.
            const entry: ImageDigestRow = {
              id: String(row.id),
              ontDigest: row.ontDigest === null ? null : String(row.ontDigest),
              ontSource: row.ontSource === null ? null : String(row.ontSource),
            };
            yield entry;
          }
        }
      } finally {
        for (const result of results) result.close();
      }
    } catch (err) {
      if (err instanceof ScoutgraphError) throw err;
      throw storeError(`reading Image digests from the embedded store ${this.path}: ${(err as Error).message}`, err);
    } finally {
      release();
    }
  }

  async writeBatch(batch: GraphBatch, ctx: WriteContext): Promise<WriteStats> {
    return this.exclusive(async (conn) => {
      const params = { now: Date.now(), updateTag: ctx.updateTag, moduleName: MODULE_NAME, moduleVersion: MODULE_VERSION };
      const stats: WriteStats = { nodes: 0, relationships: 0 };
      await allRows(await conn.query("BEGIN TRANSACTION"));
      try {
        for (const step of WRITE_ORDER) {
          const rows = batch[step.key] as unknown as Record<string, unknown>[];
          if (rows.length === 0) continue;
          const isNode = "node" in step;
          const plan = isNode ? nodeWritePlan(step.node) : relWritePlan(step.relationship);
          const written = await writeRows(this.rowWriter(conn), plan, rows, params);
          if (isNode) stats.nodes += written;
          else stats.relationships += written;
        }
        await allRows(await conn.query("COMMIT"));
      } catch (err) {
        await conn.query("ROLLBACK").then(allRows, () => undefined);
        if (err instanceof ScoutgraphError) throw err;
        throw storeError(`writing to the embedded store ${this.path} failed: ${(err as Error).message}`, err);
      }
      return stats;
    });
  }

  async cleanup(ctx: WriteContext): Promise<CleanupStats> {
    return this.exclusive(async (conn) => {
      const limit = this.options.cleanupLimit ?? CLEANUP_BATCH;
      const stats = { nodesDeleted: 0, relationshipsDeleted: 0, transactions: 0 } satisfies CleanupStats;
      for (const statement of cleanupStatements()) {
        // Each round is its own (auto-commit) transaction, bounded by `limit` deletions.
        for (;;) {
          const [row] = await this.run(conn, statement.cypher, { ...statement.constants, updateTag: ctx.updateTag, limit });
          stats.transactions++;
          const deleted = Number(row?.deleted ?? 0);
          if (statement.kind === "node") stats.nodesDeleted += deleted;
          else stats.relationshipsDeleted += deleted;
          if (deleted < limit) break;
        }
      }
      return stats;
    });
  }

  async query(cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    const rows: Row[] = [];
    for await (const row of this.stream(cypher, params)) rows.push(row);
    return rows;
  }

  /** Rows of a read through the query sandbox (read-sandbox/), holding the connection until done. */
  async *stream(cypher: string, params: Record<string, unknown> = {}): AsyncIterable<Row> {
    const release = await this.lock();
    try {
      yield* readRows(await this.connection(), cypher, params);
    } catch (err) {
      if (err instanceof ScoutgraphError) throw err;
      throw storeError(`embedded store ${this.path}: ${(err as Error).message}`, err);
    } finally {
      release();
    }
  }

  /**
   * Run a statement that may write, outside the GraphStore port: for maintenance and for tests
   * that seed what other tools (Cartography's registry modules) would have written. The database
   * file admits one writer, so this goes through the store's own connection.
   */
  async runWrite(cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.exclusive(async (conn) => (await this.run(conn, cypher, params)).map(toPlainRow));
  }

  /**
   * End a run: "commit" publishes everything written since the store was opened as the store's
   * graph (one atomic rename), "discard" drops it (the file keeps the graph from before). Either
   * way the store can be used again (a later write opens a new copy).
   */
  async finishRun(outcome: "commit" | "discard"): Promise<void> {
    const release = await this.lock();
    try {
      await this.endSession(outcome);
    } finally {
      release();
    }
  }

  /** Closes the store; what was written and not yet committed or discarded is committed. */
  async close(): Promise<void> {
    const release = await this.lock();
    try {
      const opening = this.opening;
      this.opening = undefined;
      if (opening) await opening.catch(() => undefined);
      if (this.session) {
        await this.endSession("commit");
        return;
      }
      this.prepared.clear();
      this.removeRowsDir();
      await this.conn?.close();
      await this.db?.close();
    } finally {
      this.conn = undefined;
      this.db = undefined;
      release();
    }
  }

  private async endSession(outcome: "commit" | "discard"): Promise<void> {
    this.removeRowsDir();
    const session = this.session;
    this.session = undefined;
    this.prepared.clear();
    this.conn = undefined;
    this.db = undefined;
    this.opening = undefined;
    if (!session) return;
    if (outcome === "commit") await session.publish();
    else await session.discard();
  }

  /**
   * Statements over rows inside the caller's transaction: a list parameter in chunks of
   * `chunkRows`, or (for the many rows of a batch) the store's rows file, one statement each.
   */
  private rowWriter(conn: LbugConnection): RowWriter {
    const chunk = this.options.chunkRows ?? DEFAULT_CHUNK_ROWS;
    return {
      list: async (cypher, rows, params, each) => {
        const statement = await this.statement(conn, cypher);
        for (let i = 0; i < rows.length; i += chunk) {
          for (const row of await allRows(await conn.execute(statement, { ...params, rows: rows.slice(i, i + chunk) }))) each(row);
        }
      },
      ...(this.options.rowsFile === false
        ? {}
        : {
            file: async (statementFor, lines, params, each) => {
              const path = this.rowsFilePath();
              writeFileSync(path, lines.join(""));
              try {
                for (const row of await this.run(conn, statementFor(path), params)) each(row);
              } finally {
                rmSync(path, { force: true });
              }
            },
          }),
    };
  }

  /** The rows file: in a private folder of this process (mkdtemp), removed when the store closes. */
  private rowsFilePath(): string {
    this.rowsDir ??= mkdtempSync(join(tmpdir(), "scoutgraph-rows-"));
    return join(this.rowsDir, "rows.csv");
  }

  private removeRowsDir(): void {
    if (this.rowsDir) rmSync(this.rowsDir, { recursive: true, force: true });
    this.rowsDir = undefined;
  }

  private async run(conn: LbugConnection, cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
    return allRows(await conn.execute(await this.statement(conn, cypher), params));
  }

  private async statement(conn: LbugConnection, cypher: string): Promise<LbugPreparedStatement> {
    let statement = this.prepared.get(cypher);
    if (!statement) {
      statement = await conn.prepare(cypher);
      if (!statement.isSuccess()) throw storeError(`embedded store statement failed to prepare: ${statement.getErrorMessage()}`);
      this.prepared.set(cypher, statement);
    }
    return statement;
  }

  /** Run `work` alone on the connection; whatever LadybugDB throws leaves as a STORE error. */
  private async exclusive<T>(work: (conn: LbugConnection) => Promise<T>): Promise<T> {
    const release = await this.lock();
    try {
      return await work(await this.connection());
    } catch (err) {
      if (err instanceof ScoutgraphError) throw err;
      throw storeError(`embedded store ${this.path}: ${(err as Error).message}`, err);
    } finally {
      release();
    }
  }

  /** A FIFO lock: resolves with the function that releases it. */
  private async lock(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const previous = this.tail;
    this.tail = previous.then(() => mine);
    await previous;
    return release;
  }

  private connection(): Promise<LbugConnection> {
    if (this.conn) return Promise.resolve(this.conn);
    this.opening ??= this.open().catch((err: unknown) => {
      this.opening = undefined;
      throw err;
    });
    return this.opening;
  }

  private async open(): Promise<LbugConnection> {
    const bufferPoolBytes = this.options.bufferPoolBytes ?? DEFAULT_BUFFER_POOL;
    const maxDbBytes = this.options.maxDbBytes ?? DEFAULT_MAX_DB;
    if (!this.options.readOnly) {
      const session = await openWriteSession(this.path, { bufferPoolBytes, maxDbBytes });
      this.session = session;
      this.db = session.db;
      this.conn = session.conn;
      return session.conn;
    }
    try {
      const { db, conn } = await openDatabase(this.path, { readOnly: true, bufferPoolBytes, maxDbBytes });
      this.db = db;
      this.conn = conn;
      return conn;
    } catch (err) {
      // A first sync has not published yet: say so rather than "no store" or an engine error.
      const holder = liveHolder(this.path);
      if (holder) throw storeError(busyMessage(this.path, holder.pid), err);
      throw err;
    }
  }
}
