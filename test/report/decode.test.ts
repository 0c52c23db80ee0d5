// decodeReportBytes: UTF-8 (BOM or not), UTF-16 LE/BE (BOM, or none when unambiguous); invalid
// bytes are replaced and reported by offset; only binary content is null ("not a report").
import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeReport, decodeReportBytes } from "../../src/report/decode.js";

const utf16 = (text: string, le: boolean, bom: boolean): Buffer => {
  const body = Buffer.from(text, "utf16le");
  if (!le) body.swap16();
  return bom ? Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), body]) : body;
};

test("valid UTF-8 decodes, with or without a BOM", () => {
  assert.equal(decodeReport(Buffer.from("Target │ a:1")), "Target │ a:1");
  assert.deepEqual(decodeReportBytes(Buffer.from("\ufeffx")), { text: "x", encoding: "utf-8-bom", damage: null });
  assert.equal(decodeReport(Buffer.alloc(0)), "");
});

test("UTF-16 with a BOM, and without one when most code units are ASCII", () => {
  const text = "  Target   │  registry.example.test/app:1.2.3\n    digest │  0123456789ab\n──────┼────\n";
  for (const [le, bom, encoding] of [
    [true, true, "utf-16le"],
    [false, true, "utf-16be"],
    [true, false, "utf-16le-no-bom"],
    [false, false, "utf-16be-no-bom"],
  ] as const) {
    assert.deepEqual(decodeReportBytes(utf16(text, le, bom)), { text, encoding, damage: null }, encoding);
  }
});

test("a NUL byte outside UTF-16, or a NUL code unit, means binary", () => {
  assert.equal(decodeReport(Buffer.from([0x41, 0x00, 0x00, 0x42])), null);
  assert.equal(decodeReport(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d])), null);
  assert.equal(decodeReport(utf16("a\u0000b", true, true)), null);
});

test("invalid UTF-8 is replaced and reported at its byte offset", () => {
  const latin1 = decodeReportBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x21]));
  assert.deepEqual(latin1, { text: "caf\ufffd!", encoding: "utf-8", damage: { firstOffset: 3, count: 1 } });
  assert.deepEqual(decodeReportBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xe2, 0x94]))?.damage, { firstOffset: 4, count: 1 });
  assert.deepEqual(decodeReportBytes(Buffer.from([0x41, 0xed, 0xa0, 0x80, 0xff]))?.damage?.firstOffset, 1);
});

test("a lone surrogate and an odd last byte in UTF-16 are damage", () => {
  const lone = Buffer.concat([utf16("ab", true, true), Buffer.from([0x00, 0xd8]), utf16("c", true, false), Buffer.from([0x41])]);
  const decoded = decodeReportBytes(lone);
  assert.equal(decoded?.encoding, "utf-16le");
  assert.deepEqual(decoded?.damage, { firstOffset: 6, count: 2 });
});
