// `scoutgraph report` on both real stores: the fleet of test/fixtures/fleet goes through the real
// ingestion path (runSync: source, parser, batch builder, store), then the report's queries, model
// and every renderer are checked against the numbers worked out by hand (support/fleet-expectations.ts).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import { generateFleetReport, DEFAULT_FILTERS } from "../../src/insights/index.js";
import { FORMATS, render } from "../../src/insights/render/index.js";
import type { ReportFilters } from "../../src/insights/types.js";
import { EmbeddedGraphStore } from "../../src/stores/embedded/embedded-graph-store.js";
import { Neo4jGraphStore } from "../../src/stores/neo4j/neo4j-graph-store.js";
import type { GraphStore } from "../../src/stores/graph-store.js";
import { runSync } from "../../src/sync/run-sync.js";
import { REPO_ROOT } from "../support/fixtures.js";
import { wipeNeo4j } from "../support/neo4j-admin.js";
import { NEO4J_URI } from "../support/services.js";
import { assertFleetReport, c, FLEET, type StoreKind } from "./support/fleet-expectations.js";
import { assertFormat } from "./support/format-checks.js";

export const FLEET_DIR = join(REPO_ROOT, "test", "fixtures", "fleet");

/** Cartography-style Image nodes (an ECR provider's), full digests whose start is the report's short digest. */
async function writeCartographyImages(): Promise<void> {
  const driver = neo4j.driver(NEO4J_URI);
  try {
    await wipeNeo4j(driver);
    const rows = Object.entries(FLEET.digests).map(([uri, short], i) => ({
      id: `sha256:${short}${"0".repeat(52)}`,
      // One upper-case digest: matching is case-insensitive (contract §3.1).
      digest: `sha256:${i === 1 ? short.toUpperCase() : short}${"0".repeat(52)}`,
      uri,
    }));
    await driver.executeQuery(
      "UNWIND $rows AS row CREATE (:ECRImage:Image {id: row.id, _ont_digest: row.digest, _ont_uri: row.uri, _ont_source: 'aws'})",
      { rows },
    );
  } finally {
    await driver.close();
  }
}

function checkStore(kind: StoreKind, open: () => Promise<GraphStore>, setup: () => Promise<void>): void {
  describe(`report on the ${kind} store`, () => {
    let store: GraphStore;
    before(async () => {
      await setup();
      store = await open();
      const summary = await runSync({ source: FLEET_DIR, store, updateTag: 1700000000 });
      assert.equal(summary.status, "ok");
    });
    after(async () => {
      await store?.close();
    });
    const report = (filters: Partial<ReportFilters> = {}) => generateFleetReport(store, { filters: { ...DEFAULT_FILTERS, ...filters } });

    test("ranking, per-base aggregation, top actions and unmatched reports match the hand-worked values", async () => {
      assertFleetReport(await report(), kind);
    });

    for (const format of FORMATS) {
      test(`the ${format} format shows the same values, with the hostile strings inert`, async () => {
        assertFormat(format, render(await report(), format, { color: false }), kind);
      });
    }

    test("--min-severity critical: python's move (0C 2H) no longer qualifies", async () => {
      const r = await report({ minSeverity: "critical" });
      assert.deepEqual(r.topActions.map((a) => [a.base.id, a.fleetFixes]), [
        ["node:20-alpine", c(3, 15, 6, 0)],
        ["busybox:1.36", c(1, 1, 0, 0)],
      ]);
      assert.deepEqual(r.summary.topActionsFix, c(4, 16, 6, 0)); // 3+1 critical, 15+1 high, 6 medium
      assert.equal(r.summary.imagesBelowMinSeverity, 2); // api, jobs
    });

    test("--top 1, --image (glob and substring), --base", async () => {
      assert.deepEqual((await report({ top: 1 })).topActions.map((a) => a.base.id), ["node:20-alpine"]);
      const web = await report({ image: "*/shop/web-*" });
      // web-a and web-b only: node:20-alpine has 2 images, fleet 2 x 1C 5H 2M = 2C 10H 4M.
      assert.deepEqual(web.images.map((i) => i.name), ["registry.example.test/shop/web-a:1.4.0", "registry.example.test/shop/web-b:2.0.1"]);
      assert.deepEqual(web.bases.map((b) => [b.id, b.imageCount, b.fleetFixes]), [["node:20-alpine", 2, c(2, 10, 4, 0)]]);
      assert.deepEqual((await report({ image: "jobs" })).images.map((i) => i.best?.tag), ["3.11-slim"]);
      const python = await report({ base: "python" });
      assert.deepEqual(python.images.map((i) => i.name.split("/").pop()), ["api:3.1.0", "jobs:1.0.0"]);
      assert.deepEqual(python.topActions.map((a) => [a.base.id, a.fleetFixes]), [["python:3.11-slim", c(0, 4, 0, 0)]]);
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), "scoutgraph-report-"));
after(() => rmSync(dir, { recursive: true, force: true }));

checkStore("embedded", async () => new EmbeddedGraphStore({ path: join(dir, "db") }), async () => {});
checkStore("neo4j", async () => new Neo4jGraphStore({ uri: NEO4J_URI }), writeCartographyImages);
