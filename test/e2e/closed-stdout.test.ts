// Every command exits quietly when the reader of its output goes away early: real shell pipes
// (`| head -1`, and `| true`, which closes before the first write), the CLI's exit status taken
// from PIPESTATUS. No EPIPE stack trace, exit 0 for the commands that only print; sync keeps its
// own exit code and still finishes its write.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { CLI_PATH, EXAMPLES_DIR } from "../support/fixtures.js";
import { cleanEnv, runCli, tempDir } from "./sync-support.js";

function pipe(args: string[], reader: string): { status: number; stderr: string; stdout: string } {
  const quoted = args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const script = `"${process.execPath}" "${CLI_PATH}" ${quoted} | ${reader}; echo "cli-exit=\${PIPESTATUS[0]}" >&2`;
  const r = spawnSync("bash", ["-c", script], { encoding: "utf8", env: cleanEnv() as NodeJS.ProcessEnv, timeout: 120_000 });
  const status = Number(/cli-exit=(\d+)/.exec(r.stderr)?.[1] ?? -1);
  return { status, stderr: r.stderr.replace(/cli-exit=\d+\n?/, ""), stdout: r.stdout };
}

describe("a closed standard output", () => {
  const store = join(tempDir(), "store");
  before(async () => {
    const r = await runCli(["sync", "--docker-scout-source", EXAMPLES_DIR, "--store", store, "-q"]);
    assert.equal(r.code, 0, r.stderr);
  });

  const readers = ["head -1", "true"];
  const commands: [string, string[]][] = [
    ["report", ["report", "--store", store]],
    ["report --format json", ["report", "--store", store, "--format", "json"]],
    ["query (100,000 rows)", ["query", "UNWIND range(1, 100000) AS x RETURN x", "--store", store]],
    ["query --json", ["query", "UNWIND range(1, 100000) AS x RETURN x", "--store", store, "--json"]],
    ["parse --json", ["parse", "--json", EXAMPLES_DIR]],
    ["parse", ["parse", EXAMPLES_DIR]],
    ["--help", ["--help"]],
  ];
  for (const [name, args] of commands) {
    test(`${name} exits 0 without a stack trace`, () => {
      for (const reader of readers) {
        const r = pipe(args, reader);
        assert.equal(r.status, 0, `${name} | ${reader}: ${r.stderr}`);
        assert.doesNotMatch(r.stderr, /EPIPE|Error:|\n\s+at /, `${name} | ${reader}`);
      }
    });
  }

  test("head -2 of a query still gets the first lines", () => {
    const r = pipe(["query", "UNWIND range(1, 100000) AS x RETURN x", "--store", store], "head -2");
    assert.equal(r.stdout.split("\n").length, 3);
    assert.match(r.stdout, /^x\s*\n/);
  });

  test("sync keeps going and keeps its exit code when its summary has no reader", async () => {
    const r = pipe(["sync", "--docker-scout-source", EXAMPLES_DIR, "--store", store, "--update-tag", "77"], "true");
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /EPIPE|\n\s+at /);
    const q = await runCli(["query", "MATCH (p:DockerScoutPublicImage) RETURN min(p.lastupdated) AS t", "--store", store, "--json"]);
    assert.deepEqual(JSON.parse(q.stdout), [{ t: 77 }], "the sync wrote everything");
  });
});
