// Bounded-concurrency map over an async stream that yields results in input order: up to
// `concurrency` items are in flight, and the output keeps the sources' code-point order, which the
// graph's last-writer-wins semantics depend on (contract §2.7). Memory: at most `concurrency` results.

export async function* mapOrdered<T, R>(
  input: AsyncIterable<T>,
  concurrency: number,
  fn: (item: T) => Promise<R>,
  signal?: AbortSignal,
): AsyncGenerator<R> {
  const iterator = input[Symbol.asyncIterator]();
  const window: Promise<R>[] = [];
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && window.length < Math.max(1, concurrency) && signal?.aborted !== true) {
        const next = await iterator.next();
        if (next.done === true) {
          exhausted = true;
          break;
        }
        const pending = fn(next.value);
        // Rejections are observed when the item reaches the head; this only avoids an
        // "unhandled rejection" while it waits in the window.
        pending.catch(() => undefined);
        window.push(pending);
      }
      const head = window.shift();
      if (head === undefined || signal?.aborted === true) return;
      yield await head;
    }
  } finally {
    if (!exhausted) await iterator.return?.();
  }
}
