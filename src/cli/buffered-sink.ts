// Writes streamed output to a stream in 64 KiB pieces and waits for 'drain' when the stream is
// full, so a slow reader (a pager, a pipe) holds the producer back instead of filling memory.
import { once } from "node:events";
import type { TextSink } from "./render-table.js";

export interface WritableLike {
  write(text: string): boolean | unknown;
  once?(event: "drain", listener: () => void): unknown;
}

const CHUNK = 64 * 1024;

export class BufferedSink implements TextSink {
  private buffer = "";

  constructor(private readonly out: WritableLike) {}

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer === "") return;
    const text = this.buffer;
    this.buffer = "";
    const accepted = this.out.write(text);
    if (accepted === false && typeof this.out.once === "function") {
      await once(this.out as unknown as NodeJS.EventEmitter, "drain");
    }
  }
}
