// Names and report text with terminal control characters (ESC sequences, the one-byte CSI U+009B,
// the bidi override U+202E) are shown escaped in log lines, the sync summary, `parse` and the
// `query` table: the real CLI never sends them to the terminal.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { EXAMPLES_DIR } from "../support/fixtures.js";
import { runCli, tempDir, writeMalformedReport } from "./sync-support.js";

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = "evil-\u001b[31mred-\u009b2J-\u202etxt.gpj";

test("file names in logs, the summary and parse output have their control characters escaped", async () => {
  const dir = join(tempDir(), "reports");
  mkdirSync(dir);
  copyFileSync(join(EXAMPLES_DIR, "cartography-sample.txt"), join(dir, `${HOSTILE}.txt`));
  writeMalformedReport(join(dir, `${HOSTILE}-broken.txt`));
  const store = join(tempDir(), "store");
  for (const args of [["sync", "--docker-scout-source", dir, "--store", store, "--debug"], ["parse", dir]]) {
    const r = await runCli(args);
    assert.equal(r.code, 3, r.stderr);
    for (const [stream, text] of [["stdout", r.stdout], ["stderr", r.stderr]] as const) {
      assert.doesNotMatch(text, RAW_CONTROL, `${args[0]} ${stream}: ${JSON.stringify(text)}`);
    }
    assert.match(r.stdout + r.stderr, /evil-\\x1b\[31mred-\\x9b2J-\\u202etxt\.gpj/);
  }
});

test("query table cells have their control characters escaped (JSON keeps the exact text)", async () => {
  const store = join(tempDir(), "store");
  const sync = await runCli(["sync", "--docker-scout-source", join(EXAMPLES_DIR, "cartography-sample.txt"), "--store", store, "-q"]);
  assert.equal(sync.code, 0, sync.stderr);
  const cypher = "RETURN 'a\\u001b[2Jb\\u202ec' AS x";
  const table = await runCli(["query", cypher, "--store", store]);
  assert.equal(table.code, 0, table.stderr);
  assert.doesNotMatch(table.stdout, RAW_CONTROL);
  assert.match(table.stdout, /a\\x1b\[2Jb\\u202ec/);
  const json = await runCli(["query", cypher, "--store", store, "--json"]);
  assert.deepEqual(JSON.parse(json.stdout), [{ x: "a\u001b[2Jb\u202ec" }]);
});
