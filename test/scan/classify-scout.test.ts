// Failure classification against the contract's quoted messages (§3.3) and the wording variants
// it marks unknown (§7.4, §7.5): every prefix style, both exit codes for usage errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { classifyScoutExit, SCOPE } from "../../src/scan/failures.js";
import { failureLines, LOGIN_MESSAGE, PANIC } from "../support/scout-stand-in/messages.js";

const kind = (stderr: string, exitCode: number | null = 1): string | undefined => classifyScoutExit({ exitCode, timedOut: false, stderr })?.kind;

test("every failing outcome of the stand-in's table is classified as the contract says", () => {
  const expected: Record<string, string> = {
    "not-logged-in": "not-logged-in",
    "not-entitled": "not-entitled",
    unauthorized: "unauthorized",
    "not-found": "not-found",
    "rate-limited": "rate-limited",
    "rate-limited-abuse": "rate-limited",
    "backend-eof": "backend",
    "backend-403": "backend",
    "cache-locked": "cache-locked",
    "cache-readonly": "cache-unwritable",
    "no-base-error": "no-base-image",
    "no-base-error-variant": "no-base-image",
    "parse-error": "invalid-reference",
    "exit-255": "unexplained",
  };
  for (const [outcome, want] of Object.entries(expected)) {
    const code = outcome === "exit-255" ? 255 : 1;
    assert.equal(kind(failureLines(outcome, "registry://r/x:1", "r/x:1", "githubactions", "/c").join("\n"), code), want, outcome);
  }
  assert.equal(kind(PANIC.join("\n"), 2), "panic");
  assert.equal(kind(["    i New version 1.24.0 available (installed version is 1.23.1) at https://github.com/docker/scout-cli", ...LOGIN_MESSAGE].join("\n")), "not-logged-in");
});

test("wording variants: prefixes, lower-case registry codes, logrus and JSON lines", () => {
  assert.equal(kind("Error: could not authenticate: user githubactions not entitled to use Docker Scout"), "not-entitled");
  assert.equal(kind("toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit"), "rate-limited");
  assert.equal(kind('level=error msg="Status: could not list CVEs for the image: API operation failed: Message: EOF, Code: 1"'), "backend");
  assert.equal(kind('{"level":"error","msg":"image has no base image"}'), "no-base-image");
  assert.equal(kind("Error: could not get the image ***/alphafold:pr-237"), "not-found");
  assert.equal(kind("Error: could not get the image ghcr.io/Org/Repo:latest: failed to parse reference ghcr.io/Org/Repo:latest: could not parse reference: ghcr.io/Org/Repo:latest"), "invalid-reference");
  assert.equal(kind("ERROR   Status: failed create to sbom folder: mkdir /home/u/.docker/scout/sbom: read-only file system, Code: 1"), "cache-unwritable");
  assert.equal(kind("docker: 'scout' is not a docker command.\nSee 'docker --help'"), "scout-missing");
});

test("usage errors stop the run whether Scout exits 1 or 125 (unknown §7.5)", () => {
  for (const code of [1, 125]) assert.equal(kind("ERROR   unknown flag: --format", code), "usage");
  assert.equal(SCOPE.usage, "fatal");
});

test("exit 0 is success; a timeout wins over the exit code; other codes are per-image errors", () => {
  assert.equal(classifyScoutExit({ exitCode: 0, timedOut: false, stderr: "ERROR   looks bad" }), null);
  assert.equal(classifyScoutExit({ exitCode: null, timedOut: true, stderr: "" })?.kind, "timeout");
  assert.equal(kind("something odd", 7), "scout-error");
  assert.equal(kind("", 2), "panic");
  assert.equal(classifyScoutExit({ exitCode: 1, timedOut: false, stderr: "    ✗ Pull failed\nERROR   failed to get image x: MANIFEST_UNKNOWN" })?.message, "failed to get image x: MANIFEST_UNKNOWN");
});
