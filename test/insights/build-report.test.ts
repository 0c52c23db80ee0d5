// The pure model builder on hand-built rows: ranking (critical, high, medium, low; refresh before
// change; Docker Scout's rank), per-base aggregation, top actions, filters and unmatched reports.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { buildFleetReport, DEFAULT_FILTERS } from "../../src/insights/build-report.js";
import type { BaseRow, FleetRows, ImageRow, RecommendationRow, UnmatchedReportRow } from "../../src/insights/queries.js";
import type { ReportFilters } from "../../src/insights/types.js";
import { c } from "./support/fleet-expectations.js";

const NOW = new Date("2026-01-02T03:04:05.000Z");
const ZERO = c(0, 0, 0, 0);

function base(id: string): BaseRow {
  const colon = id.lastIndexOf(":");
  return { id, name: id.slice(0, colon), tag: id.slice(colon + 1), version: null, digest: null, lastUpdated: 1767323045 };
}

/** A DockerScoutReport with no REPORTS_ON, as UNMATCHED_REPORTS_QUERY returns it. */
function unmatched(baseId: string, targetImage: string | null, targetDigest: string | null, source = `${targetImage}.txt`): UnmatchedReportRow {
  return { baseId, targetImage, targetDigest, source };
}

function rec(baseId: string, tag: string, fixes: [number, number, number, number], extra: Partial<RecommendationRow> = {}): RecommendationRow {
  const name = baseId.slice(0, baseId.lastIndexOf(":"));
  return {
    baseId,
    tagId: `${name}:${tag}`,
    name,
    tag,
    alternativeTags: [],
    size: null,
    flavor: null,
    os: null,
    runtime: null,
    isSlim: false,
    benefits: [],
    category: "change",
    scoutRank: null,
    fixes: c(...fixes),
    introduces: ZERO,
    ...extra,
  };
}

const img = (imageId: string, baseId: string, imageDigest: string | null = null, imageName = imageId): ImageRow => ({ imageId, imageName, imageDigest, baseId });

function build(rows: Partial<FleetRows>, filters: Partial<ReportFilters> = {}) {
  return buildFleetReport(
    { storeKind: "embedded", images: [], bases: [], recommendations: [], ...rows },
    { filters: { ...DEFAULT_FILTERS, ...filters }, now: NOW },
  );
}

describe("ranking", () => {
  test("critical beats any number of high; then high, medium, low", () => {
    const b = "node:20";
    const report = build({
      bases: [base(b)],
      images: [img("app", b)],
      recommendations: [
        rec(b, "lots-of-high", [0, 50, 0, 0], { scoutRank: 1 }),
        rec(b, "one-critical", [1, 0, 0, 0], { scoutRank: 4 }),
        rec(b, "one-critical-more-low", [1, 0, 0, 3], { scoutRank: 5 }),
        rec(b, "medium", [0, 50, 1, 0], { scoutRank: 2 }),
      ],
    });
    const image = report.images[0];
    assert.equal(image?.best?.tag, "one-critical-more-low"); // 1C 0H 0M 3L > 1C 0H 0M 0L
    assert.deepEqual(image?.others, ["node:one-critical", "node:medium", "node:lots-of-high"]); // 0/50/1 > 0/50/0
  });

  test("on equal fixes a refresh comes before a change, then Docker Scout's rank, then the tag id", () => {
    const b = "python:3.11";
    const report = build({
      bases: [base(b)],
      images: [img("api", b)],
      recommendations: [
        rec(b, "z-change-rank-2", [0, 2, 0, 0], { scoutRank: 2 }),
        rec(b, "a-change-no-rank", [0, 2, 0, 0], { scoutRank: null }),
        rec(b, "refresh-rank-9", [0, 2, 0, 0], { category: "refresh", scoutRank: 9 }),
        rec(b, "b-change-no-rank", [0, 2, 0, 0], { scoutRank: null }),
      ],
    });
    assert.deepEqual(
      report.bases[0]?.candidates.map((o) => o.tag),
      ["refresh-rank-9", "z-change-rank-2", "a-change-no-rank", "b-change-no-rank"],
    );
    assert.deepEqual(
      [report.images[0]?.best?.id, ...(report.images[0]?.others ?? [])],
      ["python:refresh-rank-9", "python:z-change-rank-2", "python:a-change-no-rank", "python:b-change-no-rank"],
    );
  });

  test("on equal critical and high: introducing nothing, then keeping the flavor and OS, beat more medium/low fixed", () => {
    const b = "node:20-alpine";
    const report = build({
      bases: [base(b)],
      images: [img("app", b)],
      recommendations: [
        rec(b, "22-slim", [1, 5, 9, 9], { scoutRank: 1, flavor: "debian", os: "debian" }),
        rec(b, "22-bookworm-adds", [1, 5, 9, 9], { scoutRank: 2, flavor: "debian", os: "debian", introduces: c(0, 0, 0, 1) }),
        rec(b, "22-alpine", [1, 5, 0, 0], { scoutRank: 3, flavor: "alpine", os: "alpine" }),
        rec(b, "20-alpine", [0, 9, 0, 0], { category: "refresh", flavor: "alpine", os: "alpine" }),
        rec(b, "24-alpine-adds", [1, 5, 9, 9], { scoutRank: 4, flavor: "alpine", os: "alpine", introduces: c(0, 0, 1, 0) }),
      ],
    });
    assert.deepEqual(
      report.bases[0]?.candidates.map((o) => o.tag),
      // 22-alpine: nothing introduced and alpine like the refresh; 22-slim introduces nothing but is debian;
      // both "-adds" introduce something (alpine first); the refresh fixes no critical.
      ["22-alpine", "22-slim", "24-alpine-adds", "22-bookworm-adds", "20-alpine"],
    );
  });

  test("without flavor and OS in the graph, the base tag's variant (after the version) stands for them", () => {
    const b = "python:3.11-slim";
    const report = build({
      bases: [base(b)],
      images: [img("api", b)],
      recommendations: [rec(b, "3.13-alpine", [0, 2, 0, 0], { scoutRank: 1 }), rec(b, "3.12-slim", [0, 2, 0, 0], { scoutRank: 2 })],
    });
    assert.equal(report.images[0]?.best?.tag, "3.12-slim");
  });

  test("a graph Cartography wrote (no category, no rank): recommending the base's own tag is a refresh", () => {
    const b = "node:25-alpine";
    const report = build({
      bases: [base(b)],
      images: [img("app", b)],
      recommendations: [
        rec(b, "current-alpine", [0, 2, 0, 0], { category: null }),
        rec(b, "25-alpine", [0, 2, 0, 0], { category: null }),
      ],
    });
    assert.equal(report.images[0]?.best?.tag, "25-alpine");
    assert.equal(report.images[0]?.best?.category, "refresh");
    assert.equal(report.bases[0]?.candidates[1]?.category, "change");
  });
});

describe("per-base aggregation and top actions", () => {
  // Three bases: A has 4 images and a 0C 3H move (fleet 0C 12H); B has 1 image and a 1C 0H move
  // (fleet 1C 0H); C has 2 images and a 0C 3H 1M move (fleet 0C 6H 2M); D has 1 image, nothing fixes.
  const rows: Partial<FleetRows> = {
    bases: [base("a:1"), base("b:1"), base("c:1"), base("d:1")],
    images: [
      img("a1", "a:1"),
      img("a2", "a:1"),
      img("a3", "a:1"),
      img("a4", "a:1"),
      img("a4", "a:1"), // the same link twice counts once
      img("b1", "b:1"),
      img("c1", "c:1"),
      img("c2", "c:1"),
      img("d1", "d:1"),
    ],
    recommendations: [
      rec("a:1", "2", [0, 3, 0, 0], { introduces: c(0, 0, 1, 0) }),
      rec("a:1", "3", [0, 1, 0, 0]),
      rec("b:1", "2", [1, 0, 0, 0]),
      rec("c:1", "2", [0, 3, 1, 0]),
      rec("d:1", "2", [0, 0, 0, 0]),
    ],
  };

  test("each base: image count, best update, fixes times images", () => {
    const report = build(rows);
    assert.deepEqual(
      report.bases.map((b) => [b.id, b.imageCount, b.bestUpdate?.tag ?? null, b.fleetFixes, b.fleetIntroduces]),
      [
        ["b:1", 1, "2", c(1, 0, 0, 0), ZERO], // 1 x 1C
        ["a:1", 4, "2", c(0, 12, 0, 0), c(0, 0, 4, 0)], // 4 x 3H; introduces 4 x 1M
        ["c:1", 2, "2", c(0, 6, 2, 0), ZERO], // 2 x (3H 1M)
        ["d:1", 1, null, ZERO, ZERO],
      ],
    );
  });

  test("top actions: critical first, then high; --top cuts the list; the summary adds them up", () => {
    const report = build(rows, { top: 2 });
    assert.deepEqual(
      report.topActions.map((a) => [a.position, a.base.id, a.to.id, a.imageCount, a.fleetFixes]),
      [
        [1, "b:1", "b:2", 1, c(1, 0, 0, 0)],
        [2, "a:1", "a:2", 4, c(0, 12, 0, 0)],
      ],
    );
    assert.deepEqual(report.summary.topActionsFix, c(1, 12, 0, 0)); // 1+0 critical, 0+12 high
    assert.equal(report.summary.imagesUpToDate, 1); // d1
    assert.equal(report.summary.images, 8);
  });

  test("--min-severity critical keeps only moves that fix a critical", () => {
    const report = build(rows, { minSeverity: "critical" });
    assert.deepEqual(report.topActions.map((a) => a.base.id), ["b:1"]);
    assert.equal(report.images.find((i) => i.id === "a1")?.status, "below-min-severity");
    assert.equal(report.images.find((i) => i.id === "d1")?.status, "up-to-date");
    assert.equal(report.summary.imagesBelowMinSeverity, 6); // a1-a4, c1, c2
  });

  test("--min-severity medium accepts a move whose only fix is medium", () => {
    const report = build({ bases: [base("m:1")], images: [img("m1", "m:1")], recommendations: [rec("m:1", "2", [0, 0, 2, 0])] }, { minSeverity: "medium" });
    assert.equal(report.images[0]?.status, "update-available");
    const high = build({ bases: [base("m:1")], images: [img("m1", "m:1")], recommendations: [rec("m:1", "2", [0, 0, 2, 0])] }, { minSeverity: "high" });
    assert.equal(high.images[0]?.status, "below-min-severity");
  });
});

describe("filters", () => {
  const rows: Partial<FleetRows> = {
    bases: [base("node:20-alpine"), base("python:3.11-slim")],
    images: [
      img("i1", "node:20-alpine", null, "registry.example.test/shop/web-a:1.0"),
      img("i2", "node:20-alpine", null, "registry.example.test/shop/web-b:1.0"),
      img("i3", "python:3.11-slim", null, "registry.example.test/shop/api:1.0"),
    ],
    recommendations: [rec("node:20-alpine", "22-alpine", [0, 1, 0, 0]), rec("python:3.11-slim", "3.12-slim", [0, 1, 0, 0])],
  };
  const names = (filters: Partial<ReportFilters>): string[] => build(rows, filters).images.map((i) => i.name);

  test("--image: a substring, case-insensitive", () => {
    assert.deepEqual(names({ image: "WEB-" }), ["registry.example.test/shop/web-a:1.0", "registry.example.test/shop/web-b:1.0"]);
  });
  test("--image: a glob matches the whole name", () => {
    assert.deepEqual(names({ image: "*/shop/web-?:*" }), ["registry.example.test/shop/web-a:1.0", "registry.example.test/shop/web-b:1.0"]);
    assert.deepEqual(names({ image: "web-*" }), []); // anchored: the name starts with the registry
    assert.deepEqual(names({ image: "*web-[!a]*" }), ["registry.example.test/shop/web-b:1.0"]);
    assert.deepEqual(names({ image: "i3" }), ["registry.example.test/shop/api:1.0"]); // the id matches too
  });
  test("--base: a repository or a full id; the aggregation follows the filter", () => {
    assert.deepEqual(names({ base: "python" }), ["registry.example.test/shop/api:1.0"]);
    assert.deepEqual(names({ base: "NODE:20-alpine" }).length, 2);
    assert.deepEqual(names({ base: "node:22" }), []);
    const one = build(rows, { image: "web-a" });
    assert.deepEqual(one.bases.map((b) => [b.id, b.imageCount, b.fleetFixes]), [["node:20-alpine", 1, c(0, 1, 0, 0)]]);
  });
});

describe("unmatched reports", () => {
  test("the records with no REPORTS_ON are listed with the reason and their source; --image and --base apply", () => {
    const report = build({
      bases: [base("node:20"), base("redis:7")],
      unmatchedReports: [
        unmatched("node:20", "shop/ghost:1", "999999999999"),
        unmatched("node:20", "legacy:1", ""),
        unmatched("node:20", "nodigest:1", null, "s3://b/both.txt"),
        unmatched("redis:7", "shop/other-base:1", "abcdef123456"),
      ],
    });
    assert.deepEqual(
      report.unmatchedReports.map((u) => [u.targetImage, u.targetDigest, u.base.id, u.reason, u.source]),
      [
        ["legacy:1", "", "node:20", "no-digest", "legacy:1.txt"],
        ["nodigest:1", null, "node:20", "no-digest", "s3://b/both.txt"],
        ["shop/ghost:1", "999999999999", "node:20", "no-matching-image", "shop/ghost:1.txt"],
        ["shop/other-base:1", "abcdef123456", "redis:7", "no-matching-image", "shop/other-base:1.txt"],
      ],
    );
    assert.equal(report.summary.unmatchedReports, 4);
    const ghost = { bases: [base("node:20")], unmatchedReports: [unmatched("node:20", "shop/ghost:1", "99")] } satisfies Partial<FleetRows>;
    assert.equal(build(ghost, { image: "web" }).unmatchedReports.length, 0);
    assert.equal(build(ghost, { image: "ghost" }).unmatchedReports.length, 1);
    assert.equal(build(ghost, { base: "redis" }).unmatchedReports.length, 0);
    // A sha256:-only digest links nothing, like no digest at all (D2).
    assert.equal(build({ unmatchedReports: [unmatched("x:1", "x", "sha256:")] }).unmatchedReports[0]?.reason, "no-digest");
  });
});

test("the report carries its version, time, store and filters", () => {
  const report = build({}, { image: "x", top: 3 });
  assert.equal(report.version, 1);
  assert.equal(report.generatedAt, "2026-01-02T03:04:05.000Z");
  assert.equal(report.store, "embedded");
  assert.deepEqual(report.filters, { image: "x", base: null, minSeverity: "low", top: 3 });
  assert.deepEqual(report.topActions, []);
});

describe("without Cartography context (the embedded store, a graph with only Docker Scout data)", () => {
  test("today's report: ranked by fixes, no context, no coverage; --group-by owner puts everything under no known owner", () => {
    const rows = { bases: [base("node:20")], images: [img("b", "node:20"), img("a", "node:20")], recommendations: [rec("node:20", "22", [1, 0, 0, 0])] };
    const report = build(rows);
    assert.equal(report.rankedBy, "fixes");
    assert.equal(report.context, null);
    assert.equal(report.coverage, null);
    assert.equal(report.groups, null);
    assert.deepEqual(report.images.map((i) => [i.id, i.context]), [["a", null], ["b", null]]);
    assert.deepEqual(build(rows, { groupBy: "owner" }).groups?.map((g) => [g.owner, g.report.images.length]), [[null, 2]]);
    // --running and --exposed keep nothing: nothing is known to run.
    assert.equal(build(rows, { running: true }).images.length, 0);
  });

  test("--max-age alone gives the stale-report part of coverage, oldest first", () => {
    const now = NOW.getTime() / 1000;
    const report = build(
      {
        bases: [base("node:20")],
        staleReports: [
          { source: "b.txt", targetImage: "b:1", targetDigest: "bb", baseId: "node:20", asOf: now - 10 * 86_400 },
          { source: "a.txt", targetImage: "a:1", targetDigest: null, baseId: "node:20", asOf: now - 40 * 86_400 },
        ],
      },
      { maxAgeSeconds: 7 * 86_400 },
    );
    assert.deepEqual(report.coverage?.staleReports?.map((s) => [s.source, Math.round(s.ageSeconds / 86_400), s.base.id]), [
      ["a.txt", 40, "node:20"],
      ["b.txt", 10, "node:20"],
    ]);
    assert.deepEqual([report.coverage?.runningWithoutReport, report.coverage?.containersWithoutImage, report.coverage?.maxAgeSeconds], [[], [], 7 * 86_400]);
  });
});
