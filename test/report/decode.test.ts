// decodeReport: strict UTF-8; binary and non-UTF-8 bytes are "not a report" (null), never an error.
import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeReport } from "../../src/report/decode.js";

test("valid UTF-8 decodes, with its BOM kept for the parser", () => {
  assert.equal(decodeReport(Buffer.from("Target │ a:1")), "Target │ a:1");
  assert.equal(decodeReport(Buffer.from("\ufeffx")), "\ufeffx");
  assert.equal(decodeReport(Buffer.alloc(0)), "");
});

test("a NUL byte means binary", () => {
  assert.equal(decodeReport(Buffer.from([0x41, 0x00, 0x42])), null);
});

test("invalid UTF-8 (Latin-1, truncated sequence, lone surrogate encoding) gives null", () => {
  assert.equal(decodeReport(Buffer.from([0x63, 0x61, 0x66, 0xe9])), null);
  assert.equal(decodeReport(Buffer.from([0xe2, 0x94])), null);
  assert.equal(decodeReport(Buffer.from([0xed, 0xa0, 0x80])), null);
});
