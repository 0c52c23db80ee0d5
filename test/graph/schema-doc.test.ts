// docs/schema.md is generated from the schema; this fails when it is out of date.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { renderSchemaDoc } from "../../src/graph/schema-doc.js";
import { NODES, RELATIONSHIPS } from "../../src/graph/schema.js";
import { REPO_ROOT } from "../support/fixtures.js";

test("docs/schema.md is up to date (regenerate with `npm run docs:schema`)", () => {
  const committed = readFileSync(join(REPO_ROOT, "docs", "schema.md"), "utf8");
  assert.equal(committed, renderSchemaDoc(), "docs/schema.md is stale: run `npm run docs:schema`");
});

test("the doc names every label, relationship and property, and marks the additive ones", () => {
  const doc = renderSchemaDoc();
  for (const node of NODES) {
    assert.ok(doc.includes(`### ${node.label}`));
    for (const p of node.properties) assert.ok(doc.includes(`| \`${p.name}\` |`), p.name);
  }
  for (const rel of RELATIONSHIPS) assert.ok(doc.includes(`[:${rel.type}]`));
  assert.ok(doc.includes("### DockerScoutReport\n\n**scoutgraph addition.**"));
  assert.ok(doc.includes("(DockerScoutReport)-[:REPORTS_ON]->(Image)"));
  assert.ok(doc.includes("`report_target_images`"), "retired properties are named");
  assert.ok(doc.includes("| `rank` | INTEGER | **scoutgraph addition.**"));
});
