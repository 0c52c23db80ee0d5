// A worker thread's side of the prepare pool (prepare-pool.ts): prepares each file's bytes it is
// sent and posts the result back. The structured clone that carries the result copies every
// string, so the rows need no detaching here.
import { parentPort } from "node:worker_threads";
import { keepHeapNearLiveSize } from "../heap-tuning.js";
import { prepareFile } from "./prepare-file.js";
import type { PrepareReply, PrepareRequest } from "./prepare-pool.js";

// Starting a worker sets V8's flags back to the command line's, for the whole process.
keepHeapNearLiveSize();

const port = parentPort;
if (port === null) throw new Error("prepare-worker.js runs as a worker thread only");

port.on("message", ({ id, bytes }: PrepareRequest) => {
  let reply: PrepareReply;
  try {
    reply = { id, file: prepareFile(bytes, { detach: false }) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(reply);
});
