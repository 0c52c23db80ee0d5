// The fleet of test/fixtures/fleet, worked out BY HAND from the report texts, and the checks every
// store test and every format test makes against it. Counts are `fix = base - recommendation` per
// severity where positive (contract §1.10), `introduced = recommendation - base` where positive.
//
// node:20-alpine (web-a, web-b, worker: 3 images), base 1C 5H 3M 2L
//   refresh 20-alpine  #1  0C 2H 3M 2L -> fixes C 1-0=1, H 5-2=3, M 3-3=0, L 2-2=0 = 1/3/0/0
//   change  22-alpine  #2  0C 0H 1M 2L -> fixes 1/5/2/0, introduces nothing
//   change  22-slim    #3  0C 0H 1M 4L -> fixes 1/5/2/0, introduces L 4-2=2
//   best: 22-alpine (ties 22-slim on fixes, both changes, Scout rank 2 < 3)
//   fleet: 3 x 1/5/2/0 = 3C 15H 6M 0L
// python:3.11-slim (api, jobs: 2 images), base 0C 2H 4M 10L
//   refresh 3.11-slim  #1  0C 0H 4M 10L -> 0/2/0/0
//   change  3.12-slim  #2  0C 0H 4M 10L -> 0/2/0/0   (ties the refresh: the refresh wins)
//   change  3.13-slim  #3  0C 1H 0M 3L  -> 0/1/4/7   (fewer high fixed: last)
//   best: 3.11-slim; fleet: 2 x 0/2/0/0 = 0C 4H 0M 0L
// busybox:1.36 (hostile app: 1 image), base 1C 1H 0M 0L
//   change <script>window.__xss=1</script>  #1  0C 0H 0M 0L -> 1/1/0/0
//   change =cmd|'/Ccalc'!A0                 #2  0C 1H 0M 0L -> 1/0/0/0
//   best: the <script> tag; fleet: 1 x 1/1/0/0 = 1C 1H
// redis:7-alpine (cache, sessions), no recommendations: up to date.
// ruby:3.0-alpine3.18 (kiosk, legacy header, no digest): 3.2-alpine 0/0/0/0 vs base 0/0/0/0: up to date.
//
// Top actions, critical first then high: node (3C) > busybox (1C) > python (0C 4H).
// Sum of the top actions: C 3+1+0=4, H 15+1+4=20, M 6+0+0=6, L 0.
//
// Stores: the embedded store creates an Image per report target, so all 9 reports are images and
// none is unmatched. On Neo4j the test writes Cartography-style Image nodes for 7 digests, but not
// for sessions (c2c2c2c2c2c2) nor kiosk (no digest): those 2 reports match no Image.
import assert from "node:assert/strict";
import { candidatesOf } from "../../../src/insights/render/text.js";
import type { Counts, FleetReport } from "../../../src/insights/types.js";

export type StoreKind = "embedded" | "neo4j";

const R = "registry.example.test/shop/";
export const HOSTILE_TAG = "<script>window.__xss=1</script>";
export const HOSTILE_BENEFIT = "<img src=x onerror=window.__xss=2>";
export const FORMULA_BENEFIT = '=HYPERLINK("http://evil.example/","click")';
export const FORMULA_TAG = "=cmd|'/Ccalc'!A0";
export const HOSTILE_IMAGE = "registry.example.test/hostile/app:6.6.6";

export const FLEET = {
  digests: {
    [`${R}web-a:1.4.0`]: "a1a1a1a1a1a1",
    [`${R}web-b:2.0.1`]: "a2a2a2a2a2a2",
    [`${R}worker:0.9.3`]: "a3a3a3a3a3a3",
    [`${R}api:3.1.0`]: "b1b1b1b1b1b1",
    [`${R}jobs:1.0.0`]: "b2b2b2b2b2b2",
    [`${R}cache:7.2.4`]: "c1c1c1c1c1c1",
    [HOSTILE_IMAGE]: "d1d1d1d1d1d1",
  } as Record<string, string>,
  unmatchedOnNeo4j: { sessions: `${R}sessions:1.1.0`, kiosk: "kiosk-frontend:2023.10" },
};

export const c = (critical: number, high: number, medium: number, low: number): Counts => ({ critical, high, medium, low });

export const NODE_FLEET = c(3, 15, 6, 0);
export const BUSYBOX_FLEET = c(1, 1, 0, 0);
export const PYTHON_FLEET = c(0, 4, 0, 0);
export const TOP_ACTIONS_SUM = c(4, 20, 6, 0);

/** The checks of the default report (no filters), as the JSON model. */
export function assertFleetReport(report: FleetReport, store: StoreKind): void {
  assert.equal(report.version, 1);
  assert.equal(report.store, store);

  // Top actions: node (3C) > busybox (1C) > python (0C 4H).
  assert.deepEqual(
    report.topActions.map((a) => [a.position, a.base.id, a.to.tag, a.to.category, a.imageCount, a.fleetFixes, a.fleetIntroduces]),
    [
      [1, "node:20-alpine", "22-alpine", "change", 3, NODE_FLEET, c(0, 0, 0, 0)],
      [2, "busybox:1.36", HOSTILE_TAG, "change", 1, BUSYBOX_FLEET, c(0, 0, 0, 0)],
      [3, "python:3.11-slim", "3.11-slim", "refresh", 2, PYTHON_FLEET, c(0, 0, 0, 0)],
    ],
  );

  // Per base: images on it and its best move.
  const bases = report.bases.map((b) => [b.id, b.imageCount, b.bestUpdate?.tag ?? null, b.fleetFixes]);
  const expectedBases: unknown[] = [
    ["node:20-alpine", 3, "22-alpine", NODE_FLEET],
    ["busybox:1.36", 1, HOSTILE_TAG, BUSYBOX_FLEET],
    ["python:3.11-slim", 2, "3.11-slim", PYTHON_FLEET],
    // No fixes: ordered by image count, then id.
    ["redis:7-alpine", store === "embedded" ? 2 : 1, null, c(0, 0, 0, 0)],
  ];
  if (store === "embedded") expectedBases.push(["ruby:3.0-alpine3.18", 1, null, c(0, 0, 0, 0)]);
  assert.deepEqual(bases, expectedBases);

  // Per image: best tag, what it fixes and introduces, and the others in ranking order.
  const byName = new Map(report.images.map((i) => [i.name, i]));
  // An image lists its other candidates by id; their details are in its base's entry.
  const full = candidatesOf(report);
  for (const name of [`${R}web-a:1.4.0`, `${R}web-b:2.0.1`, `${R}worker:0.9.3`]) {
    const img = byName.get(name);
    assert.ok(img, name);
    assert.equal(img.status, "update-available");
    assert.equal(img.base.id, "node:20-alpine");
    assert.equal(img.best?.tag, "22-alpine");
    assert.deepEqual(img.best?.fixes, c(1, 5, 2, 0));
    assert.deepEqual(img.best?.introduces, c(0, 0, 0, 0));
    assert.equal(img.best?.scoutRank, 2);
    assert.deepEqual(img.others, ["node:22-slim", "node:20-alpine"]);
    assert.deepEqual(
      full(img).others.map((o) => [o.tag, o.category, o.fixes, o.introduces]),
      [
        ["22-slim", "change", c(1, 5, 2, 0), c(0, 0, 0, 2)],
        ["20-alpine", "refresh", c(1, 3, 0, 0), c(0, 0, 0, 0)],
      ],
    );
  }
  for (const name of [`${R}api:3.1.0`, `${R}jobs:1.0.0`]) {
    const img = byName.get(name);
    assert.ok(img, name);
    assert.equal(img.best?.tag, "3.11-slim");
    assert.equal(img.best?.category, "refresh");
    assert.deepEqual(img.best?.fixes, c(0, 2, 0, 0));
    assert.deepEqual(
      full(img).others.map((o) => [o.tag, o.fixes]),
      [
        ["3.12-slim", c(0, 2, 0, 0)],
        ["3.13-slim", c(0, 1, 4, 7)],
      ],
    );
  }
  const hostile = byName.get(HOSTILE_IMAGE);
  assert.equal(hostile?.best?.tag, HOSTILE_TAG);
  assert.ok(hostile);
  assert.ok(full(hostile).best?.benefits.includes(HOSTILE_BENEFIT));
  assert.ok(full(hostile).best?.benefits.includes(FORMULA_BENEFIT));
  assert.deepEqual(full(hostile).others.map((o) => [o.tag, o.fixes]), [[FORMULA_TAG, c(1, 0, 0, 0)]]);
  assert.equal(byName.get(`${R}cache:7.2.4`)?.status, "up-to-date");

  const upToDate = report.images.filter((i) => i.status === "up-to-date").map((i) => i.name);
  const unmatched = report.unmatchedReports.map((u) => [u.targetImage, u.reason, u.base.id]);
  if (store === "embedded") {
    assert.deepEqual(upToDate, ["kiosk-frontend:2023.10", `${R}cache:7.2.4`, `${R}sessions:1.1.0`]);
    assert.deepEqual(unmatched, []);
  } else {
    assert.deepEqual(upToDate, [`${R}cache:7.2.4`]);
    assert.deepEqual(unmatched, [
      ["kiosk-frontend:2023.10", "no-digest", "ruby:3.0-alpine3.18"],
      [`${R}sessions:1.1.0`, "no-matching-image", "redis:7-alpine"],
    ]);
  }
  assert.deepEqual(report.summary, {
    images: store === "embedded" ? 9 : 7,
    bases: store === "embedded" ? 5 : 4,
    imagesWithUpdate: 6, // web-a, web-b, worker, api, jobs, hostile
    imagesUpToDate: store === "embedded" ? 3 : 1,
    imagesBelowMinSeverity: 0,
    unmatchedReports: store === "embedded" ? 0 : 2,
    topActionsFix: TOP_ACTIONS_SUM,
    fleetFixable: TOP_ACTIONS_SUM, // every base with an update is a top action here
  });
}
