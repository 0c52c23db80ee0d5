// BUILT_ON matching semantics (contract §3.1, Part A D2, checklist 47-54), evaluated in memory.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { DigestIndex, normaliseImageDigest, normaliseTargetDigest } from "../../src/graph/digest-index.js";

const ECR = "sha256:ecr" + "0".repeat(61);
const GITLAB = "sha256:gl" + "0".repeat(62);

test("target digests: one leading lower-case sha256: removed, trimmed, lower-cased (47)", () => {
  assert.equal(normaliseTargetDigest("sha256:ABC "), "abc");
  assert.equal(normaliseTargetDigest(" sha256:abc"), "sha256:abc");
  assert.equal(normaliseTargetDigest("SHA256:abc"), "sha256:abc");
  assert.equal(normaliseTargetDigest("sha256:"), "");
  assert.equal(normaliseTargetDigest(""), "");
  assert.equal(normaliseTargetDigest(null), "");
});

test("image digests: every sha256: removed, then lower-cased; null is empty (48)", () => {
  assert.equal(normaliseImageDigest("sha256:ABCsha256:def"), "abcdef");
  assert.equal(normaliseImageDigest("SHA256:abc"), "sha256:abc");
  assert.equal(normaliseImageDigest(null), "");
});

test("Cartography's scenario: the ECR and GitLab short digests each match their image (48, 49)", async () => {
  const index = await DigestIndex.build([
    { id: "image-for-sha256:ecr00000000", ontDigest: ECR },
    { id: "image-for-sha256:gl000000000", ontDigest: GITLAB },
  ]);
  assert.deepEqual(index.match("ecr000000000000"), ["image-for-sha256:ecr00000000"]);
  assert.deepEqual(index.match("gl00000000000000"), ["image-for-sha256:gl000000000"]);
  assert.deepEqual(index.match("ecr1"), []);
});

test("every node matches, duplicates by id across providers included (50)", async () => {
  const index = await DigestIndex.build([
    { id: ECR, ontDigest: ECR },
    { id: ECR, ontDigest: ECR.toUpperCase().replace("SHA256:", "sha256:") },
    { id: "other", ontDigest: "sha256:ecr1" },
  ]);
  assert.deepEqual(index.match("sha256:ECR000"), [ECR, ECR]);
  assert.deepEqual([...index.match("ecr")].sort(), [ECR, ECR, "other"].sort());
});

test("an empty digest and `sha256:` alone match nothing (52, D2); nor do null _ont_digest images", async () => {
  const index = await DigestIndex.build([
    { id: "a", ontDigest: ECR },
    { id: "b", ontDigest: null },
    { id: "c", ontDigest: "sha256:" },
  ]);
  assert.equal(index.size, 1);
  assert.deepEqual(index.match(""), []);
  assert.deepEqual(index.match("sha256:"), []);
  assert.deepEqual(index.match("  "), []);
  assert.deepEqual(index.match(null), []);
});

test("Image nodes scoutgraph created are not matched by digest", async () => {
  const index = await DigestIndex.build([{ id: "app@abc", ontDigest: "abc", ontSource: "docker_scout_report" }, { id: "x", ontDigest: "abcd", ontSource: "aws" }]);
  assert.deepEqual(index.match("abc"), ["x"]);
});

test("builds from an async iterable", async () => {
  async function* rows() {
    yield { id: "z", ontDigest: "sha256:0f" };
    yield { id: "y", ontDigest: "sha256:0e" };
  }
  const index = await DigestIndex.build(rows());
  assert.deepEqual(index.match("0"), ["y", "z"]);
});

test("property: the index returns exactly what the Cypher predicate selects, as a multiset", async () => {
  const hex = fc.stringMatching(/^[0-9a-fA-F]{0,6}$/);
  const digest = fc.oneof(fc.constant(null), hex, hex.map((h) => `sha256:${h}`), hex.map((h) => `SHA256:${h}`), fc.string({ maxLength: 6 }));
  const image = fc.record({ id: fc.oneof(fc.constantFrom("a", "b", "c"), hex.map((h) => `sha256:${h}`)), ontDigest: digest });
  await fc.assert(
    fc.asyncProperty(fc.array(image, { maxLength: 30 }), fc.oneof(hex, hex.map((h) => `sha256:${h}`), fc.string({ maxLength: 4 })), async (images, target) => {
      const index = await DigestIndex.build(images);
      const t = normaliseTargetDigest(target);
      const expected = t === "" ? [] : images.filter((i) => normaliseImageDigest(i.ontDigest).startsWith(t)).map((i) => i.id);
      assert.deepEqual([...index.match(target)].sort(), expected.sort());
    }),
  );
});

// scoutgraph departure (docs/divergences.md): a manifest list's digest matches its platform images.
const INDEX = `sha256:${"a0".repeat(32)}`;
const AMD64 = `sha256:${"a1".repeat(32)}`;
const ARM64 = `sha256:${"a2".repeat(32)}`;

test("a manifest list's digest matches its platform images, never the list; a platform digest matches only its image", async () => {
  const index = await DigestIndex.build([
    { id: ARM64, ontDigest: ARM64, manifestLists: [INDEX] },
    { id: AMD64, ontDigest: AMD64, manifestLists: [INDEX] },
    { id: "single", ontDigest: `sha256:${"c1".repeat(32)}` },
  ]);
  assert.equal(index.manifestLists, 1);
  assert.deepEqual([...index.match("a0a0a0a0a0a0")].sort(), [AMD64, ARM64]);
  assert.deepEqual([...index.match(INDEX.toUpperCase().replace("SHA256:", "sha256:"))].sort(), [AMD64, ARM64]);
  assert.deepEqual(index.match("a1a1a1a1a1a1"), [AMD64]);
  assert.deepEqual(index.match("c1c1"), ["single"]);
  assert.deepEqual(index.match("a0a1"), [], "a prefix of no list and no image");
});

test("a platform image matched directly and through its list, or through two lists, comes once; same-id nodes each once", async () => {
  const other = `sha256:${"a9".repeat(32)}`;
  const index = await DigestIndex.build([
    { id: AMD64, ontDigest: AMD64, manifestLists: [INDEX, other] },
    { id: AMD64, ontDigest: AMD64, manifestLists: [INDEX] },
    { id: "sha256:a0-lookalike", ontDigest: "sha256:a0ff" },
  ]);
  assert.deepEqual(index.match("a"), ["sha256:a0-lookalike", AMD64, AMD64]);
  assert.deepEqual(index.match("a0"), ["sha256:a0-lookalike", AMD64, AMD64]);
  assert.deepEqual(index.match("a9"), [AMD64]);
});

test("lists are ignored on scoutgraph's own Image nodes and on images without a digest; empty list digests match nothing", async () => {
  const index = await DigestIndex.build([
    { id: "app@a0", ontDigest: "a1", ontSource: "docker_scout_report", manifestLists: [INDEX] },
    { id: "nodigest", ontDigest: null, manifestLists: [INDEX] },
    { id: ARM64, ontDigest: ARM64, manifestLists: ["sha256:", null] },
  ]);
  assert.equal(index.manifestLists, 0);
  assert.deepEqual(index.match("a0"), []);
  assert.deepEqual(index.match("a2"), [ARM64]);
});

test("property: direct matches as a multiset, then each platform image of a matching list once", async () => {
  const hex = fc.stringMatching(/^[0-9a-f]{1,4}$/);
  const image = fc.record({
    id: fc.constantFrom("a", "b", "c", "d"),
    ontDigest: fc.oneof(fc.constant(null), hex.map((h) => `sha256:${h}`)),
    manifestLists: fc.array(fc.oneof(fc.constant(null), hex.map((h) => `sha256:${h}`)), { maxLength: 3 }),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(image, { maxLength: 20 }), hex, async (images, target) => {
      const index = await DigestIndex.build(images);
      const t = normaliseTargetDigest(target);
      const linkable = images.filter((i) => normaliseImageDigest(i.ontDigest) !== "");
      const direct = linkable.filter((i) => normaliseImageDigest(i.ontDigest).startsWith(t));
      const viaList = linkable.filter((i) => !direct.includes(i) && i.manifestLists.some((l) => normaliseImageDigest(l) !== "" && normaliseImageDigest(l).startsWith(t)));
      assert.deepEqual([...index.match(target)].sort(), [...direct, ...viaList].map((i) => i.id).sort());
    }),
  );
});
