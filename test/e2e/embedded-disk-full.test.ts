// A full disk during a sync: the store lives on a 20 MB tmpfs nearly filled by another file. The
// sync fails with one clear line (exit 1), the store keeps its earlier graph and opens without
// hand work, and once space is freed the next sync runs as a clean one. Needs root (mount); skips
// with a message elsewhere.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, statfsSync, writeSync } from "node:fs";
import { basename, join } from "node:path";
import { writeReports } from "../../bench/support/generate-reports.js";
import { graphFingerprint } from "./embedded-crash-support.js";
import { runCli, tempDir } from "./sync-support.js";

function mountTmpfs(dir: string): string | null {
  if (process.getuid?.() !== 0) return "not root";
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", "size=20m", "tmpfs", dir], { encoding: "utf8" });
  return r.status === 0 ? null : `mount failed: ${(r.stderr || r.error?.message || "").trim()}`;
}

/** Fill the file system at `dir` until about `leaveBytes` are free. */
function fill(path: string, leaveBytes: number): void {
  const { bavail, bsize } = statfsSync(join(path, ".."));
  let left = bavail * bsize - leaveBytes;
  const fd = openSync(path, "w");
  const chunk = Buffer.alloc(1 << 20, 1);
  try {
    while (left > 0) {
      const n = Math.min(left, chunk.length);
      writeSync(fd, chunk, 0, n);
      left -= n;
    }
  } finally {
    closeSync(fd);
  }
}

test("a sync that fills the disk fails in one line and leaves the earlier graph", { timeout: 180_000 }, async (t) => {
  const work = tempDir("scoutgraph-disk-full-");
  const mnt = join(work, "small");
  mkdirSync(mnt);
  const why = mountTmpfs(mnt);
  if (why !== null) {
    t.skip(`needs a 20 MB tmpfs (${why}); run as root to include the disk-full test`);
    return;
  }
  try {
    const earlier = join(work, "earlier");
    const later = join(work, "later");
    writeReports(earlier, 30, 0);
    writeReports(later, 150, 30);
    const store = join(mnt, "graph.db");
    const args = (source: string, tag: string): string[] => ["sync", "--docker-scout-source", source, "--store", store, "--batch-size", "50", "--update-tag", tag];
    assert.equal((await runCli(args(earlier, "100"))).code, 0);
    const before = await graphFingerprint(store);
    assert.ok(before !== null);

    // Leave room for the store's copy and a little more: the later run's writes cannot fit.
    const filler = join(mnt, "filler");
    fill(filler, 3 << 20);
    const full = await runCli(args(later, "200"));
    // Either scoutgraph reports it (exit 1, one line naming the lack of space), or LadybugDB
    // aborts the process on a failed write-ahead-log write (its own "Cannot write to file" line).
    // Both leave the published store untouched.
    assert.notEqual(full.code, 0, full.stderr);
    if (full.signal === null) {
      assert.equal(full.code, 1, full.stderr);
      assert.ok(full.stderr.split("\n").some((l) => /ENOSPC|no space left|not enough free space/i.test(l)), full.stderr);
    } else {
      assert.match(full.stderr, /Cannot write to file/);
    }
    assert.equal(await graphFingerprint(store), before, "the earlier graph changed");

    rmSync(filler);
    const again = await runCli(args(later, "200"));
    assert.equal(again.code, 0, again.stderr);
    // What the failed run left (its copy, its lock) is gone.
    assert.deepEqual(readdirSync(mnt).filter((n) => n.startsWith(basename(store)) && n !== basename(store)), []);
    const clean = join(work, "clean.db");
    assert.equal((await runCli(["sync", "--docker-scout-source", later, "--store", clean, "--batch-size", "50", "--update-tag", "200"])).code, 0);
    assert.equal(await graphFingerprint(store), await graphFingerprint(clean));
  } finally {
    spawnSync("umount", [mnt]);
  }
});
