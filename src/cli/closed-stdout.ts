// When the reader of standard output goes away (`scoutgraph report | head -1`), writing fails with
// EPIPE. A command that only prints (report, query, parse, help) then has nothing left to do and
// exits quietly with 0, like a Unix filter; a command that writes a store or files (sync, scan, the
// Cartography form) must not stop mid-write, so it goes on with its output dropped and keeps its
// own exit code.

let keepRunning = false;
let closed = false;

/** Called by writing commands before they start: a closed stdout must not end the process. */
export function keepRunningWhenStdoutCloses(): void {
  keepRunning = true;
}

export function stdoutIsClosed(): boolean {
  return closed;
}

export function handleClosedStdout(stdout: NodeJS.WriteStream = process.stdout): void {
  stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE" && err.code !== "ERR_STREAM_DESTROYED") throw err;
    closed = true;
    if (!keepRunning) process.exit(0);
    // Writers waiting for 'drain' would wait forever: release them; later writes are dropped.
    stdout.write = ((_chunk: unknown, ...rest: unknown[]) => {
      const callback = rest.find((r): r is () => void => typeof r === "function");
      callback?.();
      return true;
    }) as typeof stdout.write;
    stdout.emit("drain");
  });
}
