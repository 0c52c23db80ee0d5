// End to end: `scoutgraph query` against the embedded store: a table, --json, writes refused.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { reportsDir, runCli, tempDir } from "./sync-support.js";

describe("scoutgraph query on the embedded store", () => {
  const store = join(tempDir(), "graph.db");

  before(async () => {
    const r = await runCli(["sync", "--docker-scout-source", reportsDir(["cartography-sample.txt", "checkout-ruby-full.txt"]), "--store", store]);
    assert.equal(r.code, 0, r.stderr);
  });

  const cypher = "MATCH (p:DockerScoutPublicImage) RETURN p.id AS id, p.alternative_tags AS tags ORDER BY id";

  test("prints a table with the returned columns", async () => {
    const r = await runCli(["query", cypher, "--store", store]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split("\n");
    assert.match(lines[0] ?? "", /^id +\| tags$/);
    assert.match(lines[2] ?? "", /^node:25-alpine +\| \["25-alpine3\.23","alpine","alpine3\.23","current-alpine","current-alpine3\.23"\]$/);
    assert.match(lines[3] ?? "", /^ruby:3\.2-alpine /);
    assert.equal(lines.at(-1), "(2 rows)");
  });

  test("--json prints an array of objects keyed by column name", async () => {
    const r = await runCli(["query", cypher, "--store", store, "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { id: string; tags: string[] }[];
    assert.deepEqual(rows.map((row) => row.id), ["node:25-alpine", "ruby:3.2-alpine"]);
    assert.deepEqual(Object.keys(rows[0] ?? {}), ["id", "tags"]);
  });

  test("a write is refused with exit 2 and the graph is unchanged", async () => {
    for (const write of ["MATCH (p:DockerScoutPublicImage) DETACH DELETE p", "CREATE (:DockerScoutPublicImage {id: 'x'})", "MATCH (p:DockerScoutPublicImage) SET p.tag = 'y'"]) {
      const r = await runCli(["query", write, "--store", store]);
      assert.equal(r.code, 2, `${write}: ${r.stderr}`);
      assert.match(r.stderr, /read-only/);
    }
    const after = await runCli(["query", "MATCH (p:DockerScoutPublicImage) RETURN count(p) AS n", "--store", store, "--json"]);
    assert.deepEqual(JSON.parse(after.stdout), [{ n: 2 }]);
  });
});
