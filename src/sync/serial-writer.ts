// Writes batches one at a time, in order, while the pipeline builds the next one: loading overlaps
// reading and parsing, but never reorders writes (last writer wins, contract §2.7). At most one
// batch is being written and one being built, so memory is bounded by the batch size.
import type { GraphBatch } from "../graph/rows.js";
import type { GraphStore, WriteContext, WriteStats } from "../stores/graph-store.js";

export class SerialWriter {
  private inFlight: Promise<void> = Promise.resolve();
  private writing = false;
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly store: GraphStore,
    private readonly ctx: WriteContext,
    private readonly onWritten: (stats: WriteStats, batch: GraphBatch, reports: number) => void,
  ) {}

  /** Waits for the previous write, then starts this one; rejects if an earlier write failed. */
  async submit(batch: GraphBatch, reports: number): Promise<void> {
    await this.inFlight;
    this.throwIfFailed();
    this.writing = true;
    this.inFlight = this.store.writeBatch(batch, this.ctx).then(
      (stats) => this.onWritten(stats, batch, reports),
      (error: unknown) => {
        this.failure = { error };
      },
    ).finally(() => {
      this.writing = false;
    });
  }

  /** True while no batch is being written: the store is waiting for the pipeline. */
  get idle(): boolean {
    return !this.writing;
  }

  /** Waits for the last write; rejects if any write failed. */
  async flush(): Promise<void> {
    await this.inFlight;
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure.error;
  }
}
