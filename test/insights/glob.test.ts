// The --image glob matcher: the same answers as the regular expression it replaced, on random
// patterns and names; no backtracking blow-up; reversed ranges refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { GlobError, globMatches, imageMatcher, parseGlob } from "../../src/insights/filters.js";

/** The old translation to a regular expression, as the reference (fine on short inputs). */
function reference(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === "*") out += ".*";
    else if (ch === "?") out += ".";
    else if (ch === "[") {
      const close = glob.indexOf("]", i + 2);
      if (close === -1) {
        out += "\\[";
        continue;
      }
      let body = glob.slice(i + 1, close);
      const negate = body.startsWith("!") || body.startsWith("^");
      if (negate) body = body.slice(1);
      out += `[${negate ? "^" : ""}${body.replace(/[\\\]^]/g, "\\$&")}]`;
      i = close;
    } else out += ch.replace(/[.+^${}()|\\/\]]/g, "\\$&");
  }
  return new RegExp(`^${out}$`, "is");
}

test("matches like the regular expression on random patterns and names", () => {
  const alphabet = fc.constantFrom("a", "b", "-", "/", ":", "*", "?", "[", "]", "!", "A");
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 8 }), fc.array(fc.constantFrom("a", "b", "-", "/", ":", "A", "]", "["), { maxLength: 10 }), (p, n) => {
      const pattern = p.join("");
      const name = n.join("");
      let tokens;
      try {
        tokens = parseGlob(pattern);
      } catch (err) {
        assert.ok(err instanceof GlobError);
        return;
      }
      assert.equal(globMatches(tokens, name), reference(pattern).test(name), `${pattern} vs ${name}`);
    }),
    { numRuns: 3000 },
  );
});

test("a 100 KB name against several stars is answered (no exponential backtracking)", () => {
  const name = "web-".repeat(25_000);
  const match = imageMatcher("*web-*web-*-prod");
  assert.equal(match(name, name), false);
  assert.equal(match(`${name}x-prod`, ""), true);
});

test("classes, ranges, negation and case", () => {
  const m = (p: string, s: string) => globMatches(parseGlob(p), s);
  assert.ok(m("*/shop/web-*", "registry.example.com/shop/web-api:1.2"));
  assert.ok(m("web-[a-c]?", "WEB-B1"));
  assert.ok(!m("web-[!a-c]?", "web-b1"));
  assert.ok(m("a[", "a["));
  assert.throws(() => parseGlob("[z-a]"), /range z-a .* reversed/);
});
