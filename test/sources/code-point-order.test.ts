// compareCodePoints agrees with UTF-8 byte order (what object stores list in), unlike `<`.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { compareCodePoints } from "../../src/sources/code-point-order.js";

const sign = (n: number) => Math.sign(n);

test("compareCodePoints orders like UTF-8 bytes for any strings", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (a, b) => {
      assert.equal(sign(compareCodePoints(a, b)), sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
    }),
    { numRuns: 2000 },
  );
});

test("a character above U+FFFF sorts after U+FF5E, where UTF-16 order puts it before", () => {
  assert.ok("\u{1F600}" < "\uff5e");
  assert.ok(compareCodePoints("\u{1F600}", "\uff5e") > 0);
  assert.ok(compareCodePoints("a-c", "a/b") < 0);
  assert.equal(compareCodePoints("same", "same"), 0);
  assert.ok(compareCodePoints("ab", "abc") < 0);
});
