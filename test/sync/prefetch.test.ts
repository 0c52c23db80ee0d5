import { test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { prefetch } from "../../src/sync/prefetch.js";

test("prefetch yields every item in order and reads ahead at most `size` items", async () => {
  let produced = 0;
  async function* input(): AsyncGenerator<number> {
    for (let i = 0; i < 50; i++) {
      produced++;
      yield i;
    }
  }
  const seen: number[] = [];
  for await (const x of prefetch(input(), 5)) {
    await sleep(1);
    // The producer may be at most the buffer size (plus the item in hand) ahead of the consumer.
    assert.ok(produced - seen.length <= 7, `produced ${produced}, consumed ${seen.length}`);
    seen.push(x);
  }
  assert.deepEqual(seen, [...Array(50).keys()]);
});

test("an error comes after the items before it, and stopping early closes the input", async () => {
  async function* failing(): AsyncGenerator<number> {
    yield 1;
    yield 2;
    throw new Error("page 2 failed");
  }
  const seen: number[] = [];
  await assert.rejects(async () => {
    for await (const x of prefetch(failing(), 10)) seen.push(x);
  }, /page 2 failed/);
  assert.deepEqual(seen, [1, 2]);

  let closed = false;
  async function* endless(): AsyncGenerator<number> {
    try {
      for (let i = 0; ; i++) yield i;
    } finally {
      closed = true;
    }
  }
  for await (const x of prefetch(endless(), 4)) if (x === 3) break;
  assert.ok(closed);
});
