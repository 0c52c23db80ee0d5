// The GraphStore adapter for Neo4j 5 (self-hosted, clusters, Aura) over neo4j-driver 6. Every
// statement runs in a managed transaction (transient errors are retried by the driver), with
// parameters only, and every result is consumed. The Cypher comes from graph/cypher/neo4j.ts.
import neo4j, { type Driver, type ManagedTransaction, type Session } from "neo4j-driver";
import { ScoutgraphError } from "../../errors.js";
import {
  cleanupStatements,
  HAS_MANIFEST_LISTS_QUERY,
  IMAGE_DIGESTS_PAGE_QUERY,
  IMAGE_DIGESTS_WITH_LISTS_PAGE_QUERY,
  indexStatements,
  nodeMergeQuery,
  relationshipMergeQuery,
} from "../../graph/cypher/neo4j.js";
import type { GraphBatch } from "../../graph/rows.js";
import { MODULE_NAME, MODULE_VERSION, RELATIONSHIPS, SCOUTGRAPH_IMAGE_SOURCE, WRITE_ORDER } from "../../graph/schema.js";
import type { CleanupStats, GraphStore, ImageDigestRow, Row, WriteContext, WriteStats } from "../graph-store.js";
import { NEO4J_DEFAULTS, type Neo4jConfig } from "./config.js";
import { connectFailureReason } from "./connect-errors.js";
import { assertReadPlan } from "./read-plan.js";
import { rowConverter, toPlain, toQueryParam } from "./values.js";

interface WriteStep {
  key: keyof GraphBatch;
  cypher: string;
  convert: (row: object) => Record<string, unknown>;
  isNode: boolean;
}

const WRITE_STEPS: WriteStep[] = WRITE_ORDER.map((step) =>
  "node" in step
    ? { key: step.key, cypher: nodeMergeQuery(step.node), convert: rowConverter(step.node.properties), isNode: true }
    : { key: step.key, cypher: relationshipMergeQuery(step.relationship), convert: rowConverter(step.relationship.properties), isNode: false },
);

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return [e.code, e.message].filter(Boolean).join(": ") || String(err);
}

/** One UNWIND statement of a write: its Cypher, its parameters ($rows and the constants), its row count. */
export interface WriteStatement {
  cypher: string;
  params: Record<string, unknown>;
  rows: number;
  isNode: boolean;
}

/**
 * The statements that write `batch`, in WRITE_ORDER, `chunkSize` rows each (one transaction each).
 * Lazy, so only one chunk's converted rows exist at a time; bench/store-floor.ts builds them all
 * up front to time the server alone.
 */
export function* writeStatements(batch: GraphBatch, ctx: WriteContext, chunkSize: number): Generator<WriteStatement> {
  const fixed = {
    lastupdated: neo4j.int(ctx.updateTag),
    module_name: MODULE_NAME,
    module_version: MODULE_VERSION,
    source: SCOUTGRAPH_IMAGE_SOURCE,
    ...Object.assign({}, ...RELATIONSHIPS.map((r) => r.constants ?? {})),
  } as Record<string, unknown>;
  for (const step of WRITE_STEPS) {
    const rows = batch[step.key] as object[];
    for (let start = 0; start < rows.length; start += chunkSize) {
      const chunk = rows.slice(start, start + chunkSize).map(step.convert);
      yield { cypher: step.cypher, params: { ...fixed, rows: chunk }, rows: chunk.length, isNode: step.isNode };
    }
  }
}

export class Neo4jGraphStore implements GraphStore {
  readonly kind = "neo4j";
  private readonly driver: Driver;
  private readonly config: Required<Pick<Neo4jConfig, "uri" | "batchSize" | "cleanupLimit" | "connectionTimeoutMs" | "imagePageSize">> & Neo4jConfig;

  constructor(config: Neo4jConfig) {
    this.config = { ...NEO4J_DEFAULTS, ...config };
    const auth = config.user ? neo4j.auth.basic(config.user, config.password ?? "") : undefined;
    try {
      this.driver = neo4j.driver(this.config.uri, auth, {
        connectionTimeout: this.config.connectionTimeoutMs,
        connectionAcquisitionTimeout: config.acquisitionTimeoutMs ?? NEO4J_DEFAULTS.acquisitionTimeoutMs,
        maxTransactionRetryTime: 30_000,
        userAgent: `scoutgraph/${MODULE_VERSION}`,
      });
    } catch (err) {
      throw new ScoutgraphError("STORE", `invalid Neo4j URI ${this.config.uri}: ${describe(err)}`, { cause: err });
    }
  }

  private session(mode: "READ" | "WRITE"): Session {
    return this.driver.session({
      database: this.config.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  private async withSession<T>(mode: "READ" | "WRITE", what: string, work: (s: Session) => Promise<T>): Promise<T> {
    const session = this.session(mode);
    try {
      return await work(session);
    } catch (err) {
      if (err instanceof ScoutgraphError) throw err;
      throw new ScoutgraphError("STORE", `Neo4j ${what} failed: ${describe(err)}`, { cause: err });
    } finally {
      await session.close();
    }
  }

  async verifyConnectivity(): Promise<void> {
    const where = `Neo4j at ${this.config.uri}${this.config.database ? ` (database ${this.config.database})` : ""}`;
    // The driver honours its timeouts; the race is a backstop so a caller never hangs on discovery.
    const limit = this.config.connectionTimeoutMs * 2 + 1_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${limit} ms`)), limit);
    });
    try {
      // Opening a connection authenticates, so wrong credentials fail here too.
      await Promise.race([this.driver.verifyConnectivity({ database: this.config.database }), timeout]);
    } catch (err) {
      throw new ScoutgraphError("STORE", `cannot connect to ${where}: ${connectFailureReason(err, this.config.user)}`, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  async prepare(): Promise<void> {
    await this.withSession("WRITE", "index creation", async (session) => {
      // Schema statements cannot share a transaction with writes; one each, as Cartography runs them.
      for (const statement of indexStatements()) await session.executeWrite((tx) => tx.run(statement));
    });
  }

  async *imageDigests(): AsyncIterable<ImageDigestRow> {
    // Keyset pages over the Image(id) index, one managed read each: retry-safe and bounded in memory.
    // Several nodes can share an id (one per registry), so the boundary id is re-read and the nodes
    // already returned for it are skipped by element id.
    // The manifest lists' expand costs a relationship check per image: only when there are lists.
    const hasLists = await this.withSession("READ", "Image digest read", (s) =>
      s.executeRead(async (tx) => (await tx.run(HAS_MANIFEST_LISTS_QUERY)).records[0]?.get("any") === true),
    );
    const query = hasLists ? IMAGE_DIGESTS_WITH_LISTS_PAGE_QUERY : IMAGE_DIGESTS_PAGE_QUERY;
    let after = "";
    let seenAtAfter = new Set<string>();
    const pageSize = this.config.imagePageSize;
    let limit = pageSize;
    for (;;) {
      const records = await this.withSession("READ", "Image digest read", (s) =>
        s.executeRead(async (tx) => (await tx.run(query, { after, limit: neo4j.int(limit) })).records),
      );
      let lastId = after;
      let seen = seenAtAfter;
      for (const record of records) {
        const id = record.get("id") as string;
        const element = record.get("element") as string;
        if (id !== lastId) {
          lastId = id;
          seen = new Set();
        }
        if (id === after && seenAtAfter.has(element)) continue;
        seen.add(element);
        const lists = (record.get("lists") as unknown[]).filter((l): l is string => typeof l === "string");
        const row: ImageDigestRow = { id, ontDigest: record.get("digest") as string | null, ontSource: record.get("source") as string | null };
        if (lists.length > 0) row.manifestLists = lists;
        yield row;
      }
      if (records.length < limit) return;
      // A full page of one id: widen the page, or the same rows would come back forever.
      limit = lastId === after ? limit * 2 : pageSize;
      after = lastId;
      seenAtAfter = seen;
    }
  }

  async writeBatch(batch: GraphBatch, ctx: WriteContext): Promise<WriteStats> {
    const stats: WriteStats = { nodes: 0, relationships: 0 };
    await this.withSession("WRITE", "write", async (session) => {
      for (const statement of writeStatements(batch, ctx, this.config.batchSize)) {
        await session.executeWrite((tx: ManagedTransaction) => tx.run(statement.cypher, statement.params));
        if (statement.isNode) stats.nodes += statement.rows;
        else stats.relationships += statement.rows;
      }
    });
    return stats;
  }

  async cleanup(ctx: WriteContext): Promise<CleanupStats> {
    const stats: CleanupStats = { nodesDeleted: 0, relationshipsDeleted: 0, transactions: 0 };
    const params = {
      lastupdated: neo4j.int(ctx.updateTag),
      limit: neo4j.int(this.config.cleanupLimit),
      source: SCOUTGRAPH_IMAGE_SOURCE,
    };
    await this.withSession("WRITE", "cleanup", async (session) => {
      for (const statement of cleanupStatements()) {
        // Iterative, as Cartography's GraphStatement: repeat until a transaction deletes nothing.
        for (;;) {
          const result = await session.executeWrite((tx) => tx.run(statement.cypher, params));
          stats.transactions = (stats.transactions ?? 0) + 1;
          const counters = result.summary.counters.updates();
          stats.nodesDeleted += counters.nodesDeleted;
          stats.relationshipsDeleted += counters.relationshipsDeleted;
          if (counters.nodesDeleted + counters.relationshipsDeleted === 0) break;
        }
      }
    });
    return stats;
  }

  async query(cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    const rows: Row[] = [];
    for await (const row of this.stream(cypher, params)) rows.push(row);
    return rows;
  }

  /**
   * User Cypher, sandboxed by the server's own plan: EXPLAIN first (read-plan.ts checks the query
   * type and every operator), then the same text in the same READ transaction, record by record
   * (the driver pulls in batches and pauses when the consumer falls behind). An unmanaged
   * transaction: a retry would repeat rows already handed out.
   */
  async *stream(cypher: string, params: Record<string, unknown> = {}): AsyncIterable<Row> {
    const converted = toQueryParam(params) as Record<string, unknown>;
    const session = this.session("READ");
    const tx = session.beginTransaction();
    try {
      const explained = await tx.run(`EXPLAIN ${cypher}`, converted);
      assertReadPlan(explained.summary);
      for await (const record of tx.run(cypher, converted)) yield toPlain(record.toObject()) as Row;
    } catch (err) {
      if (err instanceof ScoutgraphError) throw err;
      throw new ScoutgraphError("STORE", `Neo4j query failed: ${describe(err)}`, { cause: err });
    } finally {
      await tx.rollback().catch(() => undefined);
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
