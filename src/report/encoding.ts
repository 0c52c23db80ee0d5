// Which encoding a report file is in. Windows PowerShell 5 writes UTF-16LE with a BOM, editors add
// a UTF-8 BOM, and copies lose the BOM; a report is mostly ASCII, so UTF-16 without a BOM shows
// as a zero byte in every other position, which UTF-8 text never has.

export type ReportEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "utf-16le-no-bom" | "utf-16be-no-bom";

export interface DetectedEncoding {
  encoding: ReportEncoding;
  /** Bytes of the BOM to skip (0 when there is none). */
  bomLength: number;
}

/** Share of ASCII code units (one zero byte in the pair) a BOM-less UTF-16 text must have. */
const MIN_ASCII_SHARE = 0.5;

/** The encoding of `bytes`, or null when they are binary (a NUL outside UTF-16, or a NUL code unit). */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8-bom", bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  if (bytes.indexOf(0) < 0) return { encoding: "utf-8", bomLength: 0 };
  const utf16 = sniffUtf16(bytes);
  return utf16 === null ? null : { encoding: utf16, bomLength: 0 };
}

/**
 * UTF-16 without a BOM, only when unambiguous: no NUL code unit, and most code units are ASCII
 * with the zero byte always on the same side (`x 00` little-endian, `00 x` big-endian). Box
 * characters such as `─` (U+2500, bytes `00 25` in LE) put a zero on the other side, so the rule
 * asks for a clear majority rather than none at all.
 */
function sniffUtf16(bytes: Uint8Array): "utf-16le-no-bom" | "utf-16be-no-bom" | null {
  const pairs = Math.floor(bytes.length / 2);
  if (pairs < 2) return null;
  let asciiLe = 0;
  let asciiBe = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const a = bytes[i] as number;
    const b = bytes[i + 1] as number;
    if (a === 0 && b === 0) return null;
    if (b === 0) asciiLe++;
    else if (a === 0) asciiBe++;
  }
  if (asciiLe >= pairs * MIN_ASCII_SHARE && asciiLe > 2 * asciiBe) return "utf-16le-no-bom";
  if (asciiBe >= pairs * MIN_ASCII_SHARE && asciiBe > 2 * asciiLe) return "utf-16be-no-bom";
  return null;
}
