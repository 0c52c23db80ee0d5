// The size-cap message: the file once, sizes in MiB (bytes when tiny).
import assert from "node:assert/strict";
import { test } from "node:test";
import { mib, tooLargeMessage } from "../../src/sources/options.js";

test("size-cap messages give sizes in MiB and name the file once", () => {
  const message = tooLargeMessage("reports/big.txt", 12 * 1024 * 1024 + 300_000, 8 * 1024 * 1024);
  assert.equal(message, "Skipping reports/big.txt: 12.3 MiB is over the 8.0 MiB report size cap.");
  assert.equal(message.split("reports/big.txt").length, 2);
  assert.equal(mib(2000), "2000 bytes");
});
