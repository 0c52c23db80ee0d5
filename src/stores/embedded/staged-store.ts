// A sync never writes the store file in place: it writes a private copy (`PATH.sync-PID`) and
// publishes it with one rename(2) over PATH, after fsyncing the copy, and then fsyncs the folder.
// A crash at any moment leaves PATH as the last published graph, untouched; what the crashed run
// left (its copy and LadybugDB's files beside it) is removed by the next writer. Readers opened
// on PATH keep reading the file they opened, even across a publish.
import { closeSync, constants, copyFileSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Files LadybugDB keeps beside a database file (write-ahead log, checkpoint and shadow files). */
const SIDE_SUFFIXES = [".wal", ".wal.checkpoint", ".shadow", ".tmp"];

export const stagingPathFor = (storePath: string, pid: number = process.pid): string => `${storePath}.sync-${pid}`;

/** The database file and every side file LadybugDB may have left beside it. */
function withSideFiles(path: string): string[] {
  return [path, ...SIDE_SUFFIXES.map((s) => `${path}${s}`)];
}

/**
 * Remove copies left by runs that died (the caller holds the writer lock, so no live run owns
 * one). Returns the names removed.
 */
export function removeStaleCopies(storePath: string): string[] {
  const dir = dirname(storePath);
  const prefix = `${basename(storePath)}.sync-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed = names.filter((n) => n.startsWith(prefix));
  for (const name of removed) rmSync(join(dir, name), { force: true, recursive: true });
  return removed;
}

/**
 * Start a run's copy: the published file and the side files beside it, if any (a WAL there comes
 * from a writer that did not use this protocol; LadybugDB replays it into the copy).
 */
export function createStagingCopy(storePath: string, stagingPath: string): void {
  discardStagingCopy(stagingPath);
  if (!existsSync(storePath)) return;
  for (const suffix of ["", ...SIDE_SUFFIXES]) {
    const from = `${storePath}${suffix}`;
    if (existsSync(from) && statSync(from).isFile()) copyFileSync(from, `${stagingPath}${suffix}`, constants.COPYFILE_FICLONE);
  }
}

function fsyncPath(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Make the closed, checkpointed copy the store: fsync it, rename it over PATH (atomic), fsync the
 * folder so that the rename survives a power loss, and drop PATH's stale side files.
 */
export function publishStagingCopy(stagingPath: string, storePath: string): void {
  const leftover = SIDE_SUFFIXES.map((s) => `${stagingPath}${s}`).filter((p) => existsSync(p) && statSync(p).size > 0);
  if (leftover.length > 0) throw new Error(`the store copy was not fully checkpointed (${leftover.map((p) => basename(p)).join(", ")} left)`);
  fsyncPath(stagingPath, "r+");
  // Side files of the published file came from an older writer and were replayed into the copy.
  for (const side of withSideFiles(storePath).slice(1)) rmSync(side, { force: true });
  renameSync(stagingPath, storePath);
  fsyncPath(dirname(storePath), "r");
  discardStagingCopy(stagingPath);
}

/** Remove a run's copy and its side files. */
export function discardStagingCopy(stagingPath: string): void {
  for (const path of withSideFiles(stagingPath)) rmSync(path, { force: true, recursive: true });
}
