// inCodePointOrder: listings in UTF-16 order (Azure) or code-point order (S3, GCS) come out in
// code-point order, streamed; any other order is a SOURCE error.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { ScoutgraphError } from "../../src/errors.js";
import { inCodePointOrder } from "../../src/sources/cloud-list.js";
import type { ReportRef } from "../../src/sources/report-source.js";

async function* refs(names: string[]): AsyncGenerator<ReportRef> {
  for (const name of names) yield { uri: `x://b/${name}`, name };
}

async function ordered(names: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const ref of inCodePointOrder(refs(names), "x://b")) out.push(ref.name);
  return out;
}

const utf8Order = (names: string[]) => [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
const utf16Order = (names: string[]) => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
// Small alphabets make shared prefixes (and so the interesting cases) common.
const name = fc.string({ unit: fc.constantFrom("a", "/", "-", "\uff5e", "\ue000", "\u{1F600}", "\u{10FFFF}"), maxLength: 5 });

test("UTF-16 ordered or code-point ordered listings come out in code-point order", async () => {
  await fc.assert(
    fc.asyncProperty(fc.uniqueArray(name, { maxLength: 30 }), async (names) => {
      assert.deepEqual(await ordered(utf16Order(names)), utf8Order(names));
      assert.deepEqual(await ordered(utf8Order(names)), utf8Order(names));
    }),
    { numRuns: 500 },
  );
});

test("keys are yielded before the listing ends unless they must wait", async () => {
  const source = inCodePointOrder(
    (async function* () {
      yield { uri: "u", name: "a" };
      yield { uri: "u", name: "b" };
      throw new Error("second page failed");
    })(),
    "x://b",
  );
  const seen: string[] = [];
  await assert.rejects(async () => {
    for await (const ref of source) seen.push(ref.name);
  }, /second page failed/);
  assert.deepEqual(seen, ["a", "b"]);
});

test("an unsorted listing is a SOURCE error", async () => {
  await assert.rejects(ordered(["b", "a"]), (err) => err instanceof ScoutgraphError && err.code === "SOURCE" && /not in key order/.test(err.message));
});
