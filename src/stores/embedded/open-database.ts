// Opens a store file: the checks LadybugDB would answer with an obscure message, the native open,
// and one clear line for each way it fails.
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { ScoutgraphError } from "../../errors.js";
import { loadLadybug, type LbugConnection, type LbugDatabase } from "./ladybug.js";

export interface OpenOptions {
  readOnly: boolean;
  bufferPoolBytes: number;
  maxDbBytes: number;
  /** The store as the user named it, for messages (a sync opens a private copy of it). */
  displayPath?: string;
  /**
   * Replay a write-ahead log up to its last complete commit instead of failing on a torn tail
   * (only a copy is ever opened for writing, so a bad tail costs nothing that was published).
   */
  tolerateTornWal?: boolean;
  /** Threads per query; unset: the engine's default (one per core). */
  queryThreads?: number;
}

/** One clear line for the ways opening a store file fails. */
export function describeOpenError(path: string, err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  const version = /database file version: (\d+), current build storage version: (\d+)/i.exec(raw);
  if (/not a valid .* database file/i.test(raw)) return `${path} is not a LadybugDB database (the embedded store's file)`;
  if (/cannot be a directory/i.test(raw)) return `${path} is a directory; --store names the database file`;
  if (/could not set lock/i.test(raw)) return `${path} is locked by another process (another scoutgraph run?)`;
  if (version) {
    return `${path} was written by another LadybugDB storage version (${version[1]}; this build reads ${version[2]}): use the scoutgraph that wrote it, or sync into a new --store`;
  }
  return `cannot open the embedded store ${path}: ${raw.split("\n")[0] ?? raw}`;
}

export async function openDatabase(path: string, options: OpenOptions): Promise<{ db: LbugDatabase; conn: LbugConnection }> {
  const lbug = await loadLadybug();
  const shown = options.displayPath ?? path;
  const fail = (message: string, cause?: unknown): ScoutgraphError => new ScoutgraphError("STORE", message, { cause });
  if (existsSync(shown) && statSync(shown).isDirectory()) throw fail(describeOpenError(shown, new Error("cannot be a directory")));
  if (options.readOnly && !existsSync(path)) throw fail(`there is no embedded store at ${shown}: run scoutgraph sync first, or pass --store`);
  if (!options.readOnly) mkdirSync(dirname(path), { recursive: true });
  let db: LbugDatabase | undefined;
  try {
    // Positional: path, buffer pool, compression, read-only, max size, auto-checkpoint, checkpoint threshold, throw on WAL replay failure.
    db = new lbug.Database(path, options.bufferPoolBytes, true, options.readOnly, options.maxDbBytes, true, -1, options.tolerateTornWal !== true);
    await db.init();
    // Without queryThreads, the binding's own default.
    const conn = new lbug.Connection(db, options.queryThreads);
    await conn.init();
    return { db, conn };
  } catch (err) {
    await db?.close().catch(() => undefined);
    throw fail(describeOpenError(shown, err), err);
  }
}
