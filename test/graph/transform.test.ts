// The pure transform against the contract checklist items 28-46 (Part B §2.2, with Part A).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { transformReport, mergeUnique } from "../../src/graph/transform.js";
import type { ReportGraph } from "../../src/graph/rows.js";
import {
  BASE_ALTERNATIVE_TAGS,
  BENEFITS_25_ALPINE,
  BENEFITS_SLIM,
  NODE_25_ALPINE_TAGS,
  SLIM_TAGS,
  baseImage,
  counts,
  parsedFixture,
  recommendation,
  report,
} from "./report-builders.js";

function transformed(r = report()): ReportGraph {
  const graph = transformReport(r);
  assert.ok(graph, "expected rows");
  return graph;
}

describe("transform of Cartography's sample report", () => {
  const graph = transformed(parsedFixture("cartography-sample"));
  const tag = (id: string) => graph.tags.find((t) => t.id === id);

  test("one public image with id name:tag and exactly Cartography's properties (28, 29, 30)", () => {
    assert.deepEqual(graph.publicImage, {
      id: "node:25-alpine",
      name: "node",
      tag: "25-alpine",
      alternative_tags: BASE_ALTERNATIVE_TAGS,
      version: "22",
      digest: "sha256:e75468deb6a0d82fc49a7c566d016862dbdb9bd90e7ef31aee95c547c8e591ef",
    });
    assert.deepEqual(graph.target, { image: "registry.example.test/example/app:1.2.3", digest: "ecr000000000000" });
  });

  test("one tag row per distinct id, base first, with the §2.8 values (31, 32, 33, 34)", () => {
    assert.deepEqual(
      graph.tags.map((t) => t.id),
      ["node:25-alpine", "node:current-alpine3.23", "node:current-alpine", "node:slim"],
    );
    assert.deepEqual(tag("node:25-alpine"), {
      id: "node:25-alpine",
      name: "node",
      tag: "25-alpine",
      alternative_tags: NODE_25_ALPINE_TAGS,
      size: "59 MB",
      flavor: "alpine",
      os: "alpine",
      runtime: "22",
      is_slim: false,
    });
    assert.deepEqual(tag("node:current-alpine3.23")?.alternative_tags, ["alpine3.23"]);
    assert.equal(tag("node:current-alpine")?.alternative_tags, null);
    assert.deepEqual(tag("node:slim"), {
      id: "node:slim",
      name: "node",
      tag: "slim",
      alternative_tags: SLIM_TAGS,
      size: "79 MB",
      flavor: null,
      os: null,
      runtime: "22",
      is_slim: true,
    });
    for (const t of graph.tags) assert.equal("digest" in t, false);
  });

  test("BUILT_FROM to the base tag; SHOULD_UPDATE_TO to every recommended tag, the base tag included (40, 41, 42)", () => {
    assert.deepEqual(graph.builtFrom, { public_image_id: "node:25-alpine", tag_id: "node:25-alpine" });
    const rows = graph.shouldUpdateTo;
    assert.deepEqual(
      rows.map((r) => [r.tag_id, r.benefits.length, r.fix_critical, r.fix_high, r.fix_medium, r.fix_low, r.category, r.rank]),
      [
        ["node:25-alpine", 7, null, 2, null, null, "refresh", 1],
        ["node:current-alpine3.23", 5, null, 2, null, null, "change", 2],
        ["node:current-alpine", 6, null, 2, null, null, "change", 3],
        ["node:slim", 4, null, 2, 1, null, "change", 4],
      ],
    );
    assert.deepEqual(rows[0]?.benefits, BENEFITS_25_ALPINE);
    assert.deepEqual(rows[3]?.benefits, BENEFITS_SLIM);
    // slim: low 1 -> 10 adds 9 (additive introduced_low); nothing else is introduced.
    assert.deepEqual(
      rows.map((r) => [r.introduced_critical, r.introduced_high, r.introduced_medium, r.introduced_low]),
      [[null, null, null, null], [null, null, null, null], [null, null, null, null], [null, null, null, 9]],
    );
    for (const r of rows) assert.ok(r.public_image_id === "node:25-alpine");
  });

  test("integers are integers and every row key is present (null, never undefined) (35, 37)", () => {
    for (const r of graph.shouldUpdateTo) {
      assert.ok(Number.isInteger(r.rank));
      for (const v of [r.fix_critical, r.fix_high, r.fix_medium, r.fix_low]) assert.ok(v === null || (Number.isInteger(v) && v > 0));
    }
    for (const row of [graph.publicImage, ...graph.tags, ...graph.shouldUpdateTo]) {
      for (const [k, v] of Object.entries(row)) assert.notEqual(v, undefined, k);
    }
  });
});

describe("canonical tag fields and alternative tags (§2.2)", () => {
  test("the base tag row's fields win over its recommendation, even null ones (33)", () => {
    const graph = transformed(
      report({
        base: baseImage({ tag: "22-alpine", size: null, runtime: null, alternative_tags: ["a", "b"] }),
        recommendations: [recommendation({ section: "refresh", tag: "22-alpine", size: "60 MB", runtime: "22.1", flavor: "debian", alternative_tags: ["b", "c"] })],
      }),
    );
    assert.equal(graph.tags.length, 1);
    assert.deepEqual(graph.tags[0], {
      id: "node:22-alpine",
      name: "node",
      tag: "22-alpine",
      alternative_tags: ["a", "b", "c"],
      size: null,
      flavor: "alpine",
      os: "alpine",
      runtime: null,
      is_slim: false,
    });
    assert.equal(graph.shouldUpdateTo.length, 1);
  });

  test("a base-only tag with no supported tags keeps []; a recommended one with no aliases has none (34)", () => {
    const graph = transformed(report({ recommendations: [recommendation({ tag: "22-slim", alternative_tags: [] })] }));
    assert.deepEqual(graph.tags[0]?.alternative_tags, []);
    assert.equal(graph.tags[1]?.alternative_tags, null);
    assert.deepEqual(graph.publicImage.alternative_tags, []);
  });

  test("a base tag that is also recommended, both without aliases, has no alternative_tags (mergeUnique of nothing)", () => {
    const graph = transformed(report({ recommendations: [recommendation({ section: "refresh", tag: "22-alpine" })] }));
    assert.equal(graph.tags[0]?.alternative_tags, null);
  });

  test("mergeUnique keeps first-seen order and drops exact duplicates", () => {
    assert.deepEqual(mergeUnique(["x", "y"], ["y", "z", "x", "Z"]), ["x", "y", "z", "Z"]);
    assert.equal(mergeUnique([], []), null);
    assert.equal(mergeUnique(null, []), null);
  });

  test("the Name row gives the id; os and is_slim come from the reference's tag and raw flavor (§1.8, checklist 9)", () => {
    const graph = transformed(report({ base: baseImage({ name: "ruby", tag: "3.0-alpine3.18", ref_tag: "3-slim-bookworm", flavor: null }) }));
    assert.equal(graph.publicImage.id, "ruby:3.0-alpine3.18");
    assert.equal(graph.tags[0]?.os, "debian");
    assert.equal(graph.tags[0]?.is_slim, true);
    assert.equal(graph.tags[0]?.tag, "3.0-alpine3.18");
  });

  test("the Slim mark makes a tag slim; the flavor is lower-cased and an empty one is absent", () => {
    const graph = transformed(
      report({
        base: baseImage({ tag: "12", ref_tag: "12", flavor: "Debian", slim: true }),
        recommendations: [recommendation({ tag: "13", flavor: "", slim: true }), recommendation({ tag: "lts", flavor: "RedHat" })],
      }),
    );
    assert.deepEqual(
      graph.tags.map((t) => [t.id, t.flavor, t.os, t.is_slim]),
      [
        ["node:12", "debian", "debian", true],
        ["node:13", null, null, true],
        ["node:lts", "redhat", "redhat", false],
      ],
    );
  });
});

describe("fix and introduced deltas (§1.10, checklist 22, 23, 42)", () => {
  test("only positive deltas are kept; zero and negative ones are null", () => {
    const graph = transformed(
      report({
        base: baseImage({ vulnerabilities: counts(1, 6, 2, 1) }),
        recommendations: [recommendation({ vulnerabilities: counts(1, 4, 3, 10) })],
      }),
    );
    const row = graph.shouldUpdateTo[0];
    assert.deepEqual([row?.fix_critical, row?.fix_high, row?.fix_medium, row?.fix_low], [null, 2, null, null]);
    assert.deepEqual([row?.introduced_critical, row?.introduced_high, row?.introduced_medium, row?.introduced_low], [null, null, 1, 9]);
  });

  test("an empty vulnerability cell (all zero) gives the base counts as the fix", () => {
    const graph = transformed(report({ base: baseImage({ vulnerabilities: counts(0, 3, 0, 5) }), recommendations: [recommendation()] }));
    const row = graph.shouldUpdateTo[0];
    assert.deepEqual([row?.fix_critical, row?.fix_high, row?.fix_medium, row?.fix_low], [null, 3, null, 5]);
  });
});

describe("duplicate tags (§1.11, checklist 24, 25)", () => {
  test("within a section the last block wins at the first block's position", () => {
    const graph = transformed(
      report({
        recommendations: [
          recommendation({ tag: "a", benefits: ["first a"] }),
          recommendation({ tag: "b" }),
          recommendation({ tag: "a", benefits: ["second a"] }),
        ],
      }),
    );
    assert.deepEqual(graph.shouldUpdateTo.map((r) => [r.tag_id, r.benefits, r.rank]), [
      ["node:a", ["second a"], 1],
      ["node:b", ["Tag is preferred tag"], 2],
    ]);
  });

  test("across sections Change wins only with strictly more non-null keys, and keeps Refresh's position", () => {
    const base = baseImage({ vulnerabilities: counts(0, 2, 0, 0) });
    const refresh = recommendation({ section: "refresh", tag: "x", size: "1 MB", runtime: null, benefits: ["refresh"] });
    const tie = recommendation({ section: "change", tag: "x", size: null, runtime: "22", benefits: ["change tie"] });
    const richer = recommendation({ section: "change", tag: "x", size: "2 MB", runtime: "22", benefits: ["change richer"] });
    const other = recommendation({ section: "change", tag: "y" });

    const kept = transformed(report({ base, recommendations: [refresh, other, tie] }));
    assert.deepEqual(kept.shouldUpdateTo.map((r) => [r.tag_id, r.benefits[0], r.category]), [
      ["node:x", "refresh", "refresh"],
      ["node:y", "Tag is preferred tag", "change"],
    ]);
    const replaced = transformed(report({ base, recommendations: [refresh, other, richer] }));
    assert.deepEqual(replaced.shouldUpdateTo.map((r) => [r.tag_id, r.benefits[0], r.category, r.rank]), [
      ["node:x", "change richer", "change", 1],
      ["node:y", "Tag is preferred tag", "change", 2],
    ]);
    assert.equal(replaced.tags.find((t) => t.id === "node:x")?.size, "2 MB");
  });

  test("a non-empty fix counts as a key: it can make the Change record win", () => {
    const base = baseImage({ vulnerabilities: counts(0, 2, 0, 0) });
    const refresh = recommendation({ section: "refresh", tag: "x", vulnerabilities: counts(0, 2, 0, 0) });
    const change = recommendation({ section: "change", tag: "x", vulnerabilities: counts(0, 1, 0, 0), benefits: ["fixes one"] });
    const graph = transformed(report({ base, recommendations: [refresh, change] }));
    assert.deepEqual(graph.shouldUpdateTo[0]?.benefits, ["fixes one"]);
    assert.equal(graph.shouldUpdateTo[0]?.fix_high, 1);
  });
});

describe("reports without recommendations or base", () => {
  test("no recommendations: the public image, the base tag and BUILT_FROM only (26)", () => {
    const graph = transformed(parsedFixture("session-store-redis-up-to-date"));
    assert.equal(graph.tags.length, 1);
    assert.equal(graph.shouldUpdateTo.length, 0);
    assert.equal(graph.builtFrom.tag_id, graph.publicImage.id);
  });

  test("an unresolved base contributes nothing", () => {
    assert.equal(transformReport(parsedFixture("audit-log-distroless-base-unresolved")), null);
    assert.equal(transformReport(report({ base: null })), null);
  });

  test("a report without a digest row keeps a null target digest", () => {
    const graph = transformed(report({ digest: null }));
    assert.equal(graph.target.digest, null);
  });
});
