// End to end: the built CLI syncing into a real Neo4j (scripts/neo4j.mjs), in both command forms,
// with BUILT_ON to pre-existing Image nodes, cleanup rules, credentials and `query`.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { wipeNeo4j } from "../support/neo4j-admin.js";
import { NEO4J_URI } from "../support/services.js";
import { parseSummaryJson, reportsDir, runCli, tempDir, writeMalformedReport, type CliResult } from "./sync-support.js";

// A provider-owned Image (as Cartography's ECR module writes it) that the checkout report's short
// digest `5c0f9e2a71d4` is a prefix of.
const CHECKOUT_DIGEST = "sha256:5c0f9e2a71d4" + "0".repeat(52);

describe("scoutgraph sync into Neo4j", () => {
  let driver: Driver;
  const source = reportsDir();
  const summary = join(tempDir(), "summary.json");

  const read = async (cypher: string): Promise<Record<string, unknown>[]> => {
    const result = await driver.executeQuery(cypher, {}, { routing: "READ" });
    return result.records.map((r) => r.toObject() as Record<string, unknown>);
  };
  const count = async (cypher: string): Promise<number> => Number((await read(`${cypher} RETURN count(*) AS n`))[0]?.n);
  const sync = (...extra: string[]): Promise<CliResult> =>
    runCli(["sync", "--docker-scout-source", source, "--neo4j-uri", NEO4J_URI, "--summary-json", summary, ...extra]);

  const emptyGraph = (): Promise<void> => wipeNeo4j(driver);

  before(async () => {
    driver = neo4j.driver(NEO4J_URI);
    await emptyGraph();
    await driver.executeQuery("CREATE (:Image:ECRImage {id: $d, _ont_digest: $d})", { d: CHECKOUT_DIGEST });
  });
  after(async () => {
    await emptyGraph();
    await driver.close();
  });

  test("the Cartography command line loads the reports and links the matching Image", async () => {
    const r = await runCli([
      "--neo4j-uri", NEO4J_URI, "--selected-modules", "docker_scout", "--docker-scout-source", source,
      "--update-tag", "500", "--summary-json", summary,
    ]);
    assert.equal(r.code, 0, r.stderr);
    const s = parseSummaryJson(summary);
    assert.equal(s.reports.ingested, 8);
    assert.equal(s.written.builtOnLinks, 1);
    assert.equal(s.unmatchedDigests.count, 7);
    assert.equal(s.cleanup.ran, true);
    assert.match(r.stdout, /7 report\(s\) whose target digest matched no Image/);
    assert.match(r.stderr, /only 1 of 8 reports matched an Image node, .*pass --create-target-images .*or run Cartography's registry modules/);
    assert.match(r.stdout, /unmatched reports \(file, target digest\):\n {2}\S+cartography-sample\.txt {2}\S+/);
    assert.equal(s.unmatchedReports.length, 7);
    assert.ok(s.unmatchedReports.every((u) => u.uri.endsWith(".txt") && (u.digest === null || !u.digest.endsWith(".txt"))));
    assert.ok(s.unmatchedReports.some((u) => u.digest !== null && /^(sha256:)?[0-9a-f]{12,}$/.test(u.digest)), JSON.stringify(s.unmatchedReports));
    const linked = await read("MATCH (i:Image)-[r:BUILT_ON]->(p:DockerScoutPublicImage) RETURN i.id AS image, p.id AS base, r._sub_resource_label AS label");
    assert.deepEqual(linked, [{ image: CHECKOUT_DIGEST, base: "ruby:3.2-alpine", label: "DockerScout" }]);
    assert.equal(await count("MATCH (:Image)"), 1, "without --create-target-images no Image is created");
    const types = await read("MATCH (p:DockerScoutPublicImage) RETURN DISTINCT valueType(p.lastupdated) AS t, p.lastupdated AS v");
    assert.deepEqual(types, [{ t: "INTEGER NOT NULL", v: neo4j.int(500) }]);
  });

  test("a re-run with another update tag leaves the same graph and deletes nothing", async () => {
    const shape = async () => [
      await count("MATCH (:DockerScoutPublicImage)"),
      await count("MATCH (:DockerScoutPublicImageTag)"),
      await count("MATCH ()-[r]->()"),
    ];
    const before = await shape();
    const r = await sync("--update-tag", "501");
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(await shape(), before);
    const cleanup = parseSummaryJson(summary).cleanup;
    assert.deepEqual([cleanup.ran, cleanup.nodesDeleted, cleanup.relationshipsDeleted], [true, 0, 0]);
    assert.equal(await count("MATCH (n:DockerScoutPublicImage) WHERE n.lastupdated <> 501"), 0);
  });

  test("--create-target-images makes each target an Image linked BUILT_ON", async () => {
    const r = await sync("--update-tag", "502", "--create-target-images");
    assert.equal(r.code, 0, r.stderr);
    assert.equal(await count("MATCH (:Image)"), 9);
    assert.equal(await count("MATCH (:Image)-[:BUILT_ON]->(:DockerScoutPublicImage)"), 9);
    assert.equal(parseSummaryJson(summary).unmatchedDigests.count, 0);
  });

  test("a failed report blocks cleanup (exit 3); the next clean run deletes the removed report's data", async () => {
    rmSync(join(source, "session-store-redis-up-to-date.txt"));
    writeMalformedReport(join(source, "zz-truncated.txt"));
    const partial = await sync("--update-tag", "503");
    assert.equal(partial.code, 3, partial.stderr);
    assert.equal(parseSummaryJson(summary).cleanup.ran, false);
    assert.equal(await count("MATCH (p:DockerScoutPublicImage {id: 'redis:7.4-alpine'})"), 1);
    assert.equal(await count("MATCH (:Image)"), 9, "the provider's Image and the targets stay");

    rmSync(join(source, "zz-truncated.txt"));
    const clean = await sync("--update-tag", "504");
    assert.equal(clean.code, 0, clean.stderr);
    assert.equal(await count("MATCH (p:DockerScoutPublicImage {id: 'redis:7.4-alpine'})"), 0);
    assert.equal(await count(`MATCH (i:Image {id: '${CHECKOUT_DIGEST}'})`), 1, "cleanup never deletes a provider's Image");
    assert.equal(await count("MATCH (:Image)-[:BUILT_ON]->(:DockerScoutPublicImage)"), 1, "only the provider's link is refreshed");
  });

  test("a password comes from the variable --neo4j-password-env-var names, or a prompt, and is never printed", async () => {
    const secret = "s3cret-pass-123";
    const fromEnv = await sync("--neo4j-user", "neo4j", "--neo4j-password-env-var", "MY_NEO4J_PW", "--debug");
    // Auth is off on the test server, so any password is accepted: what matters is that it is read and not shown.
    assert.equal(fromEnv.code, 0, fromEnv.stderr);
    const withEnv = await runCli(
      ["sync", "--docker-scout-source", source, "--neo4j-uri", NEO4J_URI, "--neo4j-user", "neo4j", "--neo4j-password-env-var", "MY_NEO4J_PW", "--debug"],
      { env: { MY_NEO4J_PW: secret } },
    );
    assert.equal(withEnv.code, 0, withEnv.stderr);
    assert.doesNotMatch(withEnv.stdout + withEnv.stderr, new RegExp(secret));
    assert.doesNotMatch(withEnv.stderr, /password could not be found/);
    assert.match(fromEnv.stderr, /Neo4j username was provided but a password could not be found: the environment variable MY_NEO4J_PW is not set\./);
    const prompted = await runCli(
      ["sync", "--docker-scout-source", source, "--neo4j-uri", NEO4J_URI, "--neo4j-user", "neo4j", "--neo4j-password-prompt"],
      { input: `${secret}\n` },
    );
    assert.equal(prompted.code, 0, prompted.stderr);
    assert.doesNotMatch(prompted.stdout + prompted.stderr, new RegExp(secret));
  });

  test("query reads Neo4j as a table or JSON, and refuses writes (exit 2)", async () => {
    const cypher = "MATCH (p:DockerScoutPublicImage {id: 'ruby:3.2-alpine'})-[r:SHOULD_UPDATE_TO]->(t) RETURN t.tag AS tag, r.fix_high AS fix_high ORDER BY tag";
    const table = await runCli(["query", cypher, "--neo4j-uri", NEO4J_URI]);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^tag +\| fix_high\n/);
    const json = await runCli(["query", cypher, "--neo4j-uri", NEO4J_URI, "--json"]);
    const rows = JSON.parse(json.stdout) as { tag: string; fix_high: number | null }[];
    const expected = await read(cypher);
    assert.deepEqual(rows.map((r) => r.tag), expected.map((r) => r.tag));
    assert.ok(rows.length > 0);
    const write = await runCli(["query", "MATCH (n) DETACH DELETE n", "--neo4j-uri", NEO4J_URI]);
    assert.equal(write.code, 2);
    assert.match(write.stderr, /read-only/);
    assert.ok((await count("MATCH (n)")) > 0);
  });

  test("an unreachable Neo4j is fatal (exit 1) and says so", async () => {
    const r = await runCli(["sync", "--docker-scout-source", source, "--neo4j-uri", "bolt://127.0.0.1:1", "--summary-json", summary]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /127\.0\.0\.1:1/);
    const s = parseSummaryJson(summary);
    assert.equal(s.status, "failed");
    assert.equal(s.error?.code, "STORE");
    assert.equal(s.cleanup.ran, false);
  });
});
