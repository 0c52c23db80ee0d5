// SCOUTGRAPH_BUFFER_POOL_MB: the embedded store's buffer pool, read by the CLI.
import { test } from "node:test";
import assert from "node:assert/strict";
import { bufferPoolFromEnv } from "../../src/cli/open-store.js";

test("SCOUTGRAPH_BUFFER_POOL_MB sets the buffer pool in MiB; unset leaves the default; anything else is a usage error", () => {
  assert.equal(bufferPoolFromEnv(undefined), undefined);
  assert.equal(bufferPoolFromEnv(""), undefined);
  assert.equal(bufferPoolFromEnv("256"), 256 * 1024 * 1024);
  for (const bad of ["63", "0", "-5", "1.5", "256MB", " 256", "1e3", "2000000"]) {
    assert.throws(() => bufferPoolFromEnv(bad), (err: Error & { code?: string }) => err.code === "USAGE" && err.message.includes("SCOUTGRAPH_BUFFER_POOL_MB"), bad);
  }
});
