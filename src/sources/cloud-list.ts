// Cloud listings arrive in the store's key order: UTF-8 byte order (= code-point order) for S3 and
// GCS, UTF-16 code-unit order for Azure (Azurite, and .NET-style ordinal sorting). The two differ
// only where one key has a surrogate pair and another has U+E000..U+FFFF at the same position
// after a shared prefix. `inCodePointOrder` turns either order into code-point order while
// streaming: it holds back only keys with a surrogate pair, and only while later keys may still
// share their prefix up to that pair (keys with one prefix arrive together in either order).
import { ScoutgraphError } from "../errors.js";
import { compareCodePoints } from "./code-point-order.js";
import type { ReportRef } from "./report-source.js";

interface Held {
  ref: ReportRef;
  /** The name up to its first surrogate; undefined when it has none (final at once). */
  blockingPrefix: string | undefined;
}

function firstSurrogatePrefix(name: string): string | undefined {
  for (let i = 0; i < name.length; i++) {
    const unit = name.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return name.slice(0, i);
  }
  return undefined;
}

function insertSorted(held: Held[], item: Held): void {
  let lo = 0;
  let hi = held.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareCodePoints(held[mid]!.ref.name, item.ref.name) <= 0) lo = mid + 1;
    else hi = mid;
  }
  held.splice(lo, 0, item);
}

export async function* inCodePointOrder(refs: AsyncIterable<ReportRef>, sourceUri: string): AsyncGenerator<ReportRef> {
  const held: Held[] = [];
  let previous: string | undefined;
  const released = (h: Held, latest: string | undefined) =>
    h.blockingPrefix === undefined || latest === undefined || !latest.startsWith(h.blockingPrefix);

  function* emit(latest: string | undefined): Generator<ReportRef> {
    while (held.length > 0 && released(held[0]!, latest)) {
      const { ref } = held.shift()!;
      // A safety net: an order neither assumption explains fails loudly rather than silently.
      if (previous !== undefined && compareCodePoints(previous, ref.name) >= 0) {
        throw new ScoutgraphError("SOURCE", `Listing of ${sourceUri} is not in key order (${ref.name} after ${previous}).`, { subject: sourceUri });
      }
      previous = ref.name;
      yield ref;
    }
  }

  for await (const ref of refs) {
    insertSorted(held, { ref, blockingPrefix: firstSurrogatePrefix(ref.name) });
    yield* emit(ref.name);
  }
  yield* emit(undefined);
}
