// Neo4jGraphStore against the real Neo4j started by scripts/neo4j.mjs: the shared contract suite,
// then what only this adapter does (fast connection errors, read-only queries, value conversion,
// paged Image reads, chunked writes, indexes, stored types).
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import neo4j, { type Driver } from "neo4j-driver";
import { ScoutgraphError } from "../../src/errors.js";
import type { GraphStore } from "../../src/stores/graph-store.js";
import { Neo4jGraphStore } from "../../src/stores/neo4j/neo4j-graph-store.js";
import type { Neo4jConfig } from "../../src/stores/neo4j/config.js";
import { cartographyGitlabSample, parsedFixture } from "../graph/report-builders.js";
import { wipeNeo4j } from "../support/neo4j-admin.js";
import { NEO4J_URI } from "../support/services.js";
import { graphStoreContract, syncReports, type SeedImage } from "./graph-store-contract.js";

// The tests' own connection, for what the port deliberately cannot do (wipe, seed Image nodes).
const admin: Driver = neo4j.driver(NEO4J_URI);
after(() => admin.close());

async function adminWrite(cypher: string, params: Record<string, unknown> = {}): Promise<void> {
  await admin.executeQuery(cypher, params, { routing: neo4j.routing.WRITE });
}

async function seedImages(_store: GraphStore, images: SeedImage[]): Promise<void> {
  for (const image of images) {
    // Labels cannot be parameters; these come from the test's own constants.
    const labels = ["Image", ...(image.providerLabel ? [image.providerLabel] : [])].join(":");
    await adminWrite(`CREATE (i:${labels} {id: $id, _ont_digest: $digest, _ont_source: 'test', lastupdated: 1})`, { id: image.id, digest: image.ontDigest });
  }
}

const makeStore = async (options: Partial<Neo4jConfig> = {}) => new Neo4jGraphStore({ uri: NEO4J_URI, ...options });

graphStoreContract("neo4j", makeStore, {
  reset: () => wipeNeo4j(admin),
  seedImages,
  async valueTypes(store, target, property) {
    const pattern = "label" in target ? `(x:${target.label})` : `()-[x:${target.type}]->()`;
    const rows = await store.query(`MATCH ${pattern} RETURN DISTINCT valueType(x.${property}) AS t`);
    return rows.map((r) => String(r.t).replace(/ NOT NULL$/, "")).sort();
  },
  duplicateImageIds: true,
  distinguishesEmptyList: true,
});

describe("Neo4jGraphStore", () => {
  let store: Neo4jGraphStore;
  before(async () => {
    await wipeNeo4j(admin);
    store = await makeStore();
  });
  after(() => store.close());

  test("verifyConnectivity passes against the test server", async () => {
    await store.verifyConnectivity();
  });

  for (const uri of ["bolt://127.0.0.1:1", "neo4j://127.0.0.1:1"]) {
    test(`an unreachable server (${uri}) is one STORE error within seconds`, async () => {
      const unreachable = new Neo4jGraphStore({ uri, connectionTimeoutMs: 2_000 });
      const started = Date.now();
      try {
        await assert.rejects(unreachable.verifyConnectivity(), (err: unknown) => {
          assert.ok(err instanceof ScoutgraphError);
          assert.equal(err.code, "STORE");
          assert.match(err.message, /cannot connect to Neo4j at .*127\.0\.0\.1:1/);
          return true;
        });
      } finally {
        await unreachable.close();
      }
      assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
    });
  }

  test("an invalid URI scheme is a STORE error", () => {
    assert.throws(() => new Neo4jGraphStore({ uri: "http://127.0.0.1:7474" }), (err: unknown) => err instanceof ScoutgraphError && err.code === "STORE");
  });

  test("query refuses write clauses, but not the words inside strings or property names", async () => {
    for (const cypher of ["CREATE (n:X)", "MATCH (n) DETACH DELETE n", "match (n) set n.x = 1", "MERGE (n:X {id: 1})", "MATCH (n) REMOVE n.x", "LOAD CSV FROM 'x' AS l RETURN l"]) {
      await assert.rejects(store.query(cypher), (err: unknown) => err instanceof ScoutgraphError && err.code === "USAGE", cypher);
    }
    assert.deepEqual(await store.query("RETURN 'CREATE (n) SET x' AS s, {set: 1}.set AS v"), [{ s: "CREATE (n) SET x", v: 1 }]);
  });

  test("the sandbox decides from the server's plan: LOAD CSV (file:// and http://), write, schema and unlisted procedures are refused; no file is read, no request made", async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end("a,b\n1,2\n");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const { port } = server.address() as AddressInfo;
    try {
      for (const cypher of [
        "LOAD\x1cCSV FROM 'file:///etc/passwd' AS l RETURN l",
        "load\x1dcsv\x1efrom 'file:///etc/passwd' AS l RETURN l",
        "/* x */ LOAD CSV WITH HEADERS FROM 'file:///etc/passwd' AS l RETURN l",
        `LOAD\x1fCSV FROM 'http://127.0.0.1:${port}/x.csv' AS l RETURN l`,
        `MATCH (n) WITH count(n) AS c LOAD CSV FROM 'http://127.0.0.1:${port}/y.csv' AS l RETURN l, c`,
        "CALL dbms.components()",
        "CALL db.info()",
        "CALL db.createLabel('X')",
        "CREATE INDEX evil FOR (n:X) ON (n.y)",
        "CALL { CREATE (:X) } IN TRANSACTIONS",
      ]) {
        await assert.rejects(
          store.query(cypher),
          (err: unknown) => err instanceof ScoutgraphError && err.code === "USAGE" && /read-only sandbox/.test(err.message) && !err.message.includes("\n"),
          cypher,
        );
      }
      assert.equal(requests, 0, "the server fetched nothing");
      assert.deepEqual(await store.query("MATCH (n:X) RETURN count(n) AS n"), [{ n: 0 }]);
      // Reads of the graph's vocabulary and the usual clauses still run.
      assert.ok(Array.isArray(await store.query("CALL db.labels() YIELD label RETURN label")));
      assert.deepEqual(await store.query("UNWIND range(1, 3) AS x WITH x WHERE x > 1 RETURN collect(x) AS l"), [{ l: [2, 3] }]);
      let n = 0;
      for await (const row of store.stream("UNWIND range(1, 200000) AS x RETURN x")) n += row.x === n + 1 ? 1 : 0;
      assert.equal(n, 200_000, "streamed in order");
    } finally {
      server.close();
    }
  });

  test("query results are plain JS: integers as numbers, lists and maps recursively, nodes as properties", async () => {
    const rows = await store.query("RETURN 1 AS i, 2.5 AS f, [1, [2, 3]] AS l, {a: {b: 4}} AS m, null AS n, true AS b, $limit AS p LIMIT $limit", { limit: 5 });
    assert.deepEqual(rows, [{ i: 1, f: 2.5, l: [1, [2, 3]], m: { a: { b: 4 } }, n: null, b: true, p: 5 }]);
    await seedImages(store, [{ id: "plain", ontDigest: "sha256:1" }]);
    const [node] = await store.query("MATCH (i:Image {id: 'plain'}) RETURN i");
    assert.deepEqual(node, { i: { id: "plain", _ont_digest: "sha256:1", _ont_source: "test", lastupdated: 1 } });
  });

  test("prepare() creates Cartography's indexes, and is idempotent", async () => {
    await store.prepare();
    await store.prepare();
    const rows = await store.query("SHOW INDEXES YIELD labelsOrTypes, properties RETURN labelsOrTypes, properties");
    const have = new Set(rows.map((r) => `${((r.labelsOrTypes as string[] | null) ?? []).join()}(${((r.properties as string[] | null) ?? []).join()})`));
    for (const want of [
      "DockerScoutPublicImage(id)",
      "DockerScoutPublicImage(lastupdated)",
      "DockerScoutPublicImageTag(id)",
      "DockerScoutPublicImageTag(lastupdated)",
      "Image(id)",
      "BUILT_ON(_sub_resource_label,_sub_resource_id)",
    ]) {
      assert.ok(have.has(want), `${want} in ${[...have].join(" ")}`);
    }
  });

  test("imageDigests pages by id and returns each node once, duplicate ids across a page boundary included", async () => {
    await wipeNeo4j(admin);
    const paged = await makeStore({ imagePageSize: 2 });
    try {
      await paged.prepare();
      const seeds: SeedImage[] = [
        { id: "a", ontDigest: "sha256:a" },
        { id: "b", ontDigest: "sha256:b1", providerLabel: "AWSECRImage" },
        { id: "b", ontDigest: "sha256:b2", providerLabel: "GitLabContainerImage" },
        { id: "b", ontDigest: "sha256:b3", providerLabel: "GitHubContainerImage" },
        { id: "b", ontDigest: "sha256:b4", providerLabel: "ScalewayContainerRegistryImage" },
        { id: "c", ontDigest: null },
        { id: "d", ontDigest: "sha256:d" },
      ];
      await seedImages(paged, seeds);
      const rows = [];
      for await (const row of paged.imageDigests()) rows.push(`${row.id}=${row.ontDigest}`);
      assert.deepEqual(rows.sort(), seeds.map((s) => `${s.id}=${s.ontDigest}`).sort());
    } finally {
      await paged.close();
    }
  });

  test("imageDigests gives each Image the digests of the manifest lists that contain it (pages of one)", async () => {
    await wipeNeo4j(admin);
    const paged = await makeStore({ imagePageSize: 1 });
    try {
      await adminWrite(`CREATE (l:AWSECRImage:ImageManifestList {id: 'sha256:a0', _ont_digest: 'sha256:a0', type: 'manifest_list'})
        CREATE (l2:GitHubContainerImage:ImageManifestList {id: 'sha256:b0', digest: 'sha256:b0', type: 'manifest_list'})
        CREATE (l)-[:CONTAINS_IMAGE]->(:AWSECRImage:Image {id: 'sha256:a1', _ont_digest: 'sha256:a1'})
        CREATE (l)-[:CONTAINS_IMAGE]->(a2:AWSECRImage:Image {id: 'sha256:a2', _ont_digest: 'sha256:a2'})
        CREATE (l2)-[:CONTAINS_IMAGE]->(a2)
        CREATE (l)-[:CONTAINS_IMAGE]->(:AWSECRImage:ImageAttestation {id: 'sha256:a3', _ont_digest: 'sha256:a3'})
        CREATE (:AWSECRImage:Image {id: 'sha256:c1', _ont_digest: 'sha256:c1'})`);
      const rows = [];
      for await (const row of paged.imageDigests()) rows.push([row.id, [...(row.manifestLists ?? [])].sort()]);
      assert.deepEqual(rows, [
        ["sha256:a1", ["sha256:a0"]],
        ["sha256:a2", ["sha256:a0", "sha256:b0"]],
        ["sha256:c1", []],
      ]);
    } finally {
      await paged.close();
    }
  });

  test("chunked writes (1 row per transaction) leave the same graph as one transaction", async () => {
    const snapshot = async (s: GraphStore) =>
      s.query("MATCH (p:DockerScoutPublicImage)-[r]->(t:DockerScoutPublicImageTag) RETURN p.id AS pid, type(r) AS rel, t.id AS tid, t.alternative_tags AS alt, r.benefits AS benefits ORDER BY pid, rel, tid");
    const reports = [parsedFixture("cartography-sample"), cartographyGitlabSample(), parsedFixture("checkout-ruby-full")];
    await wipeNeo4j(admin);
    await syncReports(store, reports, { updateTag: 1 });
    const whole = await snapshot(store);
    await wipeNeo4j(admin);
    const chunked = await makeStore({ batchSize: 1 });
    try {
      const stats = await syncReports(chunked, reports, { updateTag: 1 });
      assert.equal(stats, null);
      assert.deepEqual(await snapshot(chunked), whole);
      assert.ok(whole.length > 8);
    } finally {
      await chunked.close();
    }
  });

  test("fix_*, rank, introduced_* and lastupdated are stored as INTEGER, benefits as a list of strings", async () => {
    await wipeNeo4j(admin);
    await syncReports(store, [parsedFixture("cartography-sample")], { updateTag: 7 });
    const rows = await store.query(
      "MATCH ()-[r:SHOULD_UPDATE_TO]->() RETURN DISTINCT valueType(r.fix_high) AS h, valueType(r.rank) AS rank, valueType(r.benefits) AS b, valueType(r.introduced_low) AS il, valueType(r.fix_critical) AS c",
    );
    const types = new Set(rows.map((r) => JSON.stringify(r)));
    for (const t of types) {
      const row = JSON.parse(t) as Record<string, string>;
      assert.equal(row.h, "INTEGER NOT NULL");
      assert.equal(row.rank, "INTEGER NOT NULL");
      assert.equal(row.b, "LIST<STRING NOT NULL> NOT NULL");
      assert.equal(row.c, "NULL");
      assert.ok(row.il === "NULL" || row.il === "INTEGER NOT NULL");
    }
  });
});
