// Shared by the cloud listings: object stores list keys in UTF-8 byte order, which is code-point
// order, so refs stream through as they arrive; this guard makes that assumption fail loudly (a
// SOURCE error) instead of silently changing the processing order.
import { ScoutgraphError } from "../errors.js";
import { compareCodePoints } from "./code-point-order.js";
import type { ReportRef } from "./report-source.js";

export async function* inCodePointOrder(refs: AsyncIterable<ReportRef>, sourceUri: string): AsyncGenerator<ReportRef> {
  let previous: string | undefined;
  for await (const ref of refs) {
    if (previous !== undefined && compareCodePoints(previous, ref.name) >= 0) {
      throw new ScoutgraphError("SOURCE", `Listing of ${sourceUri} is not in key order (${ref.name} after ${previous}).`, { subject: sourceUri });
    }
    previous = ref.name;
    yield ref;
  }
}
