// Ctrl-C during a sync: the run stops cleanly (the current write finishes), prints its summary,
// skips cleanup and exits 130; the embedded store keeps the graph from before the run (here: none).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { writeReports } from "../../bench/support/generate-reports.js";
import { CLI_PATH } from "../support/fixtures.js";
import { cleanEnv, parseSummaryJson, runCli, tempDir } from "./sync-support.js";

test("SIGINT mid-run: summary printed, status interrupted, no cleanup, exit 130", { timeout: 300_000 }, async () => {
  const work = tempDir();
  const source = join(work, "reports");
  writeReports(source, 2000);
  const store = join(work, "graph.db");
  const summary = join(work, "summary.json");
  const child = spawn(process.execPath, [CLI_PATH, "sync", "--docker-scout-source", source, "--store", store, "--batch-size", "50", "--debug", "--summary-json", summary], {
    env: cleanEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let parsed = 0;
  let sent = false;
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
    parsed += d.split("Parsed ").length - 1;
    if (!sent && parsed >= 200) {
      sent = true;
      child.kill("SIGINT");
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
  assert.ok(sent, "the run ended before it could be interrupted");
  assert.equal(code, 130, stderr.split("\n").slice(-5).join("\n"));
  assert.match(stdout, /^scoutgraph sync: interrupted/);
  assert.match(stderr, /Interrupted: stopped before the end; no cleanup; the store keeps the graph from before this run\./);
  const s = parseSummaryJson(summary);
  assert.equal(s.status, "interrupted");
  assert.equal(s.cleanup.ran, false);
  assert.ok(s.reports.ingested < 2000, `ingested ${s.reports.ingested}`);

  // Nothing of the interrupted run was published: the store was fresh, so there is none yet.
  const q = await runCli(["query", "MATCH (i:Image) RETURN count(i) AS n", "--store", store, "--json"]);
  assert.equal(q.code, 1, q.stderr);
  assert.match(q.stderr, /there is no embedded store at .*graph\.db: run scoutgraph sync first/);
});
