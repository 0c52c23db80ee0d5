// The shared GraphStore contract suite (graph-store-contract.ts) run against the embedded store,
// each test on a fresh LadybugDB file in a temp dir.
import assert from "node:assert/strict";
import { after } from "node:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GraphStore } from "../../src/stores/graph-store.js";
import { EmbeddedGraphStore } from "../../src/stores/embedded/embedded-graph-store.js";
import { graphStoreContract, type SeedImage } from "./graph-store-contract.js";

const dirs: string[] = [];
function tempStorePath(): string {
  const dir = mkdtempSync(join(tmpdir(), "scoutgraph-embedded-contract-"));
  dirs.push(dir);
  return join(dir, "store");
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const asEmbedded = (store: GraphStore): EmbeddedGraphStore => {
  assert.ok(store instanceof EmbeddedGraphStore);
  return store;
};
/** The catalog's column types in the names Neo4j's valueType() uses. */
const NEO4J_TYPE_NAMES: Record<string, string> = { INT64: "INTEGER", BOOL: "BOOLEAN", STRING: "STRING", "STRING[]": "LIST<STRING>" };

graphStoreContract(
  "embedded",
  async (options = {}) => new EmbeddedGraphStore({ path: tempStorePath(), bufferPoolBytes: 64 * 1024 * 1024, cleanupLimit: options.cleanupLimit }),
  {
    reset: async (store) => {
      await asEmbedded(store).prepare();
      await asEmbedded(store).runWrite("MATCH (n) DETACH DELETE n");
    },
    async seedImages(store, images: SeedImage[]) {
      // One label per table: the provider label (AWSECRImage, ...) has no place in the embedded store.
      await asEmbedded(store).prepare();
      await asEmbedded(store).runWrite(
        "UNWIND $rows AS row CREATE (:Image {id: row.id, _ont_digest: CAST(row.ontDigest AS STRING), _ont_source: 'test', lastupdated: CAST(1 AS INT64)})",
        { rows: images.map((i) => ({ id: i.id, ontDigest: i.ontDigest })) },
      );
    },
    async valueTypes(store, target, property) {
      // Typed columns: the column's type is the type of every value stored in it. table_info takes
      // a literal only; the name is one of the suite's own schema labels.
      const table = "label" in target ? target.label : target.type;
      const rows = await store.query(`CALL table_info('${table}') WHERE name = $property RETURN type`, { property });
      return rows.map((r) => NEO4J_TYPE_NAMES[String(r.type)] ?? String(r.type));
    },
    duplicateImageIds: false,
    distinguishesEmptyList: true,
  },
);
