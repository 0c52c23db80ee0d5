// The Cypher generated from the schema (contract §2.4, §2.6): what Cartography's builders emit, in substance.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cleanupStatements, indexStatements, nodeMergeQuery, relationshipMergeQuery } from "../../src/graph/cypher/neo4j.js";
import { BUILT_ON, PUBLIC_IMAGE, PUBLIC_IMAGE_TAG, SHOULD_UPDATE_TO, TARGET_IMAGE } from "../../src/graph/schema.js";

test("the indexes Cartography creates are all there, once each", () => {
  const statements = indexStatements();
  for (const expected of [
    "CREATE INDEX IF NOT EXISTS FOR (n:DockerScoutPublicImage) ON (n.id)",
    "CREATE INDEX IF NOT EXISTS FOR (n:DockerScoutPublicImage) ON (n.lastupdated)",
    "CREATE INDEX IF NOT EXISTS FOR (n:DockerScoutPublicImageTag) ON (n.id)",
    "CREATE INDEX IF NOT EXISTS FOR (n:DockerScoutPublicImageTag) ON (n.lastupdated)",
    "CREATE INDEX IF NOT EXISTS FOR (n:Image) ON (n.id)",
    "CREATE INDEX IF NOT EXISTS FOR ()-[r:BUILT_ON]->() ON (r._sub_resource_label, r._sub_resource_id)",
  ]) {
    assert.ok(statements.includes(expected), expected);
  }
  assert.equal(new Set(statements).size, statements.length);
});

test("node MERGE: on id, firstseen on create, bookkeeping and every schema property from the row", () => {
  const cypher = nodeMergeQuery(PUBLIC_IMAGE);
  assert.match(cypher, /^UNWIND \$rows AS item\nMERGE \(i:DockerScoutPublicImage \{id: item\.id\}\)\nON CREATE SET i\.firstseen = timestamp\(\)\nSET /);
  for (const p of PUBLIC_IMAGE.properties.filter((x) => x.name !== "id")) assert.ok(cypher.includes(`i.${p.name} = item.${p.name}`), p.name);
  for (const p of ["i._module_name = $module_name", "i._module_version = $module_version", "i.lastupdated = $lastupdated"]) assert.ok(cypher.includes(p));
  const tags = nodeMergeQuery(PUBLIC_IMAGE_TAG);
  assert.ok(!tags.includes("digest"));
});

test("scoutgraph's Image MERGE never rewrites an Image it did not create", () => {
  const cypher = nodeMergeQuery(TARGET_IMAGE);
  assert.ok(cypher.includes("ON CREATE SET i.firstseen = timestamp(), i._ont_source = $source"));
  assert.ok(cypher.includes("WITH i, item WHERE i._ont_source = $source"));
  assert.ok(!cypher.includes("item._ont_source"));
});

test("relationship MERGE between existing endpoints with constants as parameters", () => {
  const builtOn = relationshipMergeQuery(BUILT_ON);
  assert.ok(builtOn.includes("MATCH (from:Image {id: item.image_id})"));
  assert.ok(builtOn.includes("MATCH (to:DockerScoutPublicImage {id: item.public_image_id})"));
  assert.ok(builtOn.includes("MERGE (from)-[r:BUILT_ON]->(to)"));
  assert.ok(builtOn.includes("r._sub_resource_label = $_sub_resource_label"));
  const should = relationshipMergeQuery(SHOULD_UPDATE_TO);
  for (const p of SHOULD_UPDATE_TO.properties) assert.ok(should.includes(`r.${p.name} = item.${p.name}`), p.name);
});

test("cleanup: Cartography's five statements in its order, then the report records, then scoutgraph's own Image nodes", () => {
  const statements = cleanupStatements();
  assert.deepEqual(
    statements.map((s) => s.description),
    [
      "stale DockerScoutPublicImageTag nodes",
      "stale BUILT_FROM relationships",
      "stale SHOULD_UPDATE_TO relationships",
      "stale DockerScoutPublicImage nodes",
      "stale BUILT_ON relationships",
      "stale IDENTIFIED_BASE relationships",
      "stale REPORTS_ON relationships",
      "stale DockerScoutReport nodes",
      "stale Image nodes",
    ],
  );
  for (const s of statements) {
    assert.ok(s.cypher.includes("lastupdated <> $lastupdated"));
    assert.ok(s.cypher.includes("LIMIT $limit"));
  }
  assert.ok(statements[8]?.cypher.includes("n._ont_source = $source"));
  assert.ok(statements[0]?.cypher.includes("DETACH DELETE n"));
});
