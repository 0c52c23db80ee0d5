// Loads LadybugDB's Node.js binding lazily, so that Neo4j users never load the native library, and
// types the small part of its API the embedded store uses. The binding ships as a per-platform
// package (`@ladybugdb/core-<platform>-<arch>`, self-contained: JS API + lbugjs.node); see
// docs/operations.md "Embedded store" for why scoutgraph depends on it rather than on @ladybugdb/core.
import { ScoutgraphError } from "../../errors.js";

export type LbugValue = unknown;

export interface LbugPreparedStatement {
  isSuccess(): boolean;
  isReadOnly(): boolean;
  getErrorMessage(): string;
}

export interface LbugQueryResult {
  hasNext(): boolean;
  getNext(): Promise<Record<string, LbugValue> | null>;
  getNextSync(): Record<string, LbugValue> | null;
  getAll(): Promise<Record<string, LbugValue>[]>;
  close(): void;
}

export interface LbugDatabase {
  init(): Promise<void>;
  close(): Promise<void>;
}

export interface LbugConnection {
  init(): Promise<void>;
  close(): Promise<void>;
  prepare(statement: string): Promise<LbugPreparedStatement>;
  execute(statement: LbugPreparedStatement, params?: Record<string, LbugValue>): Promise<LbugQueryResult | LbugQueryResult[]>;
  query(statement: string): Promise<LbugQueryResult | LbugQueryResult[]>;
}

export interface LbugModule {
  Database: new (
    path: string,
    bufferManagerSize?: number,
    enableCompression?: boolean,
    readOnly?: boolean,
    maxDBSize?: number,
    autoCheckpoint?: boolean,
    checkpointThreshold?: number,
    throwOnWalReplayFailure?: boolean,
  ) => LbugDatabase;
  Connection: new (database: LbugDatabase, numThreads?: number) => LbugConnection;
  VERSION: string;
  STORAGE_VERSION: number | bigint;
}

/** The package names to try, in order: this platform's prebuilt package, then the umbrella package. */
export function bindingPackages(platform: string = process.platform, arch: string = process.arch): string[] {
  return [`@ladybugdb/core-${platform}-${arch}`, "@ladybugdb/core"];
}

let loaded: Promise<LbugModule> | undefined;

export function loadLadybug(): Promise<LbugModule> {
  loaded ??= (async () => {
    const failures: string[] = [];
    for (const name of bindingPackages()) {
      try {
        const mod = (await import(name)) as { default?: LbugModule } & LbugModule;
        return mod.default ?? mod;
      } catch (err) {
        failures.push(`${name}: ${(err as Error).message.split("\n")[0] ?? ""}`);
      }
    }
    loaded = undefined;
    throw new ScoutgraphError(
      "STORE",
      `The embedded store (LadybugDB) is not available on ${process.platform}-${process.arch}: ` +
        `install its platform package, or use Neo4j with --neo4j-uri (${failures.join("; ")})`,
    );
  })();
  return loaded;
}

/**
 * Every row of an execution, closing each result: an open result keeps the database file locked
 * even after Database.close(), so no result may be left to the garbage collector.
 */
export async function allRows(result: LbugQueryResult | LbugQueryResult[]): Promise<Record<string, LbugValue>[]> {
  const out: Record<string, LbugValue>[] = [];
  for (const r of resultList(result)) {
    try {
      // A loop, not push(...rows): a result can hold more rows than a call has arguments. getAll,
      // not getNextSync: in a write session the sync reads left the buffer pool full at publish.
      for (const row of await r.getAll()) out.push(row);
    } finally {
      r.close();
    }
  }
  return out;
}

/** The results of one execution, whether the binding returned one result or several. */
export function resultList(result: LbugQueryResult | LbugQueryResult[]): LbugQueryResult[] {
  return Array.isArray(result) ? result : [result];
}
