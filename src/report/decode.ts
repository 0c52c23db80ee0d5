// Bytes to text (contract Part A D6): strict UTF-8, and a NUL byte means a binary file. Either way
// the answer is null, "not a report", which the caller skips rather than counting as a failure.

/** The UTF-8 text of `bytes` (a leading BOM kept for the parser to drop), or null for binary or non-UTF-8. */
export function decodeReport(bytes: Uint8Array): string | null {
  if (bytes.indexOf(0) >= 0) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
