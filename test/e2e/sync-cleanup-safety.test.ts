// End to end, real CLI and embedded store: a report file that was damaged, re-encoded, truncated,
// emptied or replaced since the last sync never lets cleanup delete the data of the report it
// held. Re-encoding reads the same report; every other change is a failure (exit 3, cleanup
// skipped). Deleting the file is how a report is retired: then cleanup does delete its data.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { IN_PRACTICE_DIR } from "../support/fixtures.js";
import { parseSummaryJson, runCli, tempDir } from "./sync-support.js";

const sample = (name: string): Buffer => readFileSync(join(IN_PRACTICE_DIR, name));

describe("cleanup safety for changed report files", () => {
  const work = tempDir();
  const store = join(work, "graph.db");
  const folder = join(work, "reports");
  const orders = join(folder, "orders.txt");
  const summary = join(work, "summary.json");
  let tag = 1000;

  const sync = async () => {
    tag += 1;
    return runCli(["sync", "--docker-scout-source", folder, "--store", store, "--update-tag", String(tag), "--summary-json", summary]);
  };
  const ordersBase = async (): Promise<number> => {
    const r = await runCli(["query", "MATCH (p:DockerScoutPublicImage {id: 'python:3.11-alpine'})-[:SHOULD_UPDATE_TO]->(t) RETURN count(t) AS n", "--store", store, "--json"]);
    assert.equal(r.code, 0, r.stderr);
    return Number((JSON.parse(r.stdout) as { n: number }[])[0]?.n);
  };

  test("first sync writes both reports", async () => {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(IN_PRACTICE_DIR, "orders-api-utf8.txt"), orders);
    copyFileSync(join(IN_PRACTICE_DIR, "warehouse-node-console.txt"), join(folder, "warehouse.txt"));
    const r = await sync();
    assert.equal(r.code, 0, r.stderr);
    assert.equal(await ordersBase(), 3);
  });

  test("the same report re-encoded as UTF-16 (PowerShell) syncs as before, cleanup runs", async () => {
    writeFileSync(orders, sample("orders-api-utf16le-bom.txt"));
    const r = await sync();
    assert.equal(r.code, 0, r.stderr);
    assert.equal(parseSummaryJson(summary).cleanup.ran, true);
    assert.equal(await ordersBase(), 3);
  });

  const damaged: [string, Buffer, RegExp][] = [
    ["emptied", Buffer.alloc(0), /held a report in the previous run but is now empty file/],
    ["replaced by a binary file", sample("screenshot.png"), /held a report in the previous run but is now binary content/],
    ["overwritten with other text", Buffer.from("# notes\nnothing here\n"), /held a report in the previous run but is now text without a report header/],
    ["damaged in a recommended tag", sample("orders-api-latin1-in-tag.txt"), /identity field.*byte offset \d+/],
    ["truncated after the base table", sample("orders-api-truncated-after-base.txt"), /^truncated:/],
    ["cut inside its last block", sample("orders-api-truncated-in-aliases.txt"), /^truncated:/],
  ];
  for (const [what, bytes, reason] of damaged) {
    test(`a report file ${what}: partial, cleanup skipped, its data kept`, async () => {
      writeFileSync(orders, bytes);
      const r = await sync();
      assert.equal(r.code, 3, `${r.stdout}\n${r.stderr}`);
      const s = parseSummaryJson(summary);
      assert.equal(s.cleanup.ran, false);
      assert.deepEqual(s.failures.map((f) => f.uri.endsWith("orders.txt")), [true]);
      assert.match(s.failures[0]?.reason ?? "", reason);
      assert.equal(await ordersBase(), 3, "the orders report's recommendations are still there");
    });
  }

  test("a Latin-1 byte in a benefit reads through with a warning naming the byte offset", async () => {
    writeFileSync(orders, sample("orders-api-latin1-in-benefit.txt"));
    const r = await sync();
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /orders\.txt with replacement characters: bytes not valid UTF-8 at byte offset \d+/);
    const s = parseSummaryJson(summary) as unknown as { warnings: { uri: string }[] };
    assert.equal(s.warnings.length, 1);
    assert.equal(await ordersBase(), 3);
  });

  test("deleting the file retires the report: cleanup deletes its data", async () => {
    rmSync(orders);
    const r = await sync();
    assert.equal(r.code, 0, r.stderr);
    assert.equal(await ordersBase(), 0);
  });
});
