// The CLI as a new user meets it, through the real CLI on the embedded store: what it says when
// there is nothing to report, a usage mistake, or a configuration error.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempDir } from "./sync-support.js";

describe("a CLI that guides", () => {
  test("report on a store with no Docker Scout data says so, exit 1, with the command to run", async () => {
    const dir = tempDir();
    const source = join(dir, "not-reports");
    mkdirSync(source);
    writeFileSync(join(source, "notes.txt"), "hello\n");
    const store = join(dir, "store");
    const sync = await runCli(["sync", "--docker-scout-source", source, "--store", store]);
    assert.equal(sync.code, 0, sync.stderr);
    const r = await runCli(["report", "--store", store]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /no Docker Scout data in embedded \(.*\) yet: load reports first with `scoutgraph sync --docker-scout-source SOURCE --store /);
  });
});
