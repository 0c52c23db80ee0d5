// The Neo4j connection options as a user types them, through the real CLI: URIs that carry a
// password, a bad port, no scheme or an HTTP scheme are refused (exit 2) before anything connects,
// never echoing the password; an unreachable server fails fast in every command with one line;
// password options that cannot work are errors. No server is needed (nothing listens on port 1).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { existsSync, readFileSync } from "node:fs";
import { reportsDir, runCli, tempDir } from "./sync-support.js";

const SECRET = "S3cr3t-in-uri";
const commands = (source: string): string[][] => [["sync", "--docker-scout-source", source], ["query", "RETURN 1"], ["report"], ["--docker-scout-source", source]];

describe("Neo4j connection options", () => {
  const source = reportsDir();

  test("a password inside --neo4j-uri (flag or environment) is refused, exit 2, and appears nowhere", async () => {
    for (const args of commands(source)) {
      const summary = join(tempDir(), "summary.json");
      const extra = args[0] === "sync" ? ["--summary-json", summary] : [];
      for (const run of [
        { argv: [...args, ...extra, "--neo4j-uri", `bolt://neo4j:${SECRET}@127.0.0.1:1`], env: {} },
        { argv: [...args, ...extra], env: { SCOUTGRAPH_NEO4J_URI: `neo4j+s://neo4j:${SECRET}@db.example.com` } },
      ]) {
        const r = await runCli(run.argv, { env: run.env });
        assert.equal(r.code, 2, `${run.argv.join(" ")}: ${r.stderr}`);
        assert.ok(!`${r.stdout}${r.stderr}`.includes(SECRET), `echoed: ${r.stderr}`);
        assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
        assert.match(r.stderr, /must not contain a user name or password; use --neo4j-user/);
        if (extra.length > 0) assert.ok(!existsSync(summary) || !readText(summary).includes(SECRET));
      }
    }
  });

  test("a port that is not a number, a missing scheme and http:// are refused with a hint (exit 2)", async () => {
    const cases: [string, RegExp][] = [
      ["bolt://127.0.0.1:notaport", /"notaport" is not a port number/],
      ["bolt://127.0.0.1:70000", /"70000" is not a port number/],
      ["127.0.0.1:7687", /needs a scheme, e\.g\. bolt:\/\/127\.0\.0\.1:7687/],
      ["localhost:7687", /needs a scheme, e\.g\. bolt:\/\/localhost:7687/],
      ["http://localhost:7474", /over Bolt, not HTTP; use bolt:\/\/localhost:7687/],
      ["ftp://localhost", /unknown scheme "ftp:\/\/"/],
    ];
    for (const [uri, expected] of cases) {
      for (const args of [["query", "RETURN 1"], ["report"], ["sync", "--docker-scout-source", source]]) {
        const r = await runCli([...args, "--neo4j-uri", uri]);
        assert.equal(r.code, 2, `${args[0]} ${uri}: ${r.stderr}`);
        assert.match(r.stderr, expected);
        assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
      }
    }
  });

  test("an unreachable Neo4j fails fast in sync, query and report: one line with a hint", async () => {
    for (const uri of ["bolt://127.0.0.1:1", "neo4j://127.0.0.1:1"]) {
      for (const args of [["query", "RETURN 1"], ["report"]]) {
        const started = Date.now();
        const r = await runCli([...args, "--neo4j-uri", uri]);
        const took = Date.now() - started;
        assert.equal(r.code, 1, r.stderr);
        assert.ok(took < 15_000, `${args[0]} ${uri} took ${took} ms`);
        assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
        assert.match(r.stderr, /cannot connect to Neo4j at .*: connection refused; is Neo4j running/);
        assert.doesNotMatch(r.stderr, /Please ensure that your database|default encryption setting/);
      }
    }
    const r = await runCli(["sync", "--docker-scout-source", source, "--neo4j-uri", "bolt://127.0.0.1:1"]);
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stdout + r.stderr, /Please ensure that your database|default encryption setting/);
  });

  test("--neo4j-password-env-var without --neo4j-user is an error; the warning names the variable", async () => {
    const r = await runCli(["query", "RETURN 1", "--neo4j-uri", "bolt://127.0.0.1:1", "--neo4j-password-env-var", "PW"]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /--neo4j-password-env-var needs --neo4j-user/);
    const unset = await runCli(["query", "RETURN 1", "--neo4j-uri", "bolt://127.0.0.1:1", "--neo4j-user", "neo4j", "--neo4j-password-env-var", "MY_PW_VAR"], { env: { MY_PW_VAR: undefined } });
    assert.match(unset.stderr, /password could not be found: the environment variable MY_PW_VAR is not set/);
  });

  test("a flag beats its rival's environment variable; two variables are named as variables", async () => {
    const flagWins = await runCli(["query", "RETURN 1", "--neo4j-uri", "bolt://127.0.0.1:1"], { env: { SCOUTGRAPH_STORE: "/tmp/x.db" } });
    assert.equal(flagWins.code, 1, flagWins.stderr);
    assert.match(flagWins.stderr, /cannot connect to Neo4j/);
    const storeWins = await runCli(["query", "RETURN 1", "--store", join(tempDir(), "none")], { env: { SCOUTGRAPH_NEO4J_URI: "bolt://127.0.0.1:1" } });
    assert.doesNotMatch(storeWins.stderr, /select different stores|Neo4j/);
    const both = await runCli(["query", "RETURN 1"], { env: { SCOUTGRAPH_STORE: "/tmp/x.db", SCOUTGRAPH_NEO4J_URI: "bolt://127.0.0.1:1" } });
    assert.equal(both.code, 2);
    assert.match(both.stderr, /SCOUTGRAPH_STORE \(the embedded store\) and SCOUTGRAPH_NEO4J_URI \(Neo4j\) select different stores/);
    const source = await runCli(["sync", "--docker-scout-source", join(tempDir(), "missing")], { env: { SCOUTGRAPH_DOCKER_SCOUT_RESULTS_DIR: "/tmp" } });
    assert.doesNotMatch(source.stderr, /Cannot use/);
  });
});

function readText(path: string): string {
  return readFileSync(path, "utf8");
}
