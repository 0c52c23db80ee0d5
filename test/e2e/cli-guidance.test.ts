// The CLI as a new user meets it, through the real CLI on the embedded store: what it says when
// there is nothing to report, a usage mistake, or a configuration error.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fixture, runCli, tempDir } from "./sync-support.js";

describe("a CLI that guides", () => {
  test("report on a store with no Docker Scout data says so, exit 1, with the command to run", async () => {
    // A report whose base Docker Scout could not resolve is valid and writes no Docker Scout data
    // (a source of non-reports is now fatal and publishes no store at all).
    const dir = tempDir();
    const store = join(dir, "store");
    const sync = await runCli(["sync", "--docker-scout-source", fixture("audit-log-distroless-base-unresolved.txt"), "--store", store]);
    assert.equal(sync.code, 0, sync.stderr);
    const r = await runCli(["report", "--store", store]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /no Docker Scout data in embedded \(.*\) yet: load reports first with `scoutgraph sync --docker-scout-source SOURCE --store /);
  });

  test("a usage mistake is one line and a --help hint; an unknown command gets 'did you mean'", async () => {
    const cases: [string[], RegExp][] = [
      [["sycn"], /^scoutgraph: unknown command 'sycn'\. Did you mean sync\?\nRun 'scoutgraph --help' for the commands\.\n$/],
      [["reprot"], /Did you mean report\?/],
      [["sync", "--bogus"], /^scoutgraph: unknown option '--bogus'\nRun 'scoutgraph sync --help' for the options\.\n$/],
      [["query"], /^scoutgraph: missing required argument 'cypher'\nRun 'scoutgraph query --help' for the options\.\n$/],
    ];
    for (const [args, expected] of cases) {
      const r = await runCli(args);
      assert.equal(r.code, 2, args.join(" "));
      assert.match(r.stderr, expected);
      assert.equal(r.stdout, "");
    }
  });

  test("--neo4j-password is answered with the options that take a password, never echoing it", async () => {
    for (const args of [["sync", "--neo4j-password", "S3cr3t-x"], ["query", "RETURN 1", "--neo4j-password=S3cr3t-x"], ["--neo4j-password=S3cr3t-x"]]) {
      const r = await runCli(args);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /never a command-line argument.*use --neo4j-password-env-var NAME \(with --neo4j-user\) or --neo4j-password-prompt/);
      assert.doesNotMatch(r.stderr + r.stdout, /S3cr3t-x/);
      assert.equal(r.stderr.trim().split("\n").length, 1);
    }
  });

  test("configuration errors are exit 2 with one line: a missing source, --output into a missing folder, a reversed glob range", async () => {
    const dir = tempDir();
    const cases: [string[], RegExp][] = [
      [["sync", "--docker-scout-source", join(dir, "missing"), "--store", join(dir, "s")], /--docker-scout-source .*missing: no such file or folder\./],
      [["report", "--store", join(dir, "s"), "--output", join(dir, "no-folder", "r.html")], /--output .*: the folder .*no-folder does not exist\./],
      [["report", "--store", join(dir, "s"), "--image", "[z-a]"], /--image \[z-a\]: the range z-a in \[z-a\] is reversed/],
    ];
    for (const [args, expected] of cases) {
      const r = await runCli(args);
      assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, expected);
      assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    }
  });
});
