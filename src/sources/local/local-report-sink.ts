// Writes reports into a local folder. A report is written to a hidden temporary file in the same
// folder tree (so the rename cannot cross filesystems), flushed to disk, then renamed over the
// final name: a reader, or a crash at any point, sees the old report or the whole new one. The
// record goes to `.scoutgraph-scan/<name>.json` the same way; the local listing skips hidden
// entries, so `sync` never sees either.
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { ScoutgraphError } from "../../errors.js";
import type { ReportSink, StoredReport } from "../report-sink.js";

export const SCAN_DIR = ".scoutgraph-scan";
const TMP_NAME = /\.(\d+)\.[0-9a-f]+\.tmp$/;

function code(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String(err);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return code(err) === "EPERM";
  }
}

async function writeDurably(path: string, body: Buffer | string): Promise<void> {
  const handle = await open(path, "w", 0o644);
  try {
    await handle.writeFile(body);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

export class LocalReportSink implements ReportSink {
  readonly uri: string;
  private readonly scanDir: string;
  private readonly tmpDir: string;

  private constructor(private readonly root: string) {
    this.uri = root;
    this.scanDir = join(root, SCAN_DIR);
    this.tmpDir = join(this.scanDir, "tmp");
  }

  /** Creates the folder (and the hidden one) when missing; removes temporary files of scans that died. */
  static async open(root: string): Promise<LocalReportSink> {
    const sink = new LocalReportSink(root);
    try {
      await mkdir(sink.tmpDir, { recursive: true });
    } catch (err) {
      throw new ScoutgraphError("SOURCE", `Cannot write to ${root}: ${code(err)}.`, { subject: root, cause: err });
    }
    for (const entry of await readdir(sink.tmpDir)) {
      const pid = Number(TMP_NAME.exec(entry)?.[1] ?? Number.NaN);
      if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) await rm(join(sink.tmpDir, entry), { force: true });
    }
    return sink;
  }

  uriOf(name: string): string {
    return join(this.root, name);
  }

  async stat(name: string): Promise<StoredReport | undefined> {
    let modified: Date;
    try {
      const stats = await stat(this.uriOf(name));
      if (!stats.isFile()) return undefined;
      modified = stats.mtime;
    } catch (err) {
      if (code(err) === "ENOENT") return undefined;
      throw new ScoutgraphError("SOURCE", `Cannot read ${this.uriOf(name)}: ${code(err)}.`, { subject: this.uriOf(name), cause: err });
    }
    const metadata = await readFile(join(this.scanDir, `${name}.json`), "utf8").catch(() => undefined);
    return { modified, metadata };
  }

  async put(name: string, body: Buffer, metadata: string): Promise<void> {
    const target = this.uriOf(name);
    try {
      // The report first, then its record: a crash in between leaves a new report with an older
      // record, which makes the next scan rescan it rather than trust a record for a report
      // that was never written.
      await this.replace(target, body);
      await this.replace(join(this.scanDir, `${name}.json`), `${metadata}\n`);
    } catch (err) {
      throw new ScoutgraphError("SOURCE", `Cannot write ${target}: ${code(err)}.`, { subject: target, cause: err });
    }
  }

  private async replace(target: string, body: Buffer | string): Promise<void> {
    const tmp = join(this.tmpDir, `r.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      await writeDurably(tmp, body);
      await rename(tmp, target);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async close(): Promise<void> {}
}
