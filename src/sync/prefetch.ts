// Pulls an async stream ahead of its consumer into a bounded buffer, so that a listing's I/O
// (a stat per local file, a page request per thousand objects) overlaps with reading and parsing
// instead of adding to them. Errors reach the consumer in order, after the items before them.

export async function* prefetch<T>(input: AsyncIterable<T>, size: number, signal?: AbortSignal): AsyncGenerator<T> {
  const iterator = input[Symbol.asyncIterator]();
  const buffer: T[] = [];
  let finished = false;
  let failure: { error: unknown } | undefined;
  let wakeConsumer: (() => void) | undefined;
  let wakeProducer: (() => void) | undefined;
  let stopped = false;

  const producer = (async () => {
    try {
      while (!stopped && signal?.aborted !== true) {
        if (buffer.length >= size) {
          await new Promise<void>((resolve) => (wakeProducer = resolve));
          continue;
        }
        const next = await iterator.next();
        if (next.done === true) break;
        buffer.push(next.value);
        wakeConsumer?.();
      }
    } catch (error) {
      failure = { error };
    } finally {
      finished = true;
      wakeConsumer?.();
    }
  })();

  try {
    for (;;) {
      const item = buffer.shift();
      if (item !== undefined) {
        wakeProducer?.();
        yield item;
        continue;
      }
      if (finished) {
        if (failure !== undefined) throw failure.error;
        return;
      }
      await new Promise<void>((resolve) => (wakeConsumer = resolve));
    }
  } finally {
    stopped = true;
    wakeProducer?.();
    await producer;
    await iterator.return?.();
  }
}
