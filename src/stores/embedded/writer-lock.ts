// One writer per store file: `PATH.lock` holds the writing process's pid, host and start time.
// Created with O_EXCL; a lock whose process is gone (or whose pid now belongs to another process)
// is stale and taken over, so a SIGKILLed sync never blocks the next one. Readers only look at it
// to tell "a sync is writing this store" from other failures.
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";

export interface LockHolder {
  pid: number;
  host: string;
  /** The holder's start time in clock ticks since boot (Linux /proc), "" where unknown. */
  started: string;
  nonce: string;
}

export const lockPathFor = (storePath: string): string => `${storePath}.lock`;

/** A process's start time from /proc/PID/stat (field 22), "" where /proc is missing. */
export function processStart(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces and parentheses: count from the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? "";
  } catch {
    return "";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The holder of the lock if it is live, null when there is no lock or only a stale one. */
export function liveHolder(storePath: string): LockHolder | null {
  const holder = readHolder(lockPathFor(storePath));
  return holder !== null && isLive(holder) ? holder : null;
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, "utf8")) as Partial<LockHolder>;
    if (typeof parsed.pid !== "number") return { pid: 0, host: "", started: "", nonce: "" };
    return { pid: parsed.pid, host: String(parsed.host ?? ""), started: String(parsed.started ?? ""), nonce: String(parsed.nonce ?? "") };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    // Unreadable or half-written (a crash between create and write): treat as stale.
    return { pid: 0, host: "", started: "", nonce: "" };
  }
}

function isLive(holder: LockHolder): boolean {
  // Another host's process cannot be checked from here: assume it is alive.
  if (holder.host !== "" && holder.host !== hostname()) return true;
  if (holder.pid <= 0 || !alive(holder.pid)) return false;
  // A reused pid: the live process started at another time than the holder.
  const started = processStart(holder.pid);
  return holder.started === "" || started === "" || started === holder.started;
}

export class WriterLockHeld extends Error {
  constructor(readonly holder: LockHolder) {
    super(`held by pid ${holder.pid}${holder.host !== hostname() ? ` on ${holder.host}` : ""}`);
  }
}

export interface WriterLock {
  /** Still ours (not taken over as stale by another process): checked before publishing. */
  owned(): boolean;
  release(): void;
}

/** Take the store's writer lock or throw WriterLockHeld. */
export function acquireWriterLock(storePath: string): WriterLock {
  const lockPath = lockPathFor(storePath);
  const me: LockHolder = { pid: process.pid, host: hostname(), started: processStart(process.pid), nonce: randomBytes(8).toString("hex") };
  // Written in full and fsynced under a private name, then linked into place: the lock file is
  // never seen half-written, and link() fails if a lock exists (atomic, unlike check-then-create).
  const candidate = `${lockPath}.${me.pid}.${me.nonce}`;
  const fd = openSync(candidate, "wx", 0o644);
  try {
    writeSync(fd, JSON.stringify(me));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(candidate, lockPath);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
      const holder = readHolder(lockPath);
      if (holder !== null && isLive(holder)) throw new WriterLockHeld(holder);
      if (attempt >= 3) throw new WriterLockHeld(holder ?? me);
      // Stale: move it aside (atomic; of two processes taking over, one moves it), then retry.
      const aside = `${lockPath}.stale.${me.pid}.${me.nonce}`;
      try {
        renameSync(lockPath, aside);
        unlinkSync(aside);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      }
    }
  } finally {
    unlinkSync(candidate);
  }
  return {
    owned: () => readHolder(lockPath)?.nonce === me.nonce,
    release: () => {
      if (readHolder(lockPath)?.nonce === me.nonce) unlinkSync(lockPath);
    },
  };
}
