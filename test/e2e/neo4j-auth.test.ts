// Against a real Neo4j with authentication on (its own server on a free port, started and stopped
// here): the Cartography command line with a real password, a wrong or missing password, the
// prompt, and the test helpers' refusal to empty a server this run did not start.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import neo4j, { type Driver } from "neo4j-driver";
import { assertOurNeo4j, freePort, neo4jScript, wipeNeo4j } from "../support/neo4j-admin.js";
import { NEO4J_BOLT_PORT } from "../support/services.js";
import { reportsDir, runCli } from "./sync-support.js";

const PORT = await freePort();
const URI = `bolt://127.0.0.1:${PORT}`;
const PASSWORD = "S3cr3t-pass-for-tests";
const WRONG = "not-the-password-1";

describe("Neo4j with authentication on", { timeout: 300_000 }, () => {
  let driver: Driver;
  const source = reportsDir();
  const credentials = (envVar: string) => ["--neo4j-user", "neo4j", "--neo4j-password-env-var", envVar];
  const count = async (cypher: string): Promise<number> => Number((await driver.executeQuery(`${cypher} RETURN count(*) AS n`)).records[0]?.get("n"));

  before(async () => {
    neo4jScript("start", PORT, { password: PASSWORD, heap: "256m" });
    driver = neo4j.driver(URI, neo4j.auth.basic("neo4j", PASSWORD));
    await wipeNeo4j(driver, PORT);
  });
  after(async () => {
    await driver?.close();
    neo4jScript("stop", PORT);
  });

  test("report on a never-synced Neo4j says so and exits 1 with the command to run", async () => {
    const r = await runCli(["report", "--neo4j-uri", URI, ...credentials("NEO4J_PW")], { env: { NEO4J_PW: PASSWORD } });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, new RegExp(`no Docker Scout data in neo4j \\(${URI}\\) yet: .*scoutgraph sync --docker-scout-source SOURCE --neo4j-uri ${URI} --create-target-images`));
  });

  test("the Cartography command line with the password in an environment variable loads the reports", async () => {
    const r = await runCli(
      ["--neo4j-uri", URI, ...credentials("NEO4J_PW"), "--selected-modules", "docker_scout", "--docker-scout-source", source, "--create-target-images"],
      { env: { NEO4J_PW: PASSWORD } },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(await count("MATCH (:Image)-[:BUILT_ON]->(:DockerScoutPublicImage)"), 8);
    assert.ok(!`${r.stdout}${r.stderr}`.includes(PASSWORD), "the password is never printed");
  });

  test("the password from the prompt (standard input) works for query", async () => {
    const r = await runCli(["query", "MATCH (p:DockerScoutPublicImage) RETURN count(p) AS n", "--neo4j-uri", URI, "--neo4j-user", "neo4j", "--neo4j-password-prompt", "--json"], {
      input: `${PASSWORD}\n`,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(Number((JSON.parse(r.stdout) as { n: number }[])[0]?.n) > 0);
  });

  test("a wrong password fails fast with one line that names the problem and never the password", async () => {
    for (const args of [["sync", "--docker-scout-source", source], ["query", "RETURN 1"], ["report"]]) {
      const started = Date.now();
      const r = await runCli([...args, "--neo4j-uri", URI, ...credentials("NEO4J_PW")], { env: { NEO4J_PW: WRONG } });
      assert.equal(r.code, 1, `${args[0]}: ${r.stderr}`);
      assert.ok(Date.now() - started < 30_000, `${args[0]} took ${Date.now() - started} ms`);
      assert.match(r.stderr, /authentication|unauthorized|credentials/i, `${args[0]}: ${r.stderr}`);
      assert.ok(!r.stderr.includes(WRONG) && !r.stdout.includes(WRONG), `${args[0]} echoed the password`);
    }
  });

  test("no credentials against a server that requires them is an error, not an empty result", async () => {
    const r = await runCli(["query", "RETURN 1 AS x", "--neo4j-uri", URI]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /authentication|unauthorized|credentials/i);
  });

  test("the wipe helper refuses a server whose start nonce it does not hold, and deletes nothing", async () => {
    const before = await count("MATCH (n)");
    assert.ok(before > 0);
    // Claim the server is the run's main one: its nonce is another server's, so it is refused.
    assert.notEqual(PORT, NEO4J_BOLT_PORT);
    await assert.rejects(wipeNeo4j(driver, NEO4J_BOLT_PORT), /refusing to touch the Neo4j/);
    await assert.rejects(assertOurNeo4j(driver, await freePort()), /not started by this test run/);
    assert.equal(await count("MATCH (n)"), before);
    await assertOurNeo4j(driver, PORT); // and accepts it under its own port
  });
});
