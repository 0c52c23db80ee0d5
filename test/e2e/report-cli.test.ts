// End to end: `scoutgraph sync` then `scoutgraph report` as child processes, on the embedded store
// and on Neo4j, in every format, checked against the hand-worked fleet (test/insights/support).
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import { FORMATS } from "../../src/insights/render/index.js";
import { REPO_ROOT } from "../support/fixtures.js";
import { wipeNeo4j } from "../support/neo4j-admin.js";
import { NEO4J_URI } from "../support/services.js";
import { assertFleetReport, FLEET } from "../insights/support/fleet-expectations.js";
import { assertFormat } from "../insights/support/format-checks.js";
import { runCli, tempDir } from "./sync-support.js";

const FLEET_DIR = join(REPO_ROOT, "test", "fixtures", "fleet");

describe("scoutgraph report on the embedded store", () => {
  const dir = tempDir();
  const store = join(dir, "graph.db");

  before(async () => {
    const r = await runCli(["sync", "--docker-scout-source", FLEET_DIR, "--store", store]);
    assert.equal(r.code, 0, r.stderr);
  });

  for (const format of FORMATS) {
    test(`--format ${format}`, async () => {
      const r = await runCli(["report", "--store", store, "--format", format]);
      assert.equal(r.code, 0, r.stderr);
      assertFormat(format, r.stdout, "embedded");
    });
  }

  test("the default is the table, without colour when standard output is not a terminal", async () => {
    const r = await runCli(["report", "--store", store], { env: { NO_COLOR: undefined } });
    assert.equal(r.code, 0, r.stderr);
    assertFormat("table", r.stdout, "embedded");
  });

  test("--output writes the file and nothing to standard output", async () => {
    const out = join(dir, "fleet.html");
    const r = await runCli(["report", "--store", store, "--format", "html", "--output", out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "");
    assertFormat("html", readFileSync(out, "utf8"), "embedded");
  });

  test("filters from the command line and the environment", async () => {
    const r = await runCli(["report", "--store", store, "--format", "json", "--image", "*/shop/web-*", "--min-severity", "critical", "--top", "1"]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { images: { name: string }[]; topActions: { base: { id: string }; imageCount: number }[]; filters: unknown };
    assert.deepEqual(report.images.map((i) => i.name), ["registry.example.test/shop/web-a:1.4.0", "registry.example.test/shop/web-b:2.0.1"]);
    assert.deepEqual(report.topActions.map((a) => [a.base.id, a.imageCount]), [["node:20-alpine", 2]]);
    assert.deepEqual(report.filters, {
      image: "*/shop/web-*",
      base: null,
      minSeverity: "critical",
      top: 1,
      running: false,
      exposed: false,
      rankBy: null,
      groupBy: null,
      maxAgeSeconds: null,
    });
    const env = await runCli(["report", "--store", store, "--format", "json"], { env: { SCOUTGRAPH_BASE: "python" } });
    assert.deepEqual((JSON.parse(env.stdout) as { bases: { id: string }[] }).bases.map((b) => b.id), ["python:3.11-slim"]);
  });

  test("bad values are usage errors (exit 2) naming the option", async () => {
    for (const [args, pattern] of [
      [["--format", "pdf"], /--format/],
      [["--min-severity", "urgent"], /--min-severity/],
      [["--top", "0"], /--top/],
    ] as const) {
      const r = await runCli(["report", "--store", store, ...args]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, pattern);
    }
  });

  test("--help says how --image matches", async () => {
    const r = await runCli(["report", "--help"]);
    assert.equal(r.code, 0);
    assert.match(r.stdout.replace(/\s+/g, " "), /a glob over the whole name when PATTERN has \*, \? or \[.*otherwise a substring/);
  });
});

describe("scoutgraph report on Neo4j", () => {
  before(async () => {
    const driver = neo4j.driver(NEO4J_URI);
    try {
      await wipeNeo4j(driver);
      const rows = Object.entries(FLEET.digests).map(([uri, short]) => ({ id: `ecr-${short}`, digest: `sha256:${short}${"f".repeat(52)}`, uri }));
      await driver.executeQuery("UNWIND $rows AS row CREATE (:ECRImage:Image {id: row.id, _ont_digest: row.digest, _ont_uri: row.uri})", { rows });
    } finally {
      await driver.close();
    }
    const r = await runCli(["sync", "--docker-scout-source", FLEET_DIR, "--neo4j-uri", NEO4J_URI]);
    assert.equal(r.code, 0, r.stderr);
  });

  for (const format of FORMATS) {
    test(`--format ${format}`, async () => {
      const r = await runCli(["report", "--neo4j-uri", NEO4J_URI, "--format", format]);
      assert.equal(r.code, 0, r.stderr);
      assertFormat(format, r.stdout, "neo4j");
    });
  }

  test("Cartography's Image nodes are named by their _ont_uri; the two reports without an Image are listed", async () => {
    const r = await runCli(["report", "--neo4j-uri", NEO4J_URI, "--format", "json"]);
    const report = JSON.parse(r.stdout);
    assertFleetReport(report, "neo4j");
    assert.ok((report.images as { id: string }[]).every((i) => i.id.startsWith("ecr-")));
  });
});
