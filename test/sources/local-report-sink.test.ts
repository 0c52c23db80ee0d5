// The local ReportSink: atomic replace with the record in the hidden folder, and clean-up of
// temporary files that a killed scan left (only those of processes that no longer exist).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalReportSink, SCAN_DIR } from "../../src/sources/local/local-report-sink.js";
import { openReportSource } from "../../src/sources/registry.js";

function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

test("put replaces the report and writes its record; stat reads both; the listing sees only reports", async () => {
  const root = join(mkdtempSync(join(tmpdir(), "sink-")), "dest");
  const sink = await LocalReportSink.open(root);
  assert.equal(await sink.stat("a.txt"), undefined);
  await sink.put("a.txt", Buffer.from("one"), '{"n":1}');
  await sink.put("a.txt", Buffer.from("two"), '{"n":2}');
  assert.equal(readFileSync(join(root, "a.txt"), "utf8"), "two");
  const stored = await sink.stat("a.txt");
  assert.equal(stored?.metadata?.trim(), '{"n":2}');
  assert.ok((stored?.modified.getTime() ?? 0) > Date.now() - 60_000);
  assert.deepEqual(readdirSync(join(root, SCAN_DIR, "tmp")), []);
  const source = await openReportSource(root);
  const names: string[] = [];
  for await (const ref of source.list()) names.push(ref.name);
  assert.deepEqual(names, ["a.txt"]);
});

test("open removes temporary files of dead scans, keeps those of live ones", async () => {
  const root = mkdtempSync(join(tmpdir(), "sink-"));
  const tmp = join(root, SCAN_DIR, "tmp");
  mkdirSync(tmp, { recursive: true });
  const dead = `r.${deadPid()}.abcdef.tmp`;
  const live = `r.${process.ppid}.abcdef.tmp`;
  writeFileSync(join(tmp, dead), "half a rep");
  writeFileSync(join(tmp, live), "in progress");
  await LocalReportSink.open(root);
  assert.equal(existsSync(join(tmp, dead)), false);
  assert.equal(existsSync(join(tmp, live)), true);
});
