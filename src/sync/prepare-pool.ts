// Prepares report files (decode, sniff, parse, transform to rows: prepare-file.ts) on worker
// threads, so the main thread only reads, batches and drives the store: at 10,000 reports the
// parse was half of the main thread's time and nothing else could run beside it. Results come back
// in any order; the pipeline's ordered map puts them back in source order. Where no worker can
// start, files are prepared on the calling thread, with the same results.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { prepareFile, type PreparedFile } from "./prepare-file.js";

export interface PrepareRequest {
  id: number;
  bytes: Uint8Array;
}

export type PrepareReply = { id: number; file: PreparedFile } | { id: number; error: string };

interface Pending {
  resolve: (file: PreparedFile) => void;
  reject: (err: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * A file this large is prepared on the calling thread: one report of 151,684 recommendations
 * (9.8 MB) peaked at 737-857 MB through a worker, where its parse and rows exist twice while the
 * copy is built, and at 666 MB on the calling thread, in the same time (12.1-13.6 s against
 * 13.4-14.2 s). Reports this size are rare (4 MiB is about 60,000 recommendations), so the
 * fleet's files still go to the workers.
 */
export const IN_THREAD_BYTES = 4 * 1024 * 1024;

/** One thread is left to the main thread and, on a small machine, one more to the store. */
export function defaultPrepareThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

export class PreparePool {
  private readonly workers: PoolWorker[] = [];
  private nextId = 0;
  private failure: Error | undefined;

  /** `threads` 0 prepares on the calling thread. */
  constructor(private readonly threads = defaultPrepareThreads()) {}

  async prepare(bytes: Uint8Array): Promise<PreparedFile> {
    if (this.failure !== undefined) throw this.failure;
    const target = bytes.byteLength > IN_THREAD_BYTES ? undefined : this.leastBusy();
    if (target === undefined) return prepareFile(bytes);
    const id = this.nextId++;
    // A buffer that is all this file's own moves to the worker; a pooled or shared one is copied.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
    const sent = own ? bytes : new Uint8Array(bytes);
    return new Promise<PreparedFile>((resolve, reject) => {
      // Referenced only while it holds work: a busy worker keeps the process alive, an idle one not.
      if (target.pending.size === 0) target.worker.ref();
      target.pending.set(id, { resolve, reject });
      target.worker.postMessage({ id, bytes: sent } satisfies PrepareRequest, [sent.buffer as ArrayBuffer]);
    });
  }

  /** How many worker threads have started (they start on demand). */
  get startedThreads(): number {
    return this.workers.length;
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }

  private leastBusy(): PoolWorker | undefined {
    if (this.workers.length < this.threads) {
      const started = this.start();
      if (started !== undefined) return started;
    }
    let best: PoolWorker | undefined;
    for (const w of this.workers) if (best === undefined || w.pending.size < best.pending.size) best = w;
    return best;
  }

  private start(): PoolWorker | undefined {
    let worker: Worker;
    try {
      worker = new Worker(new URL("./prepare-worker.js", import.meta.url));
    } catch {
      return undefined;
    }
    const entry: PoolWorker = { worker, pending: new Map() };
    worker.on("message", (reply: PrepareReply) => {
      const waiting = entry.pending.get(reply.id);
      entry.pending.delete(reply.id);
      if (entry.pending.size === 0) worker.unref();
      if ("error" in reply) waiting?.reject(new Error(`parsing failed: ${reply.error}`));
      else waiting?.resolve(reply.file);
    });
    // A worker that dies fails what it held and the pool: a parser crash is a bug to see, not to retry.
    const fail = (err: Error): void => {
      this.failure ??= err;
      for (const waiting of entry.pending.values()) waiting.reject(err);
      entry.pending.clear();
    };
    worker.on("error", (err) => fail(err instanceof Error ? err : new Error(String(err))));
    worker.on("exit", (code) => {
      if (entry.pending.size > 0) fail(new Error(`the parser thread exited (code ${code})`));
    });
    this.workers.push(entry);
    return entry;
  }
}
