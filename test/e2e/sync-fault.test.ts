// Fault: the Neo4j server is killed (SIGKILL) in the middle of a 5,000-report sync. The run must
// end with exit 1 and no cleanup; after a restart (data kept), a re-run must leave exactly the
// graph a clean, uninterrupted run leaves. Uses its own server on a free port, started and stopped here.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import neo4j, { type Driver } from "neo4j-driver";
import { writeReports } from "../../bench/support/generate-reports.js";
import { REPO_ROOT } from "../support/fixtures.js";
import { freePort, neo4jScript, wipeNeo4j } from "../support/neo4j-admin.js";
import { parseSummaryJson, runCli, tempDir, type CliResult } from "./sync-support.js";

const PORT = await freePort();
const URI = `bolt://127.0.0.1:${PORT}`;
const PID_FILE = join(REPO_ROOT, ".cache", "neo4j", String(PORT), "server.pid");
const REPORTS = 5000;

/** The graph as comparable data: every node and relationship, without the per-run bookkeeping. */
async function canonicalGraph(driver: Driver): Promise<string[]> {
  const strip = (props: Record<string, unknown>): string =>
    JSON.stringify(
      Object.entries(props)
        .filter(([k]) => k !== "firstseen" && k !== "lastupdated")
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, neo4j.isInt(v) ? v.toString() : v]),
    );
  const nodes = await driver.executeQuery("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props");
  const rels = await driver.executeQuery("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props");
  return [
    ...nodes.records.map((r) => `node ${JSON.stringify([...(r.get("labels") as string[])].sort())} ${strip(r.get("props") as Record<string, unknown>)}`),
    ...rels.records.map((r) => `rel ${String(r.get("type"))} ${String(r.get("from"))} -> ${String(r.get("to"))} ${strip(r.get("props") as Record<string, unknown>)}`),
  ].sort();
}

/** Data an earlier run left: stale for every later run, so only a cleanup would delete it. */
async function seedEarlierRun(driver: Driver): Promise<void> {
  await driver.executeQuery(
    `CREATE (p:DockerScoutPublicImage {id: 'old:1', name: 'old', tag: '1', alternative_tags: [], lastupdated: 1, _module_name: 'cartography:docker_scout'})
     CREATE (t:DockerScoutPublicImageTag {id: 'old:1', name: 'old', tag: '1', is_slim: false, lastupdated: 1, _module_name: 'cartography:docker_scout'})
     CREATE (p)-[:BUILT_FROM {lastupdated: 1, _module_name: 'cartography:docker_scout'}]->(t)`,
  );
}


describe("a Neo4j server killed mid-sync", { timeout: 900_000 }, () => {
  const source = join(tempDir(), "reports");
  let driver: Driver;

  before(() => {
    writeReports(source, REPORTS);
    neo4jScript("start", PORT);
    driver = neo4j.driver(URI);
  });

  after(async () => {
    await driver.close();
    neo4jScript("stop", PORT);
  });

  const sync = (updateTag: number, summary: string, ...extra: string[]): Promise<CliResult> =>
    runCli(
      ["sync", "--docker-scout-source", source, "--neo4j-uri", URI, "--create-target-images", "--update-tag", String(updateTag), "--summary-json", summary, ...extra],
      { timeoutMs: 600_000 },
    );

  test("exit 1 and no cleanup; the re-run's graph equals an uninterrupted run's", async () => {
    await seedEarlierRun(driver);
    const summary = join(tempDir(), "killed.json");
    // Small batches: many write transactions, so the kill lands in the middle of the run.
    const running = sync(2, summary, "--batch-size", "100");

    // Kill the server once some, but not all, of the reports are in.
    for (;;) {
      await sleep(200);
      const records = await driver.executeQuery("MATCH (i:Image) RETURN count(i) AS n").catch(() => undefined);
      const n = Number(records?.records[0]?.get("n") ?? 0);
      if (n >= 300) break;
    }
    const pid = Number(readFileSync(PID_FILE, "utf8").trim());
    process.kill(pid, "SIGKILL");

    const killed = await running;
    assert.equal(killed.code, 1, `${killed.stdout}\n${killed.stderr}`);
    const s = parseSummaryJson(summary);
    assert.equal(s.status, "failed");
    assert.equal(s.error?.code, "STORE");
    assert.equal(s.cleanup.ran, false);
    assert.ok(s.reports.ingested < REPORTS, `the kill came too late: ${s.reports.ingested} reports ingested`);

    // Restart with the data kept: what was written is there, and nothing was cleaned up.
    await driver.close();
    neo4jScript("start", PORT, { keepData: true });
    driver = neo4j.driver(URI);
    const kept = await driver.executeQuery("MATCH (i:Image) RETURN count(i) AS n");
    const written = Number(kept.records[0]?.get("n"));
    assert.ok(written > 0 && written < REPORTS, `partial data expected, found ${written} Image nodes`);
    const stale = await driver.executeQuery("MATCH (p:DockerScoutPublicImage {id: 'old:1'}) RETURN count(p) AS n");
    assert.equal(Number(stale.records[0]?.get("n")), 1, "the failed run must not clean up");

    // The re-run completes and cleans up.
    const rerun = await sync(3, join(tempDir(), "rerun.json"));
    assert.equal(rerun.code, 0, rerun.stderr);
    const afterRerun = await canonicalGraph(driver);

    // A clean run on the same starting state.
    await wipeNeo4j(driver, PORT);
    await seedEarlierRun(driver);
    const clean = await sync(4, join(tempDir(), "clean.json"));
    assert.equal(clean.code, 0, clean.stderr);
    const afterClean = await canonicalGraph(driver);

    assert.equal(afterRerun.length, afterClean.length);
    assert.deepEqual(afterRerun, afterClean);
    assert.ok(!afterClean.some((line) => line.includes('"old:1"')), "cleanup removed the earlier run's data");
  });
});

