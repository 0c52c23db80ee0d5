// End to end: the command line itself — the Cartography form, environment variables and their
// precedence, deprecated flags, usage errors and help — against the embedded store.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { parseSummaryJson, reportsDir, runCli, tempDir } from "./sync-support.js";
import { EXAMPLES_DIR as EXAMPLES } from "../support/fixtures.js";

const source = reportsDir(["cartography-sample.txt", "checkout-ruby-full.txt"]);
const db = (): string => join(tempDir(), "graph.db");

describe("the Cartography command line form", () => {
  test("--selected-modules docker_scout --docker-scout-source runs the sync without a subcommand", async () => {
    const summary = join(tempDir(), "s.json");
    const r = await runCli([
      "--selected-modules", "docker_scout", "--docker-scout-source", source, "--store", db(),
      "--update-tag", "77", "-v", "--statsd-enabled", "--log-timestamps", "--summary-json", summary,
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(parseSummaryJson(summary).reports.ingested, 2);
    assert.equal(parseSummaryJson(summary).updateTag, 77);
    assert.match(r.stderr, /Ignored for Cartography compatibility: --log-timestamps, --statsd-enabled/);
    assert.match(r.stderr, /DEBUG/, "-v is Cartography's --debug");
  });

  test("create-indexes,docker_scout is accepted (Cartography's recommended order)", async () => {
    const r = await runCli(["--selected-modules", "create-indexes,docker_scout", "--docker-scout-source", source, "--store", db()]);
    assert.equal(r.code, 0, r.stderr);
  });

  test("another module is a usage error that names the modules scoutgraph has", async () => {
    const r = await runCli(["--selected-modules", "aws,docker_scout", "--docker-scout-source", source, "--store", db()]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown module\(s\) "aws"; scoutgraph provides only create-indexes and docker_scout/);
  });

  test("without a source the module is skipped, as Cartography does (exit 0, no store touched)", async () => {
    const store = db();
    const r = await runCli(["--selected-modules", "docker_scout", "--store", store]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Docker Scout configuration not provided\. Skipping Docker Scout ingestion\./);
    assert.equal(r.stdout, "");
  });
});

describe("environment variables", () => {
  test("every option can come from SCOUTGRAPH_*; a flag beats its variable", async () => {
    const summary = join(tempDir(), "s.json");
    const env = {
      SCOUTGRAPH_DOCKER_SCOUT_SOURCE: source,
      SCOUTGRAPH_STORE: db(),
      SCOUTGRAPH_UPDATE_TAG: "111",
      SCOUTGRAPH_SUMMARY_JSON: summary,
      SCOUTGRAPH_QUIET: "1",
    };
    const fromEnv = await runCli(["sync"], { env });
    assert.equal(fromEnv.code, 0, fromEnv.stderr);
    assert.equal(parseSummaryJson(summary).updateTag, 111);
    assert.equal(fromEnv.stderr, "", "SCOUTGRAPH_QUIET=1 leaves only warnings");

    const fromFlag = await runCli(["sync", "--update-tag", "222"], { env });
    assert.equal(fromFlag.code, 0, fromFlag.stderr);
    assert.equal(parseSummaryJson(summary).updateTag, 222);
  });

  test("without --update-tag the update tag is the current Unix time in seconds", async () => {
    const summary = join(tempDir(), "s.json");
    const before = Math.floor(Date.now() / 1000);
    const r = await runCli(["sync", "--docker-scout-source", source, "--store", db(), "--summary-json", summary]);
    assert.equal(r.code, 0, r.stderr);
    const tag = parseSummaryJson(summary).updateTag;
    assert.ok(tag >= before && tag <= Math.floor(Date.now() / 1000), String(tag));
  });

  test("a bad value in a variable is a usage error naming the variable", async () => {
    const r = await runCli(["sync", "--docker-scout-source", source, "--store", db()], { env: { SCOUTGRAPH_BATCH_SIZE: "lots" } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /SCOUTGRAPH_BATCH_SIZE expects an integer, got "lots"/);
  });
});

describe("deprecated source flags", () => {
  test("--docker-scout-results-dir works like --docker-scout-source with exactly one deprecation warning", async () => {
    const r = await runCli(["sync", "--docker-scout-results-dir", source, "--store", db()]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /2 listed, 2 ingested/);
    assert.equal(r.stderr.match(/DEPRECATED/g)?.length, 1);
    assert.match(r.stderr, /DEPRECATED: --docker-scout-results-dir will be removed in scoutgraph 1.0.0; use --docker-scout-source instead\./);
  });

  test("conflicting source flags are usage errors (exit 2)", async () => {
    const both = await runCli(["sync", "--docker-scout-source", source, "--docker-scout-results-dir", source, "--store", db()]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /Cannot use --docker-scout-source with deprecated source flags/);
    const prefix = await runCli(["sync", "--docker-scout-s3-prefix", "p", "--store", db()]);
    assert.equal(prefix.code, 2);
    assert.match(prefix.stderr, /--docker-scout-s3-prefix requires --docker-scout-s3-bucket\./);
    const mixed = await runCli(["--docker-scout-results-dir", source, "--docker-scout-s3-bucket", "b", "--store", db()]);
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /Cannot use both --docker-scout-results-dir and --docker-scout-s3-bucket/);
  });

  test("they are hidden from --help, where --docker-scout-source is shown", async () => {
    for (const args of [["sync", "--help"], ["--help"]]) {
      const r = await runCli(args);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /--docker-scout-source <SOURCE>/);
      assert.doesNotMatch(r.stdout, /--docker-scout-results-dir|--docker-scout-s3-bucket|--docker-scout-s3-prefix/);
      assert.match(r.stdout, /SCOUTGRAPH_DOCKER_SCOUT_SOURCE/);
    }
  });
});

describe("usage errors exit 2", () => {
  const cases: [string, string[], RegExp][] = [
    ["no source", ["sync", "--store", "x.db"], /--docker-scout-source is required/],
    ["an unknown flag", ["sync", "--docker-scout-source", source, "--frobnicate"], /unknown option '--frobnicate'/],
    ["a non-integer batch size", ["sync", "--docker-scout-source", source, "--batch-size", "ten"], /--batch-size expects an integer/],
    ["a zero concurrency", ["sync", "--docker-scout-source", source, "--concurrency", "0"], /--concurrency must be a positive integer/],
    ["negative parse threads", ["sync", "--docker-scout-source", source, "--parse-threads", "-1"], /--parse-threads must be 0 or a positive integer/],
    ["too many parse threads", ["sync", "--docker-scout-source", source, "--parse-threads", "65"], /--parse-threads must be at most 64/],
    ["an unsupported scheme", ["sync", "--docker-scout-source", "ftp://host/x"], /Unsupported report source scheme 'ftp'/],
    ["an empty source", ["sync", "--docker-scout-source", ""], /Report source cannot be empty\./],
    ["a bad log format", ["sync", "--docker-scout-source", source, "--log-format", "xml"], /--log-format must be one of text, json/],
    ["--store with --neo4j-uri", ["sync", "--docker-scout-source", source, "--store", "x.db", "--neo4j-uri", "bolt://127.0.0.1:1"], /select different stores/],
    ["an unknown command", ["frobnicate"], /too many arguments|unknown command/],
  ];
  for (const [what, args, message] of cases) {
    test(what, async () => {
      const r = await runCli(args, { cwd: tempDir() });
      assert.equal(r.code, 2, `${r.stdout}\n${r.stderr}`);
      assert.match(r.stderr, message);
    });
  }

  test("no arguments at all prints help on stderr", async () => {
    const r = await runCli([]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Usage: scoutgraph/);
  });

  test("--version prints the package version", async () => {
    const r = await runCli(["--version"]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^\d+\.\d+\.\d+/);
  });
});

describe("--parse-threads", () => {
  test("0 (parse on the main thread) and 2 write the same graph as the default", async () => {
    const dump = "MATCH (n) OPTIONAL MATCH (n)-[r]->(m) RETURN labels(n) AS l, n.id AS id, label(r) AS t, m.id AS to ORDER BY id, t, to";
    const graphs: string[] = [];
    for (const threads of [[], ["--parse-threads", "0"], ["--parse-threads", "2"]]) {
      const store = db();
      const synced = await runCli(["sync", "--docker-scout-source", EXAMPLES, "--store", store, "--update-tag", "7", ...threads]);
      assert.equal(synced.code, 0, synced.stderr);
      const r = await runCli(["query", dump, "--store", store, "--json"]);
      assert.equal(r.code, 0, r.stderr);
      graphs.push(r.stdout);
    }
    assert.ok((JSON.parse(graphs[0] ?? "[]") as unknown[]).length > 20, graphs[0]);
    assert.equal(graphs[1], graphs[0]);
    assert.equal(graphs[2], graphs[0]);
  });
});
