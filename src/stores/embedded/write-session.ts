// Opening a store for writing: take the writer lock, clear what crashed runs left, copy the
// published file, open the copy. The session ends by publishing the copy (the run's graph becomes
// the store's, atomically) or discarding it (the store keeps the graph from before the run).
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { ScoutgraphError } from "../../errors.js";
import { allRows, type LbugConnection, type LbugDatabase } from "./ladybug.js";
import { describeOpenError, openDatabase } from "./open-database.js";
import { createStagingCopy, discardStagingCopy, publishStagingCopy, removeStaleCopies, stagingPathFor } from "./staged-store.js";
import { WriterLockHeld, acquireWriterLock, type WriterLock } from "./writer-lock.js";

export interface WriteSession {
  db: LbugDatabase;
  conn: LbugConnection;
  /** Checkpoint and close the copy, then publish it as the store. */
  publish(): Promise<void>;
  /** Close and delete the copy; the store keeps its published graph. */
  discard(): Promise<void>;
}

/** Sessions of this process, for the synchronous clean-up of an immediate exit (see abandonAllSync). */
const live = new Set<{ staging: string; lock: WriterLock }>();

/**
 * A sync's statements are serial file loads and merges, beside parse workers that want the other
 * cores: one engine thread writes them as fast (100,000 reports: 29.9-34.4 s either way on 2 cores)
 * and each thread fewer is one malloc arena less to grow (peak RSS 472-479 MB against 499-500 MB).
 */
const WRITE_QUERY_THREADS = 1;

const storeError = (message: string, cause?: unknown): ScoutgraphError => new ScoutgraphError("STORE", message, { cause });

export function busyMessage(path: string, pid: number): string {
  return `a scoutgraph sync (pid ${pid}) is writing the store ${path}; retry when it has finished`;
}

export async function openWriteSession(path: string, options: { bufferPoolBytes: number; maxDbBytes: number }): Promise<WriteSession> {
  if (existsSync(path) && statSync(path).isDirectory()) throw storeError(describeOpenError(path, new Error("cannot be a directory")));
  mkdirSync(dirname(path), { recursive: true });
  let lock: WriterLock;
  try {
    lock = acquireWriterLock(path);
  } catch (err) {
    if (err instanceof WriterLockHeld) throw storeError(busyMessage(path, err.holder.pid), err);
    throw storeError(`cannot take the writer lock of ${path}: ${(err as Error).message}`, err);
  }
  const staging = stagingPathFor(path);
  const entry = { staging, lock };
  live.add(entry);
  const end = (): void => {
    live.delete(entry);
    lock.release();
  };
  let opened: { db: LbugDatabase; conn: LbugConnection };
  try {
    removeStaleCopies(path);
    try {
      createStagingCopy(path, staging);
    } catch (err) {
      throw storeError(`cannot copy the store ${path} for writing: ${(err as Error).message}`, err);
    }
    opened = await openDatabase(staging, { readOnly: false, ...options, displayPath: path, tolerateTornWal: true, queryThreads: WRITE_QUERY_THREADS });
  } catch (err) {
    discardStagingCopy(staging);
    end();
    throw err;
  }
  const { db, conn } = opened;
  let closed = false;
  const closeCopy = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await conn.close();
    await db.close();
  };
  return {
    db,
    conn,
    async publish() {
      try {
        // LadybugDB leaves a WAL after close; the published file must hold everything itself.
        await allRows(await conn.query("CHECKPOINT"));
        await closeCopy();
        if (!lock.owned()) throw new Error("another process took over the writer lock");
        publishStagingCopy(staging, path);
      } catch (err) {
        await closeCopy().catch(() => undefined);
        discardStagingCopy(staging);
        throw storeError(`publishing the new graph to ${path} failed (the store keeps the graph from before this run): ${(err as Error).message}`, err);
      } finally {
        end();
      }
    },
    async discard() {
      try {
        await closeCopy().catch(() => undefined);
        discardStagingCopy(staging);
      } finally {
        end();
      }
    },
  };
}

/**
 * For an exit that cannot wait (a second Ctrl-C): delete this process's copies and release its
 * locks, synchronously. The published store is never touched, so this is safe at any moment.
 */
export function abandonAllSync(): void {
  for (const entry of live) {
    try {
      discardStagingCopy(entry.staging);
    } finally {
      entry.lock.release();
    }
  }
  live.clear();
}
