import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { originOf, resolveOptions } from "../../src/cli/option-values.js";
import { envVarOf, OPTIONS, optionsFor } from "../../src/cli/options.js";
import { ScoutgraphError } from "../../src/errors.js";

describe("option declarations", () => {
  test("every option has a key and flag unique within each command, and a unique SCOUTGRAPH_ environment variable", () => {
    // One flag may mean different things on commands that never share it (--concurrency: reports
    // read by sync, Scout runs of scan); each then has its own environment variable.
    const perCommand = OPTIONS.flatMap((o) => o.commands.map((c) => `${c} ${o.key} ${o.long}`));
    const keys = new Set(OPTIONS.flatMap((o) => o.commands.map((c) => `${c} ${o.key}`)));
    const flags = new Set(OPTIONS.flatMap((o) => o.commands.map((c) => `${c} ${o.long}`)));
    const envs = new Set(OPTIONS.map(envVarOf));
    assert.equal(keys.size, perCommand.length);
    assert.equal(flags.size, perCommand.length);
    assert.equal(envs.size, OPTIONS.length);
    for (const env of envs) assert.match(env, /^SCOUTGRAPH_[A-Z0-9_]+$/);
  });

  test("sync and the Cartography form share the source, store and run options", () => {
    const sync = new Set(optionsFor("sync").map((o) => o.key));
    for (const key of ["dockerScoutSource", "neo4jUri", "neo4jPasswordEnvVar", "updateTag", "batchSize", "summaryJson"]) {
      assert.ok(sync.has(key), key);
      assert.ok(optionsFor("cartography").some((o) => o.key === key), key);
    }
    assert.ok(!sync.has("selectedModules"));
    assert.ok(optionsFor("query").some((o) => o.key === "json"));
  });
});

describe("resolveOptions: flag beats environment beats default", () => {
  test("defaults apply when nothing is given", () => {
    const r = resolveOptions("sync", {}, {});
    assert.equal(r.values.batchSize, 5000);
    assert.equal(r.values.store, "./scoutgraph-db");
    assert.equal(r.values.logFormat, "text");
    assert.equal(r.values.updateTag, undefined);
    assert.equal(r.sources.batchSize, "default");
  });

  test("the environment beats the default and is parsed by type", () => {
    const r = resolveOptions("sync", {}, { SCOUTGRAPH_BATCH_SIZE: "25", SCOUTGRAPH_QUIET: "true", SCOUTGRAPH_DEBUG: "0" });
    assert.equal(r.values.batchSize, 25);
    assert.equal(r.values.quiet, true);
    assert.equal(r.values.debug, false);
    assert.equal(r.sources.batchSize, "env");
  });

  test("a flag beats the environment", () => {
    const r = resolveOptions("sync", { batchSize: "7", logFormat: "json" }, { SCOUTGRAPH_BATCH_SIZE: "25", SCOUTGRAPH_LOG_FORMAT: "text" });
    assert.equal(r.values.batchSize, 7);
    assert.equal(r.values.logFormat, "json");
    assert.equal(r.sources.batchSize, "flag");
  });

  test("an empty environment variable counts as unset", () => {
    assert.equal(resolveOptions("sync", {}, { SCOUTGRAPH_STORE: "" }).values.store, "./scoutgraph-db");
  });

  test("bad values are usage errors naming the flag or variable", () => {
    const usage = (fn: () => unknown, pattern: RegExp) =>
      assert.throws(fn, (err: unknown) => err instanceof ScoutgraphError && err.code === "USAGE" && pattern.test(err.message));
    usage(() => resolveOptions("sync", { batchSize: "ten" }, {}), /--batch-size expects an integer/);
    usage(() => resolveOptions("sync", {}, { SCOUTGRAPH_UPDATE_TAG: "soon" }), /SCOUTGRAPH_UPDATE_TAG expects an integer/);
    usage(() => resolveOptions("sync", {}, { SCOUTGRAPH_QUIET: "maybe" }), /SCOUTGRAPH_QUIET expects true or false/);
    usage(() => resolveOptions("sync", { logFormat: "xml" }, {}), /--log-format must be one of text, json/);
  });

  test("deprecated and ignored options that were given are listed once each", () => {
    const r = resolveOptions("cartography", { statsdEnabled: true }, { SCOUTGRAPH_DOCKER_SCOUT_RESULTS_DIR: "x", SCOUTGRAPH_DOCKER_SCOUT_S3_BUCKET: "b" });
    assert.deepEqual(r.deprecated.map((d) => d.long).sort(), ["docker-scout-results-dir", "docker-scout-s3-bucket"]);
    assert.deepEqual(r.ignored.map((d) => d.long), ["statsd-enabled"]);
  });

  test("a flag beats the environment variables of its rivals (same store, same source), not unrelated ones", () => {
    const r = resolveOptions("sync", { neo4jUri: "bolt://h:1" }, { SCOUTGRAPH_STORE: "x.db", SCOUTGRAPH_BATCH_SIZE: "7" });
    assert.equal(r.values.store, "./scoutgraph-db");
    assert.equal(r.sources.store, "default");
    assert.equal(r.values.batchSize, 7);
    const s = resolveOptions("sync", { dockerScoutResultsDir: "x" }, { SCOUTGRAPH_DOCKER_SCOUT_S3_BUCKET: "b" });
    assert.equal(s.values.dockerScoutS3Bucket, undefined);
    assert.deepEqual(s.deprecated.map((d) => d.long), ["docker-scout-results-dir"]);
    const both = resolveOptions("sync", {}, { SCOUTGRAPH_STORE: "x.db", SCOUTGRAPH_NEO4J_URI: "bolt://h:1" });
    assert.equal(both.values.store, "x.db");
    assert.equal(originOf(both, "store"), "SCOUTGRAPH_STORE");
    assert.equal(originOf(r, "neo4jUri"), "--neo4j-uri");
  });
});
