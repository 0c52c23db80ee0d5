// Bytes to text (contract Part A D6, issue 10): UTF-8 with or without a BOM, UTF-16 LE/BE with a
// BOM or, when unambiguous, without one. Bytes that are not valid in the encoding are read as
// U+FFFD and reported by byte offset, so the caller can warn and the parser can refuse a report
// whose identity fields were damaged. Only binary content gives null ("not a report").
import { isUtf8 } from "node:buffer";
import { detectEncoding, type ReportEncoding } from "./encoding.js";

export interface DecodeDamage {
  /** Byte offset (from the start of the file, BOM included) of the first invalid sequence. */
  firstOffset: number;
  /** Invalid sequences found, each read as one U+FFFD. */
  count: number;
}

export interface DecodedReport {
  text: string;
  encoding: ReportEncoding;
  /** null when every byte was valid in the encoding. */
  damage: DecodeDamage | null;
}

export const REPLACEMENT = "\ufffd";

/** The text of `bytes` and how it was decoded, or null for binary content. */
export function decodeReportBytes(bytes: Uint8Array): DecodedReport | null {
  const detected = detectEncoding(bytes);
  if (detected === null) return null;
  const { encoding, bomLength } = detected;
  const body = bytes.subarray(bomLength);
  if (encoding === "utf-8" || encoding === "utf-8-bom") {
    // isUtf8 is native and fast; the byte-by-byte scan only runs on damaged files.
    const damage = isUtf8(body) ? null : utf8Damage(body, bomLength);
    return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(body), encoding, damage };
  }
  const littleEndian = encoding.startsWith("utf-16le");
  const text = new TextDecoder(littleEndian ? "utf-16le" : "utf-16be", { ignoreBOM: true }).decode(body);
  // A NUL code unit is binary data that happens to look like UTF-16, not a text file.
  if (text.includes("\u0000")) return null;
  return { text, encoding, damage: utf16Damage(body, littleEndian, bomLength) };
}

/** The UTF-8 text of `bytes` (a leading BOM kept for the parser to drop), or null for binary content. */
export function decodeReport(bytes: Uint8Array): string | null {
  return decodeReportBytes(bytes)?.text ?? null;
}

/** Invalid UTF-8 sequences (WHATWG's rules: overlongs, surrogates and > U+10FFFF are invalid). */
function utf8Damage(bytes: Uint8Array, base: number): DecodeDamage | null {
  let first = -1;
  let count = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    let j = i + 1;
    let ok = need > 0;
    for (let k = 0; ok && k < need; k++, j++) {
      const c = bytes[j];
      if (c === undefined || c < (k === 0 ? lo : 0x80) || c > (k === 0 ? hi : 0xbf)) ok = false;
    }
    if (ok) {
      i = j;
      continue;
    }
    if (first < 0) first = i;
    count++;
    // Skip the valid prefix of the broken sequence, as the decoder does (one U+FFFD for it).
    i = need === 0 ? i + 1 : Math.max(i + 1, j - 1);
  }
  return first < 0 ? null : { firstOffset: base + first, count };
}

/** Unpaired surrogates, and a last odd byte. */
function utf16Damage(bytes: Uint8Array, littleEndian: boolean, base: number): DecodeDamage | null {
  let first = -1;
  let count = 0;
  const unit = (i: number): number => (littleEndian ? (bytes[i] as number) | ((bytes[i + 1] as number) << 8) : ((bytes[i] as number) << 8) | (bytes[i + 1] as number));
  const end = bytes.length - (bytes.length % 2);
  for (let i = 0; i < end; i += 2) {
    const u = unit(i);
    if (u < 0xd800 || u > 0xdfff) continue;
    if (u <= 0xdbff && i + 3 < end) {
      const next = unit(i + 2);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 2;
        continue;
      }
    }
    if (first < 0) first = i;
    count++;
  }
  if (end < bytes.length) {
    if (first < 0) first = end;
    count++;
  }
  return first < 0 ? null : { firstOffset: base + first, count };
}
