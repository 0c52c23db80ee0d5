// End to end: the built CLI syncing into the embedded store (a temp file), then read back with
// `scoutgraph query`.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { nobodyCannotRead } from "../support/as-nobody.js";
import { CLI_PATH, FIXTURE_REPORTS_DIR } from "../support/fixtures.js";
import {
  fixture,
  parseSummaryJson,
  reportsDir,
  runCli,
  tempDir,
  writeMalformedReport,
  type CliResult,
} from "./sync-support.js";

async function queryJson(store: string, cypher: string): Promise<Record<string, unknown>[]> {
  const r = await runCli(["query", cypher, "--store", store, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>[];
}

async function count(store: string, cypher: string): Promise<number> {
  const rows = await queryJson(store, `${cypher} RETURN count(*) AS n`);
  return Number(rows[0]?.n);
}

async function graphCounts(store: string): Promise<Record<string, number>> {
  return {
    publicImages: await count(store, "MATCH (:DockerScoutPublicImage)"),
    tags: await count(store, "MATCH (:DockerScoutPublicImageTag)"),
    images: await count(store, "MATCH (:Image)"),
    builtOn: await count(store, "MATCH (:Image)-[:BUILT_ON]->(:DockerScoutPublicImage)"),
    builtFrom: await count(store, "MATCH (:DockerScoutPublicImage)-[:BUILT_FROM]->(:DockerScoutPublicImageTag)"),
    shouldUpdateTo: await count(store, "MATCH (:DockerScoutPublicImage)-[:SHOULD_UPDATE_TO]->(:DockerScoutPublicImageTag)"),
  };
}

function sync(source: string, store: string, ...extra: string[]): Promise<CliResult> {
  return runCli(["sync", "--docker-scout-source", source, "--store", store, ...extra]);
}

describe("scoutgraph sync into the embedded store", () => {
  const work = tempDir();
  const store = join(work, "graph.db");
  const source = reportsDir();
  const summaryPath = join(work, "summary.json");

  test("the example reports load: exit 0, summary on stdout and as JSON, cleanup ran", async () => {
    const r = await sync(source, store, "--update-tag", "1000", "--summary-json", summaryPath);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^scoutgraph sync: ok/);
    assert.match(r.stdout, /8 listed, 8 ingested, 0 not a report, 0 no base image, 0 skipped, 0 failed/);
    assert.match(r.stdout, /8 BUILT_ON links/);
    assert.match(r.stdout, /cleanup +done/);
    assert.match(r.stderr, /Using Docker Scout recommendation reports from/);
    const s = parseSummaryJson(summaryPath);
    assert.equal(s.status, "ok");
    assert.equal(s.updateTag, 1000);
    assert.deepEqual(s.reports, { listed: 8, skipped: 0, notReports: 0, noBaseImage: 0, ingested: 8, failed: 0 });
    assert.equal(s.cleanup.ran, true);
    assert.equal(s.written.builtOnLinks, 8);
    assert.ok(s.written.nodes > 8 && s.written.relationships > 8);
    // The embedded store makes each report's target an Image node, linked to its base image.
    const linked = await queryJson(store, "MATCH (i:Image)-[:BUILT_ON]->(p:DockerScoutPublicImage) RETURN i.name AS image, p.id AS base ORDER BY image");
    assert.equal(linked.length, 8);
    assert.deepEqual(linked[0], { image: "fieldnotes/intranet-php:2.8.1", base: "php:8.3-fpm-alpine" });
    const lastupdated = await queryJson(store, "MATCH (p:DockerScoutPublicImage) RETURN DISTINCT p.lastupdated AS t");
    assert.deepEqual(lastupdated, [{ t: 1000 }]);
  });

  test("a re-run is idempotent: same graph, nothing deleted", async () => {
    const before = await graphCounts(store);
    const r = await sync(source, store, "--update-tag", "1001", "--summary-json", summaryPath);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(await graphCounts(store), before);
    const s = parseSummaryJson(summaryPath);
    assert.deepEqual([s.cleanup.nodesDeleted, s.cleanup.relationshipsDeleted], [0, 0]);
  });

  test("a malformed report fails the run partially (exit 3) and blocks cleanup of a removed report", async () => {
    rmSync(join(source, "checkout-ruby-full.txt"));
    writeMalformedReport(join(source, "truncated.txt"));
    const r = await sync(source, store, "--update-tag", "1002", "--summary-json", summaryPath);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /truncated\.txt/);
    const s = parseSummaryJson(summaryPath);
    assert.equal(s.status, "partial");
    assert.equal(s.reports.failed, 1);
    assert.equal(s.reports.ingested, 7);
    assert.match(s.failures[0]?.uri ?? "", /truncated\.txt$/);
    assert.ok((s.failures[0]?.reason ?? "").length > 0);
    assert.deepEqual(s.cleanup, { ran: false, reason: "1 report(s) failed to read or parse" });
    assert.match(r.stdout, /truncated\.txt: /);
    // The removed report's base image and target are still there: nothing was deleted.
    assert.equal(await count(store, "MATCH (p:DockerScoutPublicImage {id: 'ruby:3.2-alpine'})"), 1);
    assert.equal(await count(store, "MATCH (i:Image {name: 'ghcr.io/northwind-labs/checkout:7.3.0'})"), 1);
  });

  test("once the run is clean again, cleanup removes what the removed report wrote", async () => {
    rmSync(join(source, "truncated.txt"));
    const r = await sync(source, store, "--update-tag", "1003", "--summary-json", summaryPath);
    assert.equal(r.code, 0, r.stderr);
    const s = parseSummaryJson(summaryPath);
    assert.equal(s.cleanup.ran, true);
    assert.ok((s.cleanup.nodesDeleted ?? 0) > 0);
    assert.equal(await count(store, "MATCH (p:DockerScoutPublicImage {id: 'ruby:3.2-alpine'})"), 0);
    assert.equal(await count(store, "MATCH (i:Image {name: 'ghcr.io/northwind-labs/checkout:7.3.0'})"), 0);
    assert.equal(await count(store, "MATCH (:Image)-[:BUILT_ON]->(:DockerScoutPublicImage)"), 7);
  });

  test("an unreadable file is a failure (exit 3): no cleanup, the other reports are written", async (t) => {
    const unreachable = nobodyCannotRead(CLI_PATH);
    if (unreachable) return t.skip(unreachable);
    const dir = reportsDir(["cartography-sample.txt", "checkout-ruby-full.txt"]);
    const db = join(tempDir(), "graph.db");
    chmodSync(join(dir, "checkout-ruby-full.txt"), 0o000);
    // chmod 000 does not stop root: run the CLI as `nobody` then.
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    const r = await runCli(["sync", "--docker-scout-source", dir, "--store", db], uid === undefined ? {} : { uid });
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stdout, /1 ingested, .* 1 failed/);
    assert.match(r.stdout, /checkout-ruby-full\.txt: /);
    assert.match(r.stdout, /cleanup +skipped: 1 report\(s\) failed to read or parse/);
  });
});

describe("sync outcomes by source content", () => {
  test("not-reports and an unresolved base image are skipped, not failures", async () => {
    const dir = reportsDir(["checkout-cves-not-a-report.txt", "project-readme-not-a-report.txt", "audit-log-distroless-base-unresolved.txt", "cartography-sample.txt"], FIXTURE_REPORTS_DIR);
    writeFileSync(join(dir, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0x01]));
    const summary = join(tempDir(), "s.json");
    const r = await sync(dir, join(tempDir(), "g.db"), "--summary-json", summary);
    assert.equal(r.code, 0, r.stderr);
    const s = parseSummaryJson(summary);
    assert.deepEqual(s.reports, { listed: 5, skipped: 0, notReports: 3, noBaseImage: 1, ingested: 1, failed: 0 });
    assert.equal(s.cleanup.ran, true);
  });

  test("only not-reports: fatal (exit 1) like an empty source, and parse says the same", async () => {
    const dir = reportsDir(["project-readme-not-a-report.txt", "checkout-cves-not-a-report.txt"], FIXTURE_REPORTS_DIR);
    const store = join(tempDir(), "g.db");
    assert.equal((await sync(reportsDir(["checkout-ruby-full.txt"]), store)).code, 0);
    const r = await sync(dir, store);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /No Docker Scout report found in .*: 2 files listed, none is a report/);
    assert.match(r.stdout, /scoutgraph sync: failed/);
    const q = await runCli(["query", "--store", store, "--json", "MATCH (p:DockerScoutPublicImage) RETURN count(p) AS n"]);
    assert.equal(q.code, 0, q.stderr);
    assert.equal((JSON.parse(q.stdout) as { n: number }[])[0]?.n, 1, "the earlier graph is kept");
    const p = await runCli(["parse", dir]);
    assert.equal(p.code, 1, p.stderr);
    assert.match(p.stderr, /No Docker Scout report found in .*: 2 files listed, none is a report/);
  });

  test("an empty folder: parse and sync both exit 1 with the same line", async () => {
    const dir = join(tempDir(), "empty-too");
    mkdirSync(dir);
    const p = await runCli(["parse", dir]);
    assert.equal(p.code, 1, p.stderr);
    assert.match(p.stderr, /No Docker Scout report files found in/);
  });

  test("an empty source is fatal (exit 1) with a clear message", async () => {
    const dir = join(tempDir(), "empty");
    mkdirSync(dir);
    const r = await sync(dir, join(tempDir(), "g.db"));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /No Docker Scout report files found in/);
    assert.match(r.stdout, /scoutgraph sync: failed/);
  });

  test("every report failing is fatal (exit 1): nothing was written", async () => {
    const dir = join(tempDir(), "bad");
    mkdirSync(dir);
    writeMalformedReport(join(dir, "a.txt"));
    const r = await sync(dir, join(tempDir(), "g.db"));
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /0 ingested, .* 1 failed/);
  });

  test("a single report file is a source", async () => {
    const dir = reportsDir(["checkout-ruby-full.txt"]);
    const r = await sync(join(dir, "checkout-ruby-full.txt"), join(tempDir(), "g.db"));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /1 listed, 1 ingested/);
  });

  test("a missing folder is a configuration error (exit 2)", async () => {
    const r = await sync(join(tempDir(), "nope"), join(tempDir(), "g.db"));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nope/);
  });

  test("reports are processed in code-point order of their names, whatever the read concurrency", async () => {
    const dir = reportsDir([]);
    copyFileSync(join(fixture("cartography-sample.txt")), join(dir, "b.txt"));
    copyFileSync(join(fixture("cartography-sample.txt")), join(dir, "a.txt"));
    const r = await runCli(["sync", "--docker-scout-source", dir, "--store", join(tempDir(), "g.db"), "--debug", "--log-format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    const parsed = r.stderr
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { msg: string; level: string })
      .filter((l) => l.msg.startsWith("Parsed "));
    assert.deepEqual(
      parsed.map((l) => /\/([ab])\.txt/.exec(l.msg)?.[1]),
      ["a", "b"],
    );
    assert.equal(parsed[0]?.level, "debug");
  });
});
