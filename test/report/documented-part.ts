// Golden-file comparison: the parse reduced to the keys of the expected JSON (recursively), after
// checking those keys come first, in order (extra keys may follow them).
import assert from "node:assert/strict";

export function documentedPart(expected: unknown, actual: unknown, path: string): unknown {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: expected an array`);
    assert.equal(actual.length, expected.length, `${path}: length`);
    return actual.map((a, i) => documentedPart(expected[i], a, `${path}[${i}]`));
  }
  if (expected !== null && typeof expected === "object") {
    assert.ok(actual !== null && typeof actual === "object", `${path}: expected an object`);
    const keys = Object.keys(expected);
    assert.deepEqual(Object.keys(actual).slice(0, keys.length), keys, `${path}: documented keys first, in order`);
    const record = actual as Record<string, unknown>;
    return Object.fromEntries(keys.map((k) => [k, documentedPart((expected as Record<string, unknown>)[k], record[k], `${path}.${k}`)]));
  }
  return actual;
}
