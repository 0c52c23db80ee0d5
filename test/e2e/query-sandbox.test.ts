// End to end: `scoutgraph query` on a real embedded store refuses what is not a graph read (exit 2,
// one line) and nothing happens: no COPY target or EXPORT folder appears, a LOAD FROM of a FIFO
// never opens it (the run would block), CHECKPOINT leaves the store usable. And a 1,000,000-row
// result streams through the CLI in bounded memory (peak RSS of the child, from a preload).
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { reportsDir, runCli, tempDir } from "./sync-support.js";

const MILLION = "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b RETURN (a - 1) * 1000 + b AS x";

describe("scoutgraph query sandbox on the embedded store", () => {
  const dir = tempDir();
  const store = join(dir, "graph.db");
  const work = join(dir, "cwd");

  before(async () => {
    const r = await runCli(["sync", "--docker-scout-source", reportsDir(["cartography-sample.txt"]), "--store", store, "-q"]);
    assert.equal(r.code, 0, r.stderr);
    execFileSync("mkdir", ["-p", work]);
  });

  const count = async (): Promise<unknown> => {
    const r = await runCli(["query", "MATCH (n) RETURN count(n) AS n", "--store", store, "--json"], { cwd: work });
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout);
  };

  test("file writes, file reads, extensions and CHECKPOINT: exit 2, one line, nothing on disk, the store intact", async () => {
    const before = await count();
    const fifo = join(dir, "canary.fifo");
    execFileSync("mkfifo", [fifo]);
    const cases: [string, string][] = [
      [`COPY (RETURN 'k' AS k) TO '${join(work, "authorized_keys.csv")}'`, "COPY"],
      [`EXPORT\x1cDATABASE '${join(work, "exported")}'`, "EXPORT"],
      [`load\x1cfrom '${fifo}' (file_format='csv', header=false) RETURN *`, "LOAD"],
      [`/* x */ LOAD EXTENSION '${join(work, "x.so")}'`, "LOAD"],
      ["INSTALL json", "INSTALL"],
      ["RETURN 1; CHECKPOINT", "one statement only"],
      ["CHECKPOINT", "CHECKPOINT"],
    ];
    for (const [cypher, what] of cases) {
      const r = await runCli(["query", cypher, "--store", store], { cwd: work, timeoutMs: 20_000 });
      assert.equal(r.signal, null, `${cypher}: killed (a FIFO opened would block)`);
      assert.equal(r.code, 2, `${cypher}: ${r.stderr}`);
      assert.equal(r.stdout, "");
      const lines = r.stderr.trim().split("\n");
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0] ?? "", /read-only sandbox/);
      assert.ok(lines[0]?.includes(what), lines[0]);
    }
    assert.deepEqual(readdirSync(work), [], "no file appeared");
    assert.ok(!existsSync(join(work, "authorized_keys.csv")) && !existsSync(join(work, "exported")));
    // The store still opens and holds the same graph; a sync still works on it.
    assert.deepEqual(await count(), before);
    const again = await runCli(["sync", "--docker-scout-source", reportsDir(["cartography-sample.txt"]), "--store", store, "-q"]);
    assert.equal(again.code, 0, again.stderr);
  });

  test("1,000,000 rows stream as a table and as JSON in bounded memory", async () => {
    const preload = join(dir, "max-rss.mjs");
    writeFileSync(preload, `import { writeFileSync } from "node:fs";\nprocess.on("exit", () => writeFileSync(process.env.RSS_FILE, String(process.resourceUsage().maxRSS)));\n`);
    const peak = async (args: string[]): Promise<{ kib: number; stdout: string }> => {
      const rssFile = join(dir, `rss-${Date.now()}`);
      const r = await runCli(args, { env: { NODE_OPTIONS: `--import=${preload}`, RSS_FILE: rssFile } });
      assert.equal(r.code, 0, r.stderr);
      return { kib: Number(readFileSync(rssFile, "utf8")), stdout: r.stdout };
    };
    const baseline = await peak(["query", "RETURN 1 AS x", "--store", store]);
    const table = await peak(["query", MILLION, "--store", store]);
    const lines = table.stdout.trimEnd().split("\n");
    assert.equal(lines.length, 1_000_003);
    assert.equal(lines.at(-1), "(1000000 rows)");
    assert.equal(lines[2]?.trim(), "1");
    assert.equal(lines.at(-2)?.trim(), "1000000");
    const json = await peak(["query", MILLION, "--store", store, "--json"]);
    const rows = JSON.parse(json.stdout) as { x: number }[];
    assert.equal(rows.length, 1_000_000);
    assert.deepEqual([rows[0], rows[999_999]], [{ x: 1 }, { x: 1_000_000 }]);
    // Materialised, the rows, their cells and the output text alone take several hundred MB.
    for (const [format, run] of [["table", table], ["json", json]] as const) {
      const extraMiB = (run.kib - baseline.kib) / 1024;
      console.log(`query of 1,000,000 rows (${format}): peak RSS ${(run.kib / 1024).toFixed(0)} MiB, ${extraMiB.toFixed(0)} MiB over RETURN 1`);
      assert.ok(extraMiB < 100, `${format}: ${extraMiB.toFixed(0)} MiB over the baseline`);
    }
  });
});
