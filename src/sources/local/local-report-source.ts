// Reports on the local filesystem: one file, or a folder read recursively (hidden entries skipped,
// contract D6; symbolic links to files followed, to folders not).
import { closeSync, openSync, readSync, type Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename } from "node:path";
import { ScoutgraphError } from "../../errors.js";
import { mib, type ResolvedSourceOptions } from "../options.js";
import type { ReportRef, ReportSource } from "../report-source.js";
import { fileRef, walkFolder } from "./walk.js";

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? "unknown error";
}

export class LocalReportSource implements ReportSource {
  readonly uri: string;

  constructor(
    private readonly path: string,
    private readonly options: ResolvedSourceOptions,
  ) {
    this.uri = path;
  }

  async *list(): AsyncGenerator<ReportRef> {
    let stats;
    try {
      stats = await stat(this.path);
    } catch (err) {
      const code = errorCode(err);
      const what = code === "ENOENT" ? "does not exist" : `cannot be read (${code})`;
      throw new ScoutgraphError("SOURCE", `Report source ${this.path} ${what}.`, { subject: this.path, cause: err });
    }
    if (stats.isFile()) {
      yield fileRef(this.path, basename(this.path), stats, this.options);
      return;
    }
    if (!stats.isDirectory()) {
      throw new ScoutgraphError("SOURCE", `Report source ${this.path} is neither a file nor a folder.`, { subject: this.path });
    }
    let entries: Dirent[];
    try {
      entries = await readdir(this.path, { withFileTypes: true });
    } catch (err) {
      throw new ScoutgraphError("SOURCE", `Report source ${this.path} cannot be read (${errorCode(err)}).`, { subject: this.path, cause: err });
    }
    yield* walkFolder(this.path, "", entries, this.options);
  }

  /**
   * Synchronous on purpose: a local report is a few page-cache reads of tens of microseconds, and
   * each asynchronous call costs the main thread (which a sync waits on) more than the read:
   * 10,000 files of 10 KB took 1.0 s of it through fs/promises, 0.5 s through fs callbacks and
   * 0.18 s synchronously, and a 10,000-report Neo4j sync spent half its main thread there.
   */
  async read(ref: ReportRef): Promise<Buffer> {
    const cap = this.options.maxReportBytes;
    let fd: number;
    try {
      fd = openSync(ref.uri, "r");
    } catch (err) {
      throw readError(ref, errorCode(err), err);
    }
    try {
      const chunks: Buffer[] = [];
      let total = 0;
      // Sized from the listing (one read plus the one that sees the end), at most 1 MiB a chunk.
      const chunkSize = Math.max(1024, Math.min((ref.size ?? 64 * 1024) + 1, 1024 * 1024, cap + 1));
      for (;;) {
        const chunk = Buffer.allocUnsafe(chunkSize);
        const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        total += bytesRead;
        // The file may have grown since it was listed: the cap holds while reading, too.
        if (total > cap) throw readError(ref, `larger than the ${mib(cap)} report size cap`);
        chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      }
      return Buffer.concat(chunks, total);
    } catch (err) {
      if (err instanceof ScoutgraphError) throw err;
      throw readError(ref, errorCode(err), err);
    } finally {
      closeSync(fd);
    }
  }

  async close(): Promise<void> {}
}

function readError(ref: ReportRef, reason: string, cause?: unknown): ScoutgraphError {
  return new ScoutgraphError("READ", `Failed to read local report ${ref.uri}: ${reason}.`, { subject: ref.uri, cause });
}
