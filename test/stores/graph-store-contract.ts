// The GraphStore contract suite: the port exercised end-to-end on fixture reports, run against
// every adapter with a real database. Assertions go through store.query with simple Cypher that
// Neo4j and LadybugDB both accept; what only a store can do (empty itself, seed Cartography's
// `Image` nodes, report value types) comes in through `opts`.
import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import { BatchBuilder } from "../../src/graph/batch-builder.js";
import { DigestIndex } from "../../src/graph/digest-index.js";
import { MODULE_NAME, MODULE_VERSION } from "../../src/graph/schema.js";
import type { ParsedReport } from "../../src/report/types.js";
import type { CleanupStats, GraphStore, Row, WriteContext } from "../../src/stores/graph-store.js";
import { reportSources } from "../../src/stores/report-sources.js";
import {
  BASE_ALTERNATIVE_TAGS,
  BENEFITS_25_ALPINE,
  BENEFITS_SLIM,
  NODE_25_ALPINE_TAGS,
  SLIM_TAGS,
  baseImage,
  cartographyGitlabSample,
  parsedFixture,
  recommendation,
  report,
} from "../graph/report-builders.js";

/** An `Image` node as a Cartography registry module would have written it. */
export interface SeedImage {
  id: string;
  ontDigest: string | null;
  /** A provider label besides `Image` (e.g. `AWSECRImage`), where the store has such labels. */
  providerLabel?: string;
}

export interface GraphStoreContractOptions {
  /** Remove every node and relationship. */
  reset(store: GraphStore): Promise<void>;
  /** Create Image nodes with `id` and `_ont_digest`, as Cartography's registry modules do. */
  seedImages(store: GraphStore, images: SeedImage[]): Promise<void>;
  /** Distinct stored types of a property (`INTEGER`, `STRING`, ...), when the store can tell. */
  valueTypes?(store: GraphStore, target: { label: string } | { type: string }, property: string): Promise<string[]>;
  /** Two Image nodes may share an id (Neo4j: one per registry). */
  duplicateImageIds: boolean;
  /** The store keeps an empty list distinct from an absent property. */
  distinguishesEmptyList: boolean;
}

export type MakeStore = (options?: { cleanupLimit?: number }) => Promise<GraphStore>;

const TAG_1 = 123_456_789;
const TAG_2 = 123_456_790;
const ECR_DIGEST = "sha256:ecr" + "0".repeat(61);
const GITLAB_DIGEST = "sha256:gl" + "0".repeat(62);
const CARTOGRAPHY_IMAGES: SeedImage[] = [
  { id: "image-for-sha256:ecr00000000", ontDigest: ECR_DIGEST, providerLabel: "AWSECRImage" },
  { id: "image-for-sha256:gl000000000", ontDigest: GITLAB_DIGEST, providerLabel: "GitLabContainerImage" },
];

/** What the sync pipeline does around a store, reduced to its graph effect. */
export async function syncReports(
  store: GraphStore,
  reports: ParsedReport[],
  ctx: WriteContext,
  options: { createTargetImages?: boolean; reportsPerBatch?: number; cleanup?: boolean } = {},
): Promise<CleanupStats | null> {
  await store.prepare();
  const index = await DigestIndex.build(store.imageDigests());
  const builder = new BatchBuilder(index, { createTargetImages: options.createTargetImages ?? false });
  for (const [i, r] of reports.entries()) {
    builder.add(r, `report-${i}.txt`);
    if (builder.pending >= (options.reportsPerBatch ?? Infinity)) await store.writeBatch(builder.take(), ctx);
  }
  await store.writeBatch(builder.take(), ctx);
  return options.cleanup ? store.cleanup(ctx) : null;
}

const ids = async (store: GraphStore, label: string): Promise<string[]> =>
  (await store.query(`MATCH (n:${label}) RETURN n.id AS id ORDER BY id`)).map((r) => r.id as string);

async function pairs(store: GraphStore, from: string, type: string, to: string): Promise<string[][]> {
  const rows = await store.query(`MATCH (a:${from})-[r:${type}]->(b:${to}) RETURN a.id AS from_id, b.id AS to_id ORDER BY from_id, to_id`);
  return rows.map((r) => [r.from_id as string, r.to_id as string]);
}

async function one(store: GraphStore, cypher: string, params: Record<string, unknown> = {}): Promise<Row> {
  const rows = await store.query(cypher, params);
  assert.equal(rows.length, 1, `one row expected from ${cypher} ${JSON.stringify(params)}`);
  return rows[0] as Row;
}

const count = async (store: GraphStore, pattern: string): Promise<number> => Number((await one(store, `MATCH ${pattern} RETURN count(*) AS n`)).n);

export function graphStoreContract(name: string, makeStore: MakeStore, opts: GraphStoreContractOptions): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;

    beforeEach(async () => {
      store = await makeStore();
      await opts.reset(store);
    });

    async function withStore<T>(work: () => Promise<T>): Promise<T> {
      try {
        return await work();
      } finally {
        await store.close();
      }
    }

    test("Cartography's integration scenario: ECR and GitLab Image nodes and the two sample reports (§6 item 9, §2.8)", () =>
      withStore(async () => {
        await opts.seedImages(store, CARTOGRAPHY_IMAGES);
        await syncReports(store, [parsedFixture("cartography-sample"), cartographyGitlabSample()], { updateTag: TAG_1 });

        const pub = await one(
          store,
          "MATCH (n:DockerScoutPublicImage) RETURN n.id AS id, n.name AS name, n.tag AS tag, n.alternative_tags AS alt, n.version AS version, n.digest AS digest",
        );
        assert.deepEqual(pub, {
          id: "node:25-alpine",
          name: "node",
          tag: "25-alpine",
          alt: BASE_ALTERNATIVE_TAGS,
          version: "22",
          digest: "sha256:e75468deb6a0d82fc49a7c566d016862dbdb9bd90e7ef31aee95c547c8e591ef",
        });
        // One record per report (scoutgraph addition), linked to its base and to the Image it matched.
        const records = await store.query(
          "MATCH (r:DockerScoutReport)-[:IDENTIFIED_BASE]->(p:DockerScoutPublicImage) RETURN r.id AS id, r.source AS source, r.source_index AS idx, r.target_image AS image, r.target_digest AS digest, r.public_image_id AS base, p.id AS linked_base, r.recommended_tag_id AS rec, r.recommendations AS n, r.lastupdated AS tag ORDER BY id",
        );
        const record = (i: number, digest: string) => ({
          id: `report-${i}.txt#0`,
          source: `report-${i}.txt`,
          idx: 0,
          image: "registry.example.test/example/app:1.2.3",
          digest,
          base: "node:25-alpine",
          linked_base: "node:25-alpine",
          rec: "node:25-alpine",
          n: 4,
          tag: TAG_1,
        });
        assert.deepEqual(records, [record(0, "ecr000000000000"), record(1, "gl00000000000000")]);
        assert.deepEqual(await pairs(store, "DockerScoutReport", "REPORTS_ON", "Image"), [
          ["report-0.txt#0", "image-for-sha256:ecr00000000"],
          ["report-1.txt#0", "image-for-sha256:gl000000000"],
        ]);

        const tags = await store.query(
          "MATCH (n:DockerScoutPublicImageTag) RETURN n.id AS id, n.name AS name, n.tag AS tag, n.alternative_tags AS alt, n.size AS size, n.flavor AS flavor, n.os AS os, n.runtime AS runtime, n.is_slim AS is_slim ORDER BY id",
        );
        assert.deepEqual(tags, [
          { id: "node:25-alpine", name: "node", tag: "25-alpine", alt: NODE_25_ALPINE_TAGS, size: "59 MB", flavor: "alpine", os: "alpine", runtime: "22", is_slim: false },
          { id: "node:current-alpine", name: "node", tag: "current-alpine", alt: null, size: "60 MB", flavor: "alpine", os: "alpine", runtime: "22", is_slim: false },
          { id: "node:current-alpine3.23", name: "node", tag: "current-alpine3.23", alt: ["alpine3.23"], size: "60 MB", flavor: "alpine", os: "alpine", runtime: "22", is_slim: false },
          { id: "node:slim", name: "node", tag: "slim", alt: SLIM_TAGS, size: "79 MB", flavor: null, os: null, runtime: "22", is_slim: true },
        ]);

        assert.deepEqual(await pairs(store, "Image", "BUILT_ON", "DockerScoutPublicImage"), [
          ["image-for-sha256:ecr00000000", "node:25-alpine"],
          ["image-for-sha256:gl000000000", "node:25-alpine"],
        ]);
        assert.deepEqual(await pairs(store, "DockerScoutPublicImage", "BUILT_FROM", "DockerScoutPublicImageTag"), [["node:25-alpine", "node:25-alpine"]]);
        assert.deepEqual(await pairs(store, "DockerScoutPublicImage", "SHOULD_UPDATE_TO", "DockerScoutPublicImageTag"), [
          ["node:25-alpine", "node:25-alpine"],
          ["node:25-alpine", "node:current-alpine"],
          ["node:25-alpine", "node:current-alpine3.23"],
          ["node:25-alpine", "node:slim"],
        ]);

        const should = await store.query(
          "MATCH (:DockerScoutPublicImage)-[r:SHOULD_UPDATE_TO]->(t:DockerScoutPublicImageTag) RETURN t.id AS tag, r.benefits AS benefits, r.fix_critical AS c, r.fix_high AS h, r.fix_medium AS m, r.fix_low AS l, r.category AS category, r.rank AS rank, r.introduced_low AS introduced_low ORDER BY tag",
        );
        assert.deepEqual(should[0], { tag: "node:25-alpine", benefits: BENEFITS_25_ALPINE, c: null, h: 2, m: null, l: null, category: "refresh", rank: 1, introduced_low: null });
        assert.deepEqual(should[3], { tag: "node:slim", benefits: BENEFITS_SLIM, c: null, h: 2, m: 1, l: null, category: "change", rank: 4, introduced_low: 9 });
        assert.deepEqual(
          should.map((r) => [r.tag, (r.benefits as string[]).length]),
          [["node:25-alpine", 7], ["node:current-alpine", 6], ["node:current-alpine3.23", 5], ["node:slim", 4]],
        );

        const builtOn = await store.query(
          "MATCH (:Image)-[r:BUILT_ON]->(:DockerScoutPublicImage) RETURN r._sub_resource_label AS label, r._sub_resource_id AS sub, r._module_name AS module, r.lastupdated AS lastupdated",
        );
        assert.deepEqual(builtOn, [
          { label: "DockerScout", sub: "global", module: MODULE_NAME, lastupdated: TAG_1 },
          { label: "DockerScout", sub: "global", module: MODULE_NAME, lastupdated: TAG_1 },
        ]);
        for (const label of ["DockerScoutPublicImage", "DockerScoutPublicImageTag"]) {
          const rows = await store.query(`MATCH (n:${label}) RETURN n.lastupdated AS lastupdated, n._module_name AS module, n._module_version AS version, n.firstseen AS firstseen`);
          for (const row of rows) {
            assert.equal(row.lastupdated, TAG_1);
            assert.equal(row.module, MODULE_NAME);
            assert.equal(row.version, MODULE_VERSION);
            assert.ok(Number.isInteger(row.firstseen) && (row.firstseen as number) > 1_600_000_000_000, `firstseen ${String(row.firstseen)}`);
          }
        }
        for (const type of ["BUILT_FROM", "SHOULD_UPDATE_TO", "BUILT_ON"]) {
          const rows = await store.query(`MATCH ()-[r:${type}]->() RETURN r.lastupdated AS lastupdated, r._module_version AS version, r.firstseen AS firstseen`);
          for (const row of rows) assert.deepEqual([row.lastupdated, row.version, Number.isInteger(row.firstseen)], [TAG_1, MODULE_VERSION, true]);
        }
        // Cartography's own Image nodes are matched, never rewritten.
        assert.deepEqual(await store.query("MATCH (i:Image) RETURN i.id AS id, i._ont_digest AS d ORDER BY id"), CARTOGRAPHY_IMAGES.map((i) => ({ id: i.id, d: i.ontDigest })));

        if (opts.valueTypes) {
          for (const label of ["DockerScoutPublicImage", "DockerScoutPublicImageTag"]) {
            for (const p of ["lastupdated", "firstseen"]) assert.deepEqual(await opts.valueTypes(store, { label }, p), ["INTEGER"], `${label}.${p}`);
          }
          for (const type of ["BUILT_FROM", "SHOULD_UPDATE_TO", "BUILT_ON"]) {
            for (const p of ["lastupdated", "firstseen"]) assert.deepEqual(await opts.valueTypes(store, { type }, p), ["INTEGER"], `${type}.${p}`);
          }
          for (const p of ["fix_high", "rank"]) assert.deepEqual(await opts.valueTypes(store, { type: "SHOULD_UPDATE_TO" }, p), ["INTEGER"], p);
          assert.deepEqual(await opts.valueTypes(store, { label: "DockerScoutPublicImageTag" }, "is_slim"), ["BOOLEAN"]);
        }
      }));

    test("a base-only tag without supported tags keeps an empty list; the public image too (checklist 34)", () =>
      withStore(async () => {
        await syncReports(store, [report({ base: baseImage({ alternative_tags: [] }) })], { updateTag: TAG_1 });
        const row = await one(store, "MATCH (p:DockerScoutPublicImage)-[:BUILT_FROM]->(t:DockerScoutPublicImageTag) RETURN p.alternative_tags AS public_alt, t.alternative_tags AS tag_alt");
        if (opts.distinguishesEmptyList) assert.deepEqual(row, { public_alt: [], tag_alt: [] });
      }));

    test("re-sync is idempotent: same graph, firstseen kept, lastupdated moved (checklist 37, 38)", () =>
      withStore(async () => {
        await opts.seedImages(store, CARTOGRAPHY_IMAGES);
        const reports = [parsedFixture("cartography-sample"), cartographyGitlabSample()];
        await syncReports(store, reports, { updateTag: TAG_1 });
        const snapshot = async () =>
          store.query(
            "MATCH (p:DockerScoutPublicImage)-[r]->(t:DockerScoutPublicImageTag) RETURN p.id AS pid, type(r) AS rel, t.id AS tid, t.alternative_tags AS alt, r.benefits AS benefits, r.fix_high AS h, p.firstseen AS pf, t.firstseen AS tf, r.firstseen AS rf ORDER BY pid, rel, tid",
          );
        const before = await snapshot();
        await syncReports(store, reports, { updateTag: TAG_2 }, { cleanup: true });
        assert.deepEqual(await snapshot(), before);
        assert.equal(await count(store, "(:Image)-[:BUILT_ON]->(:DockerScoutPublicImage)"), 2);
        for (const label of ["DockerScoutPublicImage", "DockerScoutPublicImageTag"]) {
          const stamps = await store.query(`MATCH (n:${label}) RETURN DISTINCT n.lastupdated AS t`);
          assert.deepEqual(stamps, [{ t: TAG_2 }]);
        }
        const relStamps = await store.query("MATCH (:DockerScoutPublicImage)-[r]->(:DockerScoutPublicImageTag) RETURN DISTINCT r.lastupdated AS t");
        assert.deepEqual(relStamps, [{ t: TAG_2 }]);
      }));

    test("a property that became null is removed on re-sync (checklist 35)", () =>
      withStore(async () => {
        await syncReports(store, [report({ base: baseImage({ size: "59 MB", runtime: "22" }) })], { updateTag: TAG_1 });
        await syncReports(store, [report({ base: baseImage({ size: null, runtime: null }) })], { updateTag: TAG_2 });
        assert.deepEqual(await one(store, "MATCH (t:DockerScoutPublicImageTag) RETURN t.size AS size, t.runtime AS runtime"), { size: null, runtime: null });
        assert.deepEqual(await one(store, "MATCH (p:DockerScoutPublicImage) RETURN p.version AS version"), { version: null });
      }));

    test("a report removed from the source is cleaned up on the next good run; Image nodes stay (checklist 55-57)", () =>
      withStore(async () => {
        await opts.seedImages(store, [{ id: "img-a", ontDigest: "sha256:aaaa1111" }, { id: "img-b", ontDigest: "sha256:bbbb2222" }]);
        const a = report({ image: "a:1", digest: "aaaa", base: baseImage({ name: "node", tag: "22" }), recommendations: [recommendation({ tag: "24" })] });
        const b = report({ image: "b:1", digest: "bbbb", base: baseImage({ name: "python", tag: "3.12" }), recommendations: [recommendation({ tag: "3.13" })] });
        await syncReports(store, [a, b], { updateTag: TAG_1 }, { cleanup: true });
        assert.deepEqual(await ids(store, "DockerScoutPublicImage"), ["node:22", "python:3.12"]);

        const stats = await syncReports(store, [a], { updateTag: TAG_2 }, { cleanup: true });
        assert.deepEqual(await ids(store, "DockerScoutPublicImage"), ["node:22"]);
        assert.deepEqual(await ids(store, "DockerScoutPublicImageTag"), ["node:22", "node:24"]);
        assert.deepEqual(await pairs(store, "Image", "BUILT_ON", "DockerScoutPublicImage"), [["img-a", "node:22"]]);
        assert.deepEqual(await ids(store, "Image"), ["img-a", "img-b"]);
        assert.deepEqual(await ids(store, "DockerScoutReport"), ["report-0.txt#0"]);
        // python:3.12, its two tags and b's report record.
        assert.ok(stats && stats.nodesDeleted === 4, `deleted ${JSON.stringify(stats)}`);
      }));

    test("stale relationships between surviving nodes are deleted", () =>
      withStore(async () => {
        const first = report({ recommendations: [recommendation({ tag: "x" }), recommendation({ tag: "y" })] });
        const other = report({ image: "o:1", base: baseImage({ tag: "20", ref_tag: "20" }), recommendations: [recommendation({ tag: "y" })] });
        await syncReports(store, [first, other], { updateTag: TAG_1 }, { cleanup: true });
        const second = report({ recommendations: [recommendation({ tag: "x" })] });
        await syncReports(store, [second, other], { updateTag: TAG_2 }, { cleanup: true });
        assert.deepEqual(await pairs(store, "DockerScoutPublicImage", "SHOULD_UPDATE_TO", "DockerScoutPublicImageTag"), [
          ["node:20", "node:y"],
          ["node:22-alpine", "node:x"],
        ]);
      }));

    test("cleanup deletes in bounded batches until nothing is left (checklist 61)", async () => {
      await store.close();
      store = await makeStore({ cleanupLimit: 4 });
      await withStore(async () => {
        const reports = Array.from({ length: 10 }, (_, i) => report({ image: `app-${i}:1`, base: baseImage({ name: `base-${i}`, tag: "1", ref_tag: "1" }) }));
        await syncReports(store, reports, { updateTag: TAG_1 });
        assert.equal(await count(store, "(n:DockerScoutPublicImage)"), 10);
        const stats = await store.cleanup({ updateTag: TAG_2 });
        assert.equal(await count(store, "(n:DockerScoutPublicImage)"), 0);
        assert.equal(await count(store, "(n:DockerScoutPublicImageTag)"), 0);
        assert.equal(await count(store, "(n:DockerScoutReport)"), 0);
        assert.equal(stats.nodesDeleted, 30);
        // 10 nodes of each of 3 labels at 4 per transaction: at least 3 (+ 1 empty on Neo4j) transactions per label.
        if (stats.transactions !== undefined) assert.ok(stats.transactions >= 9, `transactions ${stats.transactions}`);
      });
    });

    test("a shared base across reports: the last report wins, BUILT_ON accumulates (§2.7, checklist 46)", () =>
      withStore(async () => {
        await opts.seedImages(store, [{ id: "img-1", ontDigest: "sha256:1111" }, { id: "img-2", ontDigest: "sha256:2222" }]);
        const r1 = report({ image: "one:1", digest: "1111", base: baseImage({ runtime: "22.1" }), recommendations: [recommendation({ tag: "x", benefits: ["one"], size: "1 MB" })] });
        const r2 = report({ image: "two:1", digest: "2222", base: baseImage({ runtime: "22.2" }), recommendations: [recommendation({ tag: "x", benefits: ["two"], size: "2 MB" })] });
        // One report per batch and both in one batch leave the same graph.
        for (const reportsPerBatch of [1, 100]) {
          await opts.reset(store);
          await opts.seedImages(store, [{ id: "img-1", ontDigest: "sha256:1111" }, { id: "img-2", ontDigest: "sha256:2222" }]);
          await syncReports(store, [r1, r2], { updateTag: TAG_1 }, { reportsPerBatch });
          assert.deepEqual(await one(store, "MATCH (p:DockerScoutPublicImage) RETURN p.version AS v"), { v: "22.2" });
          // Each batch writes only its own reports' records: nothing on the base grows with the run.
          assert.deepEqual(await pairs(store, "DockerScoutReport", "REPORTS_ON", "Image"), [["report-0.txt#0", "img-1"], ["report-1.txt#0", "img-2"]]);
          assert.deepEqual(await one(store, "MATCH (t:DockerScoutPublicImageTag {id: 'node:x'}) RETURN t.size AS size"), { size: "2 MB" });
          assert.deepEqual(await one(store, "MATCH (:DockerScoutPublicImage)-[r:SHOULD_UPDATE_TO]->(:DockerScoutPublicImageTag) RETURN r.benefits AS b"), { b: ["two"] });
          assert.deepEqual(await pairs(store, "Image", "BUILT_ON", "DockerScoutPublicImage"), [["img-1", "node:22-alpine"], ["img-2", "node:22-alpine"]]);
        }
      }));

    test("one digest matching two Image nodes links both; an empty digest and `sha256:` alone link nothing (checklist 50, 52, D2)", () =>
      withStore(async () => {
        const seeds: SeedImage[] = [
          { id: "ecr-copy", ontDigest: "sha256:abcdef", providerLabel: "AWSECRImage" },
          { id: "gitlab-copy", ontDigest: "SHA256:ABCDEF".replace("SHA256:", "sha256:"), providerLabel: "GitLabContainerImage" },
          { id: "no-digest", ontDigest: null },
        ];
        if (opts.duplicateImageIds) {
          seeds.push({ id: "sha256:dup", ontDigest: "sha256:dddd", providerLabel: "AWSECRImage" }, { id: "sha256:dup", ontDigest: "sha256:dddd", providerLabel: "GCPArtifactRegistryImage" });
        }
        await opts.seedImages(store, seeds);
        await syncReports(store, [
          report({ image: "match:1", digest: "ABCD", base: baseImage({ name: "m", tag: "1" }) }),
          report({ image: "empty:1", digest: "", base: baseImage({ name: "e", tag: "1" }) }),
          report({ image: "prefix:1", digest: "sha256:", base: baseImage({ name: "s", tag: "1" }) }),
          report({ image: "dup:1", digest: "dddd", base: baseImage({ name: "d", tag: "1" }) }),
        ], { updateTag: TAG_1 });
        const expected = [["ecr-copy", "m:1"], ["gitlab-copy", "m:1"]];
        if (opts.duplicateImageIds) expected.push(["sha256:dup", "d:1"], ["sha256:dup", "d:1"]);
        assert.deepEqual(await pairs(store, "Image", "BUILT_ON", "DockerScoutPublicImage"), expected.sort());
        assert.deepEqual(await ids(store, "DockerScoutPublicImage"), ["d:1", "e:1", "m:1", "s:1"]);
      }));

    test("target Images: created with _ont_source, linked, rewritten idempotently, and only they are cleaned up", () =>
      withStore(async () => {
        await opts.seedImages(store, [{ id: "cartography-image", ontDigest: "sha256:0000" }]);
        const a = report({ image: "app:1", digest: "abc", base: baseImage({ name: "node", tag: "22" }) });
        const b = report({ image: "legacy:2", digest: null, base: baseImage({ name: "ruby", tag: "3" }) });
        await syncReports(store, [a, b], { updateTag: TAG_1 }, { createTargetImages: true });
        assert.deepEqual(
          await store.query("MATCH (i:Image) WHERE i._ont_source = 'docker_scout_report' RETURN i.id AS id, i.name AS name, i._ont_digest AS digest ORDER BY id"),
          [
            { id: "app:1@abc", name: "app:1", digest: "abc" },
            { id: "legacy:2", name: "legacy:2", digest: null },
          ],
        );
        assert.deepEqual(await one(store, "MATCH (i:Image {id: 'cartography-image'}) RETURN i.name AS name, i._ont_digest AS digest"), { name: null, digest: "sha256:0000" });
        assert.deepEqual(await pairs(store, "Image", "BUILT_ON", "DockerScoutPublicImage"), [["app:1@abc", "node:22"], ["legacy:2", "ruby:3"]]);
        const firstSeen = await one(store, "MATCH (i:Image {id: 'app:1@abc'}) RETURN i.firstseen AS f");

        await syncReports(store, [a], { updateTag: TAG_2 }, { createTargetImages: true, cleanup: true });
        assert.deepEqual(await ids(store, "Image"), ["app:1@abc", "cartography-image"]);
        assert.deepEqual(await one(store, "MATCH (i:Image {id: 'app:1@abc'}) RETURN i.firstseen AS f, i.lastupdated AS t"), { ...firstSeen, t: TAG_2 });
        assert.deepEqual(await pairs(store, "Image", "BUILT_ON", "DockerScoutPublicImage"), [["app:1@abc", "node:22"]]);
      }));

    test("report records: re-linked each run, stale ones cleaned up, their sources readable for the next run", () =>
      withStore(async () => {
        await opts.seedImages(store, [{ id: "img-1", ontDigest: "sha256:1111" }, { id: "img-2", ontDigest: "sha256:2222" }]);
        const r1 = report({ image: "one:1", digest: "1111" });
        const r2 = report({ image: "two:1", digest: "2222" });
        const ghost = report({ image: "ghost:1", digest: "9999" });
        await syncReports(store, [r1, r2, ghost], { updateTag: TAG_1 }, { cleanup: true });
        assert.deepEqual([...(await reportSources(store))].sort(), [["report-0.txt", TAG_1], ["report-1.txt", TAG_1], ["report-2.txt", TAG_1]]);
        assert.deepEqual(await pairs(store, "DockerScoutReport", "REPORTS_ON", "Image"), [["report-0.txt#0", "img-1"], ["report-1.txt#0", "img-2"]]);
        // Next run: report-1.txt now reports on an image the graph lacks, report-2.txt is gone.
        await syncReports(store, [r1, ghost], { updateTag: TAG_2 }, { cleanup: true });
        assert.deepEqual(await ids(store, "DockerScoutReport"), ["report-0.txt#0", "report-1.txt#0"]);
        assert.deepEqual(await pairs(store, "DockerScoutReport", "REPORTS_ON", "Image"), [["report-0.txt#0", "img-1"]]);
        assert.deepEqual([...(await reportSources(store))].sort(), [["report-0.txt", TAG_2], ["report-1.txt", TAG_2]]);
        assert.deepEqual(await ids(store, "Image"), ["img-1", "img-2"]);
      }));

    test("imageDigests streams every Image node's id and _ont_digest", () =>
      withStore(async () => {
        await opts.seedImages(store, [{ id: "i1", ontDigest: "sha256:1" }, { id: "i2", ontDigest: null }]);
        const rows = [];
        for await (const row of store.imageDigests()) rows.push({ id: row.id, ontDigest: row.ontDigest });
        assert.deepEqual(rows.sort((x, y) => x.id.localeCompare(y.id)), [{ id: "i1", ontDigest: "sha256:1" }, { id: "i2", ontDigest: null }]);
      }));
  });
}
