import { test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import fc from "fast-check";
import { mapOrdered } from "../../src/sync/ordered-map.js";

async function* from<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

test("results keep input order whatever the completion order, with at most `concurrency` in flight", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }), fc.integer({ min: 1, max: 8 }), async (delays, concurrency) => {
      let inFlight = 0;
      let peak = 0;
      const out = await collect(
        mapOrdered(from(delays.map((d, i) => ({ d, i }))), concurrency, async ({ d, i }) => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await sleep(d);
          inFlight--;
          return i;
        }),
      );
      assert.deepEqual(out, delays.map((_, i) => i));
      assert.ok(peak <= concurrency, `peak ${peak} > ${concurrency}`);
    }),
    { numRuns: 40 },
  );
});

test("an abort stops pulling from the input and closes it", async () => {
  const controller = new AbortController();
  let pulled = 0;
  let closed = false;
  async function* input(): AsyncGenerator<number> {
    try {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield i;
      }
    } finally {
      closed = true;
    }
  }
  const seen: number[] = [];
  for await (const x of mapOrdered(input(), 4, async (i) => i, controller.signal)) {
    seen.push(x);
    if (x === 9) controller.abort();
  }
  assert.deepEqual(seen, [...Array(10).keys()]);
  assert.ok(pulled < 20, `pulled ${pulled}`);
  assert.ok(closed);
});

test("an error from the input stream propagates", async () => {
  async function* failing(): AsyncGenerator<number> {
    yield 1;
    throw new Error("listing failed");
  }
  await assert.rejects(collect(mapOrdered(failing(), 2, async (x) => x)), /listing failed/);
});
