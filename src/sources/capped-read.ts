// Collects a byte stream into one Buffer, stopping as soon as it passes the size cap so an
// oversized object never sits whole in memory.
import { ScoutgraphError } from "../errors.js";
import type { ReportRef } from "./report-source.js";
import { mib, tooLargeMessage } from "./options.js";

export async function readCapped(
  stream: AsyncIterable<Uint8Array | string>,
  cap: number,
  uri: string,
  label: string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += bytes.length;
    if (total > cap) {
      // Leaving the loop early destroys the underlying stream (and its connection).
      throw new ScoutgraphError("READ", `Failed to read ${label} report ${uri}: larger than the ${mib(cap)} report size cap.`, { subject: uri });
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

/** The ref itself, or the ref marked "too-large" when its listed size is over the cap. */
export function tooLargeRef(ref: ReportRef, cap: number): ReportRef {
  if (ref.size === undefined || ref.size <= cap) return ref;
  return { ...ref, problem: { kind: "too-large", message: tooLargeMessage(ref.uri, ref.size, cap) } };
}
