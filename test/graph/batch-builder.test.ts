// Cross-report semantics (contract §2.7, checklist 46, 51, 52) and the run-wide target lists.
import assert from "node:assert/strict";
import { test } from "node:test";
import { BatchBuilder } from "../../src/graph/batch-builder.js";
import { DigestIndex } from "../../src/graph/digest-index.js";
import { baseImage, cartographyGitlabSample, parsedFixture, recommendation, report } from "./report-builders.js";

const ECR = "sha256:ecr" + "0".repeat(61);
const GITLAB = "sha256:gl" + "0".repeat(62);

async function cartographyIndex(): Promise<DigestIndex> {
  return DigestIndex.build([
    { id: "image-for-sha256:ecr00000000", ontDigest: ECR },
    { id: "image-for-sha256:gl000000000", ontDigest: GITLAB },
  ]);
}

test("the ECR and GitLab samples: one public image, four tags, both images BUILT_ON (39)", async () => {
  const builder = new BatchBuilder(await cartographyIndex(), { createTargetImages: false });
  assert.deepEqual(builder.add(parsedFixture("cartography-sample"), "ecr.txt"), {
    status: "added",
    publicImageId: "node:25-alpine",
    matchedImages: 1,
    targetImageId: null,
  });
  builder.add(cartographyGitlabSample(), "gitlab.txt");
  const batch = builder.take();
  assert.equal(batch.publicImages.length, 1);
  assert.deepEqual(
    batch.reports.map((r) => [r.id, r.source, r.source_index, r.target_digest, r.public_image_id]),
    [
      ["ecr.txt#0", "ecr.txt", 0, "ecr000000000000", "node:25-alpine"],
      ["gitlab.txt#0", "gitlab.txt", 0, "gl00000000000000", "node:25-alpine"],
    ],
  );
  assert.deepEqual(batch.identifiedBase, [
    { report_id: "ecr.txt#0", public_image_id: "node:25-alpine" },
    { report_id: "gitlab.txt#0", public_image_id: "node:25-alpine" },
  ]);
  assert.deepEqual(batch.reportsOn, [
    { report_id: "ecr.txt#0", image_id: "image-for-sha256:ecr00000000" },
    { report_id: "gitlab.txt#0", image_id: "image-for-sha256:gl000000000" },
  ]);
  assert.equal(batch.tags.length, 4);
  assert.equal(batch.builtFrom.length, 1);
  assert.equal(batch.shouldUpdateTo.length, 4);
  assert.deepEqual(batch.targetImages, []);
  assert.deepEqual(batch.builtOn, [
    { image_id: "image-for-sha256:ecr00000000", public_image_id: "node:25-alpine" },
    { image_id: "image-for-sha256:gl000000000", public_image_id: "node:25-alpine" },
  ]);
});

test("the last report wins per node id and per (public image, tag) pair; BUILT_ON accumulates (46)", async () => {
  const index = await DigestIndex.build([
    { id: "img-1", ontDigest: "sha256:111" },
    { id: "img-2", ontDigest: "sha256:222" },
  ]);
  const builder = new BatchBuilder(index, { createTargetImages: false });
  builder.add(report({ image: "a:1", digest: "111", base: baseImage({ runtime: "22.1" }), recommendations: [recommendation({ tag: "x", size: "1 MB", benefits: ["from a"] })] }), "a");
  builder.add(report({ image: "b:1", digest: "222", base: baseImage({ runtime: "22.2" }), recommendations: [recommendation({ tag: "x", size: "2 MB", benefits: ["from b"] })] }), "b");
  const batch = builder.take();
  assert.equal(batch.publicImages.length, 1);
  assert.equal(batch.publicImages[0]?.version, "22.2");
  assert.deepEqual(batch.reports.map((r) => r.target_image), ["a:1", "b:1"]);
  assert.equal(batch.tags.find((t) => t.id === "node:x")?.size, "2 MB");
  assert.deepEqual(batch.shouldUpdateTo.map((r) => r.benefits), [["from b"]]);
  assert.deepEqual(batch.builtOn.map((r) => r.image_id), ["img-1", "img-2"]);
});

test("a recommendation tag that is another report's base tag: the later report's node fields win", async () => {
  const builder = new BatchBuilder(DigestIndex.empty(), { createTargetImages: false });
  builder.add(report({ base: baseImage({ tag: "22", ref_tag: "22", size: "base size" }) }), "1");
  builder.add(report({ base: baseImage({ tag: "20", ref_tag: "20" }), recommendations: [recommendation({ tag: "22", size: "rec size" })] }), "2");
  const batch = builder.take();
  assert.equal(batch.tags.find((t) => t.id === "node:22")?.size, "rec size");
  assert.equal(batch.tags.find((t) => t.id === "node:22")?.alternative_tags, null);
});

test("take() resets every pending row: a batch carries only its own reports' records (no run-wide lists)", () => {
  const builder = new BatchBuilder(DigestIndex.empty(), { createTargetImages: false });
  builder.add(report({ image: "a:1", digest: "d1" }), "a");
  assert.equal(builder.pending, 1);
  const first = builder.take();
  assert.equal(builder.pending, 0);
  assert.deepEqual(first.reports.map((r) => r.target_image), ["a:1"]);
  assert.deepEqual(builder.take(), {
    publicImages: [],
    tags: [],
    builtFrom: [],
    shouldUpdateTo: [],
    targetImages: [],
    builtOn: [],
    reports: [],
    identifiedBase: [],
    reportsOn: [],
  });
  builder.add(report({ image: "b:1", digest: null }), "b");
  const second = builder.take();
  assert.deepEqual(second.reports.map((r) => [r.id, r.target_image, r.target_digest]), [["b#0", "b:1", null]]);
  assert.equal(Object.keys(second.publicImages[0] ?? {}).some((k) => k.startsWith("report_")), false);
});

test("several reports of one source: one record each, identified by the source and the position", () => {
  const builder = new BatchBuilder(DigestIndex.empty(), { createTargetImages: true });
  builder.add(report({ image: "a:1", digest: "d1", recommendations: [recommendation({ tag: "x" })] }), { uri: "s3://b/both.txt", index: 0, modified: 1_700_000_000 });
  builder.add(report({ image: "b:1", digest: "d2" }), { uri: "s3://b/both.txt", index: 1 });
  const batch = builder.take();
  assert.deepEqual(
    batch.reports.map((r) => [r.id, r.source, r.source_index, r.recommended_tag_id, r.recommendations, r.source_modified]),
    [
      ["s3://b/both.txt#0", "s3://b/both.txt", 0, "node:x", 1, 1_700_000_000],
      ["s3://b/both.txt#1", "s3://b/both.txt", 1, null, 0, null],
    ],
  );
  // With target Images created, each record links its own.
  assert.deepEqual(batch.reportsOn, [
    { report_id: "s3://b/both.txt#0", image_id: "a:1@d1" },
    { report_id: "s3://b/both.txt#1", image_id: "b:1@d2" },
  ]);
});

test("no match still writes the DockerScout rows (51); an empty or sha256:-only digest links nothing (52, D2)", async () => {
  const builder = new BatchBuilder(await cartographyIndex(), { createTargetImages: false });
  for (const digest of ["ffff", "", "sha256:", null]) {
    const result = builder.add(report({ digest }), String(digest));
    assert.equal(result.status === "added" && result.matchedImages, 0);
  }
  const batch = builder.take();
  assert.equal(batch.publicImages.length, 1);
  assert.deepEqual(batch.builtOn, []);
});

test("no base image: nothing added", () => {
  const builder = new BatchBuilder(DigestIndex.empty(), { createTargetImages: true });
  assert.deepEqual(builder.add(parsedFixture("audit-log-distroless-base-unresolved"), "x"), { status: "no-base-image" });
  assert.equal(builder.pending, 0);
  assert.deepEqual(builder.take().targetImages, []);
});

test("createTargetImages: one Image per target (image@digest, or the image alone) linked BUILT_ON", () => {
  const builder = new BatchBuilder(DigestIndex.empty(), { createTargetImages: true });
  const added = builder.add(report({ image: "app:1", digest: "abc" }), "1");
  assert.equal(added.status === "added" && added.targetImageId, "app:1@abc");
  builder.add(report({ image: "legacy:2", digest: null }), "2");
  const batch = builder.take();
  assert.deepEqual(batch.targetImages, [
    { id: "app:1@abc", name: "app:1", _ont_digest: "abc" },
    { id: "legacy:2", name: "legacy:2", _ont_digest: null },
  ]);
  assert.deepEqual(batch.builtOn, [
    { image_id: "app:1@abc", public_image_id: "node:22-alpine" },
    { image_id: "legacy:2", public_image_id: "node:22-alpine" },
  ]);
});
