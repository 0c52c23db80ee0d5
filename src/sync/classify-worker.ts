// A worker thread's side of the classify pool (classify-pool.ts): classifies each file's bytes it
// is sent and posts the result back. The structured clone that carries the result copies every
// string, so the parse needs no detaching here.
import { parentPort } from "node:worker_threads";
import { classifyFile } from "./classify.js";
import type { ClassifyReply, ClassifyRequest } from "./classify-pool.js";

const port = parentPort;
if (port === null) throw new Error("classify-worker.js runs as a worker thread only");

port.on("message", ({ id, bytes }: ClassifyRequest) => {
  let reply: ClassifyReply;
  try {
    reply = { id, file: classifyFile(bytes, { detach: false }) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(reply);
});
