// The embedded store (a real LadybugDB file in a temp dir): Cartography's worked example (contract
// §2.8) through the real parser and batch builder, idempotent re-writes, cleanup, value types, the
// read-only guard, reopening, and the errors for bad paths.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { parseReport, isParsed } from "../../src/report/index.js";
import { BatchBuilder } from "../../src/graph/batch-builder.js";
import { DigestIndex } from "../../src/graph/digest-index.js";
import type { GraphBatch } from "../../src/graph/rows.js";
import { MODULE_NAME, MODULE_VERSION, NODES, RELATIONSHIPS } from "../../src/graph/schema.js";
import { EmbeddedGraphStore } from "../../src/stores/embedded/embedded-graph-store.js";
import type { Row } from "../../src/stores/graph-store.js";
import { allRows, bindingPackages, loadLadybug } from "../../src/stores/embedded/ladybug.js";
import { describeOpenError } from "../../src/stores/embedded/open-database.js";
import { ScoutgraphError } from "../../src/errors.js";
import { BASE_ALTERNATIVE_TAGS, NODE_25_ALPINE_TAGS, SLIM_TAGS } from "../graph/report-builders.js";
import { FIXTURE_REPORTS_DIR, REPO_ROOT } from "../support/fixtures.js";

const SAMPLE = readFileSync(join(FIXTURE_REPORTS_DIR, "cartography-sample.txt"), "utf8");
// The GitLab report of Cartography's integration test: the same base, another target.
const GITLAB = SAMPLE.replace("registry.example.test/example/app:1.2.3", "gitlab.example.test/group/app:2.0.0").replace(
  "ecr000000000000",
  "gl000000000000",
);
const ECR_IMAGE = "image-for-sha256:ecr00000000";
const GITLAB_IMAGE = "image-for-sha256:gl000000000";

const dirs: string[] = [];
function tempStorePath(): string {
  const dir = mkdtempSync(join(tmpdir(), "scoutgraph-embedded-"));
  dirs.push(dir);
  return join(dir, "store");
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Use LadybugDB directly, as another tool (a Cartography provider module, an older scoutgraph) would. */
async function raw(path: string, cypher: string, params: Record<string, unknown> = {}): Promise<void> {
  const lbug = await loadLadybug();
  const db = new lbug.Database(path, 64 * 1024 * 1024, true, false, 2 ** 32);
  const conn = new lbug.Connection(db);
  try {
    const statement = await conn.prepare(cypher);
    assert.ok(statement.isSuccess(), statement.getErrorMessage());
    await allRows(await conn.execute(statement, params));
  } finally {
    await conn.close();
    await db.close();
  }
}

async function insertForeignImages(path: string, images: { id: string; digest: string; source: string }[]): Promise<void> {
  await raw(
    path,
    "UNWIND $rows AS row CREATE (:Image {id: row.id, _ont_digest: row.digest, _ont_source: row.source, lastupdated: CAST(1 AS INT64)})",
    { rows: images },
  );
}

async function buildBatch(store: EmbeddedGraphStore, texts: string[], createTargetImages = false): Promise<GraphBatch> {
  const builder = new BatchBuilder(await DigestIndex.build(store.imageDigests()), { createTargetImages });
  texts.forEach((text, i) => {
    const parsed = parseReport(text);
    assert.ok(isParsed(parsed), "fixture parses");
    builder.add(parsed, `report-${i}`);
  });
  return builder.take();
}

async function openStore(path: string): Promise<EmbeddedGraphStore> {
  const store = new EmbeddedGraphStore({ path, bufferPoolBytes: 64 * 1024 * 1024 });
  await store.prepare();
  return store;
}

describe("embedded store: Cartography's worked example (§2.8)", () => {
  let path: string;
  let store: EmbeddedGraphStore;
  before(async () => {
    path = tempStorePath();
    await (await openStore(path)).close();
    await insertForeignImages(path, [
      { id: ECR_IMAGE, digest: "sha256:ecr000000000000aaaaaaaaaaaa", source: "aws" },
      { id: GITLAB_IMAGE, digest: "sha256:GL000000000000bbbbbbbbbbbb", source: "gitlab" },
      { id: "sha256:other", digest: "sha256:0123456789ab", source: "aws" },
    ]);
    store = await openStore(path);
    const stats = await store.writeBatch(await buildBatch(store, [SAMPLE, GITLAB]), { updateTag: 100 });
    // + two report records, each linked to its base and its one matching Image.
    assert.deepEqual(stats, { nodes: 7, relationships: 11 });
  });
  after(() => store.close());

  test("one DockerScoutPublicImage with exactly Cartography's values", async () => {
    const rows = await store.query("MATCH (p:DockerScoutPublicImage) RETURN p");
    assert.equal(rows.length, 1);
    const p = rows[0]?.p as Record<string, unknown>;
    assert.ok(typeof p.firstseen === "number" && Number.isInteger(p.firstseen) && p.firstseen > 1.6e12, "firstseen in ms");
    delete p.firstseen;
    assert.deepEqual(p, {
      id: "node:25-alpine",
      name: "node",
      tag: "25-alpine",
      alternative_tags: BASE_ALTERNATIVE_TAGS,
      version: "22",
      digest: "sha256:e75468deb6a0d82fc49a7c566d016862dbdb9bd90e7ef31aee95c547c8e591ef",
      lastupdated: 100,
      _module_name: MODULE_NAME,
      _module_version: MODULE_VERSION,
    });
  });

  test("four DockerScoutPublicImageTag nodes; absent alternative_tags and flavor/os stay absent", async () => {
    const rows = await store.query("MATCH (t:DockerScoutPublicImageTag) RETURN t ORDER BY t.id");
    const tags = rows.map((r) => {
      const t = { ...(r.t as Record<string, unknown>) };
      assert.equal(t.lastupdated, 100);
      assert.equal(t._module_name, MODULE_NAME);
      assert.ok(Number.isInteger(t.firstseen));
      delete t.firstseen;
      delete t.lastupdated;
      delete t._module_name;
      delete t._module_version;
      return t;
    });
    assert.deepEqual(tags, [
      {
        id: "node:25-alpine",
        name: "node",
        tag: "25-alpine",
        alternative_tags: NODE_25_ALPINE_TAGS,
        size: "59 MB",
        flavor: "alpine",
        os: "alpine",
        runtime: "22",
        is_slim: false,
      },
      { id: "node:current-alpine", name: "node", tag: "current-alpine", size: "60 MB", flavor: "alpine", os: "alpine", runtime: "22", is_slim: false },
      {
        id: "node:current-alpine3.23",
        name: "node",
        tag: "current-alpine3.23",
        alternative_tags: ["alpine3.23"],
        size: "60 MB",
        flavor: "alpine",
        os: "alpine",
        runtime: "22",
        is_slim: false,
      },
      { id: "node:slim", name: "node", tag: "slim", alternative_tags: SLIM_TAGS, size: "79 MB", runtime: "22", is_slim: true },
    ]);
    // Scalar access tells null (absent) from an empty list.
    const alt = await store.query("MATCH (t:DockerScoutPublicImageTag {id: $id}) RETURN t.alternative_tags AS alt", { id: "node:current-alpine" });
    assert.deepEqual(alt, [{ alt: null }]);
  });

  test("BUILT_FROM to the base tag only; SHOULD_UPDATE_TO with benefits and positive fix_* only", async () => {
    const builtFrom = await store.query("MATCH (p:DockerScoutPublicImage)-[r:BUILT_FROM]->(t:DockerScoutPublicImageTag) RETURN p.id AS p, t.id AS t, r");
    assert.equal(builtFrom.length, 1);
    assert.equal(builtFrom[0]?.t, "node:25-alpine");
    const r = builtFrom[0]?.r as Record<string, unknown>;
    assert.deepEqual(Object.keys(r).sort(), ["_module_name", "_module_version", "firstseen", "lastupdated"]);

    const rows = await store.query(
      "MATCH (:DockerScoutPublicImage {id: $id})-[r:SHOULD_UPDATE_TO]->(t:DockerScoutPublicImageTag) " +
        "RETURN t.id AS tag, size(r.benefits) AS benefits, r.fix_critical AS c, r.fix_high AS h, r.fix_medium AS m, r.fix_low AS l, r.lastupdated AS lu ORDER BY tag",
      { id: "node:25-alpine" },
    );
    assert.deepEqual(rows, [
      { tag: "node:25-alpine", benefits: 7, c: null, h: 2, m: null, l: null, lu: 100 },
      { tag: "node:current-alpine", benefits: 6, c: null, h: 2, m: null, l: null, lu: 100 },
      { tag: "node:current-alpine3.23", benefits: 5, c: null, h: 2, m: null, l: null, lu: 100 },
      { tag: "node:slim", benefits: 4, c: null, h: 2, m: 1, l: null, lu: 100 },
    ]);
    const slim = await store.query("MATCH ()-[r:SHOULD_UPDATE_TO]->(:DockerScoutPublicImageTag {id: 'node:slim'}) RETURN r.benefits AS b");
    assert.deepEqual(slim[0]?.b, ["Tag is preferred tag", "Tag was pushed more recently", "Tag is using slim variant", "slim was pulled 17K times last month"]);
  });

  test("BUILT_ON from both matching Image nodes, with the sub-resource constants; others untouched", async () => {
    const rows = await store.query("MATCH (i:Image)-[r:BUILT_ON]->(p:DockerScoutPublicImage) RETURN i.id AS image, p.id AS p, r ORDER BY image");
    assert.deepEqual(
      rows.map((row) => [row.image, row.p]),
      [
        [ECR_IMAGE, "node:25-alpine"],
        [GITLAB_IMAGE, "node:25-alpine"],
      ],
    );
    for (const row of rows) {
      const r = row.r as Record<string, unknown>;
      assert.equal(r._sub_resource_label, "DockerScout");
      assert.equal(r._sub_resource_id, "global");
      assert.equal(r._module_name, MODULE_NAME);
      assert.equal(r.lastupdated, 100);
    }
    // The provider-owned Image nodes are linked, never rewritten.
    const images = await store.query("MATCH (i:Image) RETURN i.id AS id, i.lastupdated AS lu, i._ont_source AS src, i._module_name AS m ORDER BY id");
    assert.deepEqual(images, [
      { id: ECR_IMAGE, lu: 1, src: "aws", m: null },
      { id: GITLAB_IMAGE, lu: 1, src: "gitlab", m: null },
      { id: "sha256:other", lu: 1, src: "aws", m: null },
    ]);
  });

  test("the example queries of docs/embedded-store.md run and return the example's data", async () => {
    const doc = readFileSync(join(REPO_ROOT, "docs", "embedded-store.md"), "utf8");
    const section = doc.slice(doc.indexOf("## Queries that run on both stores"), doc.indexOf("## Operations"));
    const queries = [...section.matchAll(/```cypher\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    assert.equal(queries.length, 4);
    const [bases, updates, images, slim] = await Promise.all(queries.map((q) => store.query(q)));
    assert.deepEqual(bases, [{ base: "node:25-alpine", reports: 2, updates: 4 }]);
    assert.deepEqual(updates?.[0], { base: "node:25-alpine", update_to: "25-alpine", category: "refresh", critical_fixed: 0, high_fixed: 2 });
    assert.equal(updates?.length, 4);
    assert.deepEqual(images, [
      { image: ECR_IMAGE, base: "node:25-alpine", size: "59 MB", os: "alpine" },
      { image: GITLAB_IMAGE, base: "node:25-alpine", size: "59 MB", os: "alpine" },
    ]);
    assert.deepEqual(slim, [{ base: "node:25-alpine", slim_tag: "slim", high_fixed: 2, benefits: 4 }]);
  });

  test("dialect notes: type(r) works (the store's macro), lists are 1-based, unknown properties are errors", async () => {
    assert.deepEqual(await store.query("MATCH (:Image)-[r]->(:DockerScoutPublicImage) RETURN DISTINCT type(r) AS t"), [{ t: "BUILT_ON" }]);
    assert.deepEqual(await store.query("MATCH (p:DockerScoutPublicImage) RETURN p.alternative_tags[1] AS first, labels(p) AS l"), [
      { first: BASE_ALTERNATIVE_TAGS[0], l: "DockerScoutPublicImage" },
    ]);
    await assert.rejects(store.query("MATCH (p:DockerScoutPublicImage) RETURN p.no_such_property AS x"), /Cannot find property no_such_property/);
    await assert.rejects(store.query("MATCH (a:Image)-->(b) RETURN a.id AS a ORDER BY a"), /Order by NODE is not supported/);
  });

  test("integers are INT64 columns, lists STRING[], is_slim BOOLEAN (generated from the schema)", async () => {
    const columns = await store.query("CALL table_info('SHOULD_UPDATE_TO') RETURN name, type");
    const types = Object.fromEntries(columns.map((c) => [c.name, c.type]));
    assert.equal(types.fix_high, "INT64");
    assert.equal(types.lastupdated, "INT64");
    assert.equal(types.firstseen, "INT64");
    assert.equal(types.benefits, "STRING[]");
    const tagColumns = await store.query("CALL table_info('DockerScoutPublicImageTag') RETURN name, type");
    assert.equal(Object.fromEntries(tagColumns.map((c) => [c.name, c.type])).is_slim, "BOOL");
    const tables = await store.query("CALL show_tables() RETURN name");
    const names = tables.map((t) => t.name);
    for (const def of [...NODES.map((n) => n.label), ...RELATIONSHIPS.map((r) => r.type)]) assert.ok(names.includes(def), def);
  });
});

describe("embedded store: re-writes, cleanup and scoutgraph's own Image nodes", () => {
  test("a re-write keeps firstseen, moves lastupdated and removes properties that became null", async () => {
    const store = await openStore(tempStorePath());
    try {
      await store.writeBatch(await buildBatch(store, [SAMPLE]), { updateTag: 100 });
      const [before1] = await store.query("MATCH (t:DockerScoutPublicImageTag {id: 'node:slim'}) RETURN t.firstseen AS fs, t.lastupdated AS lu");
      await new Promise((r) => setTimeout(r, 5));
      const batch = await buildBatch(store, [SAMPLE]);
      const slim = batch.tags.find((t) => t.id === "node:slim");
      assert.ok(slim);
      slim.size = null;
      const stats = await store.writeBatch(batch, { updateTag: 200 });
      assert.deepEqual(stats, { nodes: 6, relationships: 6 });
      const [after1] = await store.query("MATCH (t:DockerScoutPublicImageTag {id: 'node:slim'}) RETURN t.firstseen AS fs, t.lastupdated AS lu, t.size AS size");
      assert.equal(after1?.fs, before1?.fs);
      assert.equal(before1?.lu, 100);
      assert.equal(after1?.lu, 200);
      assert.equal(after1?.size, null);
      const counts = await store.query("MATCH (n) RETURN count(n) AS n");
      assert.deepEqual(counts, [{ n: 6 }]);
      const rels = await store.query("MATCH ()-[r]->() RETURN count(r) AS n");
      assert.deepEqual(rels, [{ n: 6 }], "MERGE does not duplicate relationships");
    } finally {
      await store.close();
    }
  });

  test("cleanup deletes stale nodes and relationships, scoutgraph-created Image nodes, never other Image nodes", async () => {
    const path = tempStorePath();
    await (await openStore(path)).close();
    await insertForeignImages(path, [{ id: ECR_IMAGE, digest: "sha256:ecr000000000000aaaaaaaaaaaa", source: "aws" }]);
    const store = await openStore(path);
    try {
      // Run 1: both reports, with scoutgraph-created target images.
      await store.writeBatch(await buildBatch(store, [SAMPLE, GITLAB], true), { updateTag: 100 });
      const created = await store.query("MATCH (i:Image) WHERE i._ont_source = $src RETURN i.id AS id, i._ont_digest AS d ORDER BY id", {
        src: "docker_scout_report",
      });
      assert.deepEqual(created, [
        { id: "gitlab.example.test/group/app:2.0.0@gl000000000000", d: "gl000000000000" },
        { id: "registry.example.test/example/app:1.2.3@ecr000000000000", d: "ecr000000000000" },
      ]);
      assert.deepEqual(await store.query("MATCH ()-[r:BUILT_ON]->() RETURN count(r) AS n"), [{ n: 3 }]);

      // Run 2: only the ECR report, whose base has another Name row (a different public image).
      const moved = SAMPLE.replace("Name            │  25-alpine", "Name            │  24-alpine");
      await store.writeBatch(await buildBatch(store, [moved], true), { updateTag: 200 });
      const stats = await store.cleanup({ updateTag: 200 });

      const nodes = await store.query("MATCH (n) RETURN label(n) AS label, n.id AS id ORDER BY label, id");
      assert.deepEqual(
        nodes.map((n) => `${n.label} ${n.id}`),
        [
          "DockerScoutPublicImage node:24-alpine",
          "DockerScoutPublicImageTag node:24-alpine",
          "DockerScoutPublicImageTag node:25-alpine",
          "DockerScoutPublicImageTag node:current-alpine",
          "DockerScoutPublicImageTag node:current-alpine3.23",
          "DockerScoutPublicImageTag node:slim",
          "DockerScoutReport report-0#0",
          `Image ${ECR_IMAGE}`,
          "Image registry.example.test/example/app:1.2.3@ecr000000000000",
        ],
      );
      // Deleted: public image node:25-alpine; the GitLab report's record and target Image (scoutgraph-created, stale).
      assert.equal(stats.nodesDeleted, 3);
      // Stale relationships of run 1: BUILT_FROM + 4 SHOULD_UPDATE_TO + 3 BUILT_ON + 2 IDENTIFIED_BASE
      // (both reports named node:25-alpine) + the GitLab report's REPORTS_ON.
      assert.equal(stats.relationshipsDeleted, 11);
      const rels = await store.query("MATCH (a)-[r]->(b) RETURN label(r) AS type, a.id AS src, b.id AS dst, r.lastupdated AS lu ORDER BY type, src, dst");
      assert.ok(rels.every((r) => r.lu === 200));
      assert.deepEqual(
        rels.filter((r) => r.type === "BUILT_ON").map((r) => r.src),
        [ECR_IMAGE, "registry.example.test/example/app:1.2.3@ecr000000000000"],
      );
      // A second cleanup with the same tag finds nothing.
      assert.deepEqual(await store.cleanup({ updateTag: 200 }), { nodesDeleted: 0, relationshipsDeleted: 0, transactions: 9 });
    } finally {
      await store.close();
    }
  });

  test("cleanup works in bounded rounds (more stale nodes than one round)", async () => {
    const store = await openStore(tempStorePath());
    try {
      const n = 10_500;
      const tags = Array.from({ length: n }, (_, i) => ({
        id: `img:t${i}`,
        name: "img",
        tag: `t${i}`,
        alternative_tags: null,
        size: null,
        flavor: null,
        os: null,
        runtime: null,
        is_slim: false,
      }));
      await store.writeBatch({ publicImages: [], tags, builtFrom: [], shouldUpdateTo: [], targetImages: [], builtOn: [], reports: [], identifiedBase: [], reportsOn: [] }, { updateTag: 1 });
      const stats = await store.cleanup({ updateTag: 2 });
      assert.equal(stats.nodesDeleted, n);
      assert.deepEqual(await store.query("MATCH (t:DockerScoutPublicImageTag) RETURN count(t) AS n"), [{ n: 0 }]);
    } finally {
      await store.close();
    }
  });

  test("a batch is one transaction: a failure part-way leaves nothing of it and is a STORE error", async () => {
    const store = await openStore(tempStorePath());
    try {
      const batch = await buildBatch(store, [SAMPLE]);
      // A value LadybugDB cannot cast to the column's type fails the batch after the public image.
      (batch.tags[1] as unknown as Record<string, unknown>).is_slim = "not a boolean";
      await assert.rejects(store.writeBatch(batch, { updateTag: 1 }), (err: unknown) => {
        assert.ok(err instanceof ScoutgraphError);
        assert.equal(err.code, "STORE");
        assert.match(err.message, /writing to the embedded store .* failed/);
        return true;
      });
      assert.deepEqual(await store.query("MATCH (n) RETURN count(n) AS n"), [{ n: 0 }]);
      // The store stays usable: the same batch, corrected, goes in.
      const good = await buildBatch(store, [SAMPLE]);
      assert.deepEqual(await store.writeBatch(good, { updateTag: 2 }), { nodes: 6, relationships: 6 });
    } finally {
      await store.close();
    }
  });

  test("relationships need both endpoints: a missing endpoint writes nothing", async () => {
    const store = await openStore(tempStorePath());
    try {
      const stats = await store.writeBatch(
        {
          publicImages: [],
          tags: [],
          builtFrom: [{ public_image_id: "x:1", tag_id: "x:1" }],
          shouldUpdateTo: [],
          targetImages: [],
          builtOn: [],
          reports: [],
          identifiedBase: [],
          reportsOn: [],
        },
        { updateTag: 1 },
      );
      assert.deepEqual(stats, { nodes: 0, relationships: 0 });
      assert.deepEqual(await store.query("MATCH (n) RETURN count(n) AS n"), [{ n: 0 }]);
    } finally {
      await store.close();
    }
  });
});

describe("embedded store: query(), reopening and errors", () => {
  test("query() refuses every write clause with a clear error and leaves the data alone", async () => {
    const store = await openStore(tempStorePath());
    try {
      await store.writeBatch(await buildBatch(store, [SAMPLE]), { updateTag: 1 });
      for (const cypher of [
        "MATCH (t:DockerScoutPublicImageTag) SET t.size = 'x'",
        "MATCH (t:DockerScoutPublicImageTag) DETACH DELETE t",
        "CREATE (:DockerScoutPublicImage {id: 'x'})",
        "MERGE (:DockerScoutPublicImage {id: 'x'})",
        "CREATE NODE TABLE Evil(id STRING PRIMARY KEY)",
        "DROP TABLE BUILT_FROM",
        "MATCH (p:DockerScoutPublicImage) WITH p MATCH (t:DockerScoutPublicImageTag {id: p.id}) SET t.size = NULL",
        "MATCH (t:DockerScoutPublicImageTag) WITH t LIMIT 1 DELETE t",
      ]) {
        await assert.rejects(store.query(cypher), (err: unknown) => {
          assert.ok(err instanceof ScoutgraphError, cypher);
          assert.match(err.message, /read-only/);
          return true;
        });
      }
      assert.deepEqual(await store.query("MATCH (n) RETURN count(n) AS n"), [{ n: 6 }]);
      await assert.rejects(store.query("MATCH (n:NoSuchLabel) RETURN n"), /rejected by the embedded store/);
    } finally {
      await store.close();
    }
  });

  test("a store reopened after close keeps its data; prepare() is idempotent", async () => {
    const path = tempStorePath();
    const first = await openStore(path);
    await first.writeBatch(await buildBatch(first, [SAMPLE]), { updateTag: 7 });
    await first.close();
    await first.close();
    const second = await openStore(path);
    await second.prepare();
    try {
      assert.deepEqual(await second.query("MATCH (p:DockerScoutPublicImage) RETURN p.id AS id, p.lastupdated AS lu"), [{ id: "node:25-alpine", lu: 7 }]);
    } finally {
      await second.close();
    }
    const readOnly = new EmbeddedGraphStore({ path, readOnly: true });
    try {
      await readOnly.prepare();
      assert.deepEqual(await readOnly.query("MATCH (t:DockerScoutPublicImageTag) RETURN count(t) AS n"), [{ n: 4 }]);
      await assert.rejects(readOnly.query("MATCH (n) DETACH DELETE n"), /read-only sandbox/);
    } finally {
      await readOnly.close();
    }
  });

  test("an older store gains the schema's new columns; a newer or incompatible one is refused", async () => {
    // A store as scoutgraph 0.1 left it: no `version` column (pretend), the since-retired
    // report_target_* lists, and no DockerScoutReport table.
    const old = tempStorePath();
    await raw(
      old,
      "CREATE NODE TABLE DockerScoutPublicImage(id STRING, name STRING, tag STRING, alternative_tags STRING[], digest STRING, " +
        "report_target_images STRING[], report_target_digests STRING[], " +
        "firstseen INT64, lastupdated INT64, _module_name STRING, _module_version STRING, PRIMARY KEY(id))",
    );
    const store = await openStore(old);
    try {
      await store.writeBatch(await buildBatch(store, [SAMPLE]), { updateTag: 1 });
      assert.deepEqual(await store.query("MATCH (p:DockerScoutPublicImage) RETURN p.version AS v"), [{ v: "22" }]);
      assert.deepEqual(await store.query("MATCH (r:DockerScoutReport)-[:IDENTIFIED_BASE]->(p) RETURN r.target_digest AS d, p.id AS base"), [
        { d: "ecr000000000000", base: "node:25-alpine" },
      ]);
    } finally {
      await store.close();
    }

    const newer = tempStorePath();
    await (await openStore(newer)).close();
    await raw(newer, "COMMENT ON TABLE DockerScoutPublicImage IS 'scoutgraph store format 99'");
    await assert.rejects(openStore(newer), /written by a newer scoutgraph \(store format 99; this one knows 1\)/);

    const clash = tempStorePath();
    await raw(clash, "CREATE NODE TABLE DockerScoutPublicImageTag(id STRING, is_slim STRING, PRIMARY KEY(id))");
    await assert.rejects(openStore(clash), /holds tables scoutgraph cannot use \(DockerScoutPublicImageTag.is_slim is STRING, expected BOOLEAN\)/);
  });

  test("imageDigests() streams every Image id and _ont_digest", async () => {
    const path = tempStorePath();
    await (await openStore(path)).close();
    await insertForeignImages(path, [
      { id: "a", digest: "sha256:aa", source: "aws" },
      { id: "b", digest: "sha256:bb", source: "gitlab" },
    ]);
    const store = await openStore(path);
    try {
      const rows = [];
      for await (const row of store.imageDigests()) rows.push(row);
      rows.sort((x, y) => (x.id < y.id ? -1 : 1));
      assert.deepEqual(
        rows.map((r) => [r.id, r.ontDigest]),
        [
          ["a", "sha256:aa"],
          ["b", "sha256:bb"],
        ],
      );
    } finally {
      await store.close();
    }
  });

  test("bad paths give one clear error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scoutgraph-embedded-bad-"));
    dirs.push(dir);
    const notADb = join(dir, "notes.txt");
    writeFileSync(notADb, "hello, not a database\n");
    const aDir = join(dir, "folder");
    mkdirSync(aDir);
    const cases: [string, RegExp, boolean?][] = [
      [notADb, /notes\.txt is not a LadybugDB database/],
      [aDir, /folder is a directory; --store names the database file/],
      [join(dir, "missing"), /there is no embedded store at .*missing: run scoutgraph sync first/, true],
    ];
    for (const [path, message, readOnly] of cases) {
      const store = new EmbeddedGraphStore({ path, readOnly: readOnly ?? false });
      await assert.rejects(store.verifyConnectivity(), (err: unknown) => {
        assert.ok(err instanceof ScoutgraphError);
        assert.equal(err.code, "STORE");
        assert.match(err.message, message);
        return true;
      });
      await store.close();
    }
  });

  test("LadybugDB's other open failures read as one line; the binding is found per platform", () => {
    // The exact texts LadybugDB gives (a file of another storage version; a file it cannot open).
    assert.equal(
      describeOpenError("/s/db", new Error("Runtime exception: Trying to read a database file with a different version. Database file version: 47, Current build storage version: 43")),
      "/s/db was written by another LadybugDB storage version (47; this build reads 43): use the scoutgraph that wrote it, or sync into a new --store",
    );
    assert.equal(describeOpenError("/s/db", new Error("IO exception: Cannot open file /s/db: Permission denied\nmore")), "cannot open the embedded store /s/db: IO exception: Cannot open file /s/db: Permission denied");
    assert.deepEqual(bindingPackages("darwin", "arm64"), ["@ladybugdb/core-darwin-arm64", "@ladybugdb/core"]);
  });

  test("a store being written by another process is refused in one line; a dead writer's lock is not", async () => {
    const path = tempStorePath();
    await (await openStore(path)).close();
    const { spawn } = await import("node:child_process");
    const storeModule = new URL("../../src/stores/embedded/embedded-graph-store.js", import.meta.url).href;
    const holder = spawn(
      process.execPath,
      ["--input-type=module", "-e", `const {EmbeddedGraphStore}=await import(${JSON.stringify(storeModule)});` +
        `const s=new EmbeddedGraphStore({path:${JSON.stringify(path)}});await s.verifyConnectivity();console.log("open");setTimeout(()=>s.close(),20000);`],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on("data", (d: Buffer) => d.toString().includes("open") && resolve());
        holder.on("exit", () => reject(new Error("holder exited early")));
      });
      const store = new EmbeddedGraphStore({ path });
      await assert.rejects(store.verifyConnectivity(), new RegExp(`a scoutgraph sync \\(pid ${holder.pid}\\) is writing the store .*; retry when it has finished$`));
      await store.close();
      // Readers are not blocked: they read the published file.
      const reader = new EmbeddedGraphStore({ path, readOnly: true });
      assert.deepEqual(await reader.query("RETURN 1 AS one"), [{ one: 1 }]);
      await reader.close();
    } finally {
      holder.kill("SIGKILL");
      await new Promise((resolve) => holder.on("close", resolve));
    }
    // The holder died without releasing its lock (and left its copy): the next writer takes over.
    const next = new EmbeddedGraphStore({ path });
    await next.verifyConnectivity();
    await next.close();
    assert.deepEqual(readdirSync(dirname(path)).filter((n) => n.startsWith(basename(path)) && n !== basename(path)), []);
  });
});

describe("embedded store: rows files carry any text exactly", () => {
  // Every way text can trip a CSV reader, and the values a CSV cannot hold ("" reads as NULL,
  // NUL ends a C string), which the store sends as list parameters instead.
  const HOSTILE = ['quote " inside', "comma, and ;", "line\nbreak\r\nand\rcr", "back\\slash\\", " lead and trail ", "😀 ünïcödé", "'single'", "[1,2]", "NULL", "tab\there", '"', ",", "", "nul\u0000byte"];
  // Without NUL (a list holding one goes as a parameter, tested by the last of LISTS).
  const LIST_TEXT = [...HOSTILE.filter((t) => !t.includes("\u0000")), "|", "%", "%7C", "%25", "=", "-", "+", "a|b%7Cc%25d"];
  const LISTS: (string[] | null)[] = [null, [], [""], ["", ""], LIST_TEXT, ["-"], ["+"], ["|", ""], ["nul\u0000in a list"]];
  const batchFor = (suffix: string, count: number): GraphBatch => {
    const base = `base ${HOSTILE[0]}`;
    const images = HOSTILE.map((text, i) => ({ id: `image ${i} ${text}`, name: text === "" ? null : `${text}${suffix}`, _ont_digest: `sha256:${i}${text}` }));
    const reports = HOSTILE.map((text, i) => ({
      id: `${text}#${i}`,
      source: text,
      source_index: i,
      target_image: `${text}${suffix}`,
      target_digest: i % 2 === 0 ? null : text,
      public_image_id: base,
      recommended_tag_id: text === "" ? null : `${base}:${text}`,
      recommendations: count + i,
      source_modified: i % 3 === 0 ? null : 1_700_000_000_000 + i,
    }));
    return {
      // Lists too: every hostile text as an element, plus the list encoding's own characters.
      publicImages: [{ id: base, name: base, tag: "1", alternative_tags: [...LIST_TEXT, suffix], version: null, digest: null }],
      tags: LISTS.map((list, i) => ({ id: `${base}:${i}`, name: base, tag: String(i), alternative_tags: list, size: null, flavor: null, os: null, runtime: null, is_slim: i % 2 === 0 })),
      builtFrom: [],
      shouldUpdateTo: LISTS.map((list, i) => ({
        public_image_id: base,
        tag_id: `${base}:${i}`,
        benefits: list ?? [suffix],
        fix_critical: i,
        fix_high: null,
        fix_medium: null,
        fix_low: null,
        category: "change" as const,
        rank: i + count,
        introduced_critical: null,
        introduced_high: null,
        introduced_medium: null,
        introduced_low: null,
      })),
      targetImages: images,
      builtOn: images.map((image) => ({ image_id: image.id, public_image_id: base })),
      reports,
      identifiedBase: reports.map((r) => ({ report_id: r.id, public_image_id: base })),
      reportsOn: reports.map((r, i) => ({ report_id: r.id, image_id: images[i]?.id ?? "" })),
    };
  };
  const graphOf = async (store: EmbeddedGraphStore): Promise<unknown> => ({
    images: await store.query("MATCH (n:Image) RETURN n.id AS id, n.name AS name, n._ont_digest AS digest, n.lastupdated AS tag ORDER BY id"),
    reports: await store.query(
      "MATCH (n:DockerScoutReport) RETURN n.id AS id, n.source AS source, n.source_index AS i, n.target_image AS target, n.target_digest AS digest, " +
        "n.recommended_tag_id AS tag, n.recommendations AS recs, n.source_modified AS modified, n.lastupdated AS lu ORDER BY id",
    ),
    rels: await store.query("MATCH (a)-[r]->(b) RETURN label(r) AS type, a.id AS a_id, b.id AS b_id, r.lastupdated AS tag ORDER BY type, a_id, b_id"),
    lists: [
      ...(await store.query("MATCH (p:DockerScoutPublicImage) RETURN p.id AS id, p.alternative_tags AS list")),
      ...(await store.query("MATCH (t:DockerScoutPublicImageTag) RETURN t.id AS id, t.alternative_tags AS list, t.is_slim AS slim ORDER BY id")),
      ...(await store.query("MATCH (:DockerScoutPublicImage)-[r:SHOULD_UPDATE_TO]->(t) RETURN t.id AS id, r.benefits AS list, r.rank AS rank ORDER BY id")),
    ],
  });

  test("created and then updated through rows files, the graph equals the one written with list parameters", async () => {
    const graphs: unknown[] = [];
    for (const rowsFile of [true, false]) {
      const store = new EmbeddedGraphStore({ path: tempStorePath(), bufferPoolBytes: 64 * 1024 * 1024, rowsFile });
      try {
        await store.prepare();
        const expected = { nodes: 1 + LISTS.length + 2 * HOSTILE.length, relationships: LISTS.length + 3 * HOSTILE.length };
        assert.deepEqual(await store.writeBatch(batchFor(" v1", 1), { updateTag: 1 }), expected);
        assert.deepEqual(await store.writeBatch(batchFor(" v2", 2), { updateTag: 2 }), expected);
        graphs.push(await graphOf(store));
      } finally {
        await store.close();
      }
    }
    assert.deepEqual(graphs[0], graphs[1]);
    const { images, reports, lists } = graphs[0] as { images: Row[]; reports: Row[]; lists: Row[] };
    assert.deepEqual(lists[0], { id: `base ${HOSTILE[0]}`, list: [...LIST_TEXT, " v2"] });
    for (const [i, list] of LISTS.entries()) {
      assert.deepEqual(lists.find((row) => row.id === `base ${HOSTILE[0]}:${i}` && "slim" in row), { id: `base ${HOSTILE[0]}:${i}`, list, slim: i % 2 === 0 }, `tag list ${i}`);
      assert.deepEqual(lists.find((row) => row.id === `base ${HOSTILE[0]}:${i}` && "rank" in row), { id: `base ${HOSTILE[0]}:${i}`, list: list ?? [" v2"], rank: i + 2 }, `benefits ${i}`);
    }
    assert.equal(images.length, HOSTILE.length);
    for (const [i, text] of HOSTILE.entries()) {
      const image = images.find((row) => row.id === `image ${i} ${text}`);
      assert.ok(image, `image ${JSON.stringify(text)} is there under its exact id`);
      assert.equal(image.name, text === "" ? null : `${text} v2`);
      assert.equal(image.digest, `sha256:${i}${text}`);
      const report = reports.find((row) => row.id === `${text}#${i}`);
      assert.ok(report, `report ${JSON.stringify(text)} is there`);
      assert.deepEqual(
        [report.source, report.target, report.digest, report.recs, report.lu],
        [text, `${text} v2`, i % 2 === 0 ? null : text, 2 + i, 2],
      );
    }
  });
});
