// The Docker Scout stand-in itself, run directly: the argv shapes and flag forms of contract §6.1,
// the streams, exit codes and output files of each §6.2 outcome, and the §6.4 side effects. The
// scan tests rely on it being faithful, so its behaviour is pinned here.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXAMPLES_DIR } from "../support/fixtures.js";
import type { Outcome, StandInConfig } from "../support/scout-stand-in/config.js";
import { installStandIn, type StandIn } from "../support/scout-stand-in/install.js";

const REPORT = join(EXAMPLES_DIR, "cartography-sample.txt");
const OUTCOMES: Outcome[] = [
  "ok-cached", "ok-first-registry", "ok-first-local", "ok-attestation", "ok-autodetected", "ok-no-daemon",
  "not-entitled", "unauthorized", "not-found", "rate-limited", "rate-limited-abuse", "backend-eof", "backend-403",
  "cache-locked", "cache-readonly", "no-base-error", "no-base-error-variant", "no-base-unresolved", "no-base-false-clear", "parse-error", "panic", "exit-255",
];

function config(extra: Partial<StandInConfig> = {}): StandInConfig {
  return {
    defaultReport: REPORT,
    images: {
      ...Object.fromEntries(OUTCOMES.map((o) => [`t/${o}:1`, { outcome: o }])),
      "t/multi:1": { platforms: { "linux/amd64": `sha256:${"a".repeat(64)}`, "linux/arm64": `sha256:${"b".repeat(64)}` }, localImageId: `sha256:${"c".repeat(64)}` },
    },
    ...extra,
  };
}

describe("the Docker Scout stand-in", () => {
  let s: StandIn;
  const run = (cmd: string, args: string[], env: Record<string, string | undefined> = {}) =>
    spawnSync(cmd, args, { env: { ...process.env, ...s.env, ...env } as NodeJS.ProcessEnv, encoding: "utf8", timeout: 20_000 });
  before(() => {
    s = installStandIn(config());
  });

  test("argv shapes: docker scout, docker-scout, the plugin shape, plugin metadata, version", () => {
    assert.match(run("docker", ["scout", "version"]).stdout, /^version: v1\.23\.1 \(go[\d.]+ - linux\/amd64\)\ngit commit: [0-9a-f]{40}\n$/);
    assert.match(run("docker-scout", ["version"]).stdout, /version: v1\.23\.1/);
    const meta = run("docker-scout", ["docker-cli-plugin-metadata"]);
    assert.equal(meta.status, 0);
    assert.equal((JSON.parse(meta.stdout) as { SchemaVersion: string }).SchemaVersion, "0.1.0");
    for (const [cmd, args] of [["docker", ["scout", "recommendations", "t/ok-cached:1"]], ["docker-scout", ["recommendations", "t/ok-cached:1"]], ["docker-scout", ["scout", "recommendations", "t/ok-cached:1"]]] as const) {
      const r = run(cmd, [...args]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /Target {3}│ {2}t\/ok-cached:1\n/);
      assert.doesNotMatch(r.stdout, /SBOM/, "progress goes to stderr only");
      assert.match(r.stderr, /SBOM of image already cached/);
    }
  });

  test("flag forms: --x v, --x=v, -o v, -o=v, flags after the argument, --, booleans =true/=false", () => {
    const dir = mkdtempSync(join(tmpdir(), "stand-in-"));
    for (const [i, form] of [["-o", "F"], ["-o=F"], ["--output", "F"], ["--output=F"]].entries()) {
      const file = join(dir, `${i}.txt`);
      const args = ["recommendations", "registry://t/multi:1", ...form.map((a) => a.replace("F", file)), "--platform", "linux/arm64", "--only-update=false"];
      const r = run("docker-scout", args);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, "", "with --output nothing goes to stdout");
      assert.match(readFileSync(file, "utf8"), /digest │ {2}bbbbbbbbbbbb/);
    }
    assert.equal(run("docker-scout", ["recommendations", "--", "registry://t/multi:1"]).status, 0);
    assert.match(run("docker-scout", ["recommendations", "image://t/multi:1"]).stdout, /digest │ {2}cccccccccccc/, "present locally: the image ID");
    assert.match(run("docker-scout", ["recommendations", "registry://t/multi:1"]).stdout, /digest │ {2}aaaaaaaaaaaa/, "registry: the platform manifest");
    assert.doesNotMatch(run("docker-scout", ["recommendations", "--only-refresh", "t/multi:1"]).stdout, /Change base image/);
    assert.doesNotMatch(run("docker-scout", ["recommendations", "--only-update=true", "t/multi:1"]).stdout, /Refresh base image/);
    assert.equal(run("docker-scout", ["recommendations", "--platform", "linux/s390x", "t/multi:1"]).status, 1);
    const missingParent = run("docker-scout", ["recommendations", "-o", join(dir, "no", "such", "x.txt"), "t/multi:1"]);
    assert.equal(missingParent.status, 1);
    assert.match(missingParent.stderr, /no such file or directory/);
  });

  test("usage errors: unknown flags, two arguments, --ref without archive://; exit code configurable (1 or 125)", () => {
    for (const args of [["--format", "json", "x"], ["--exit-code", "x"], ["a", "b"], ["--ref", "r", "x"]]) {
      const r = run("docker-scout", ["recommendations", ...args]);
      assert.equal(r.status, 1, args.join(" "));
    }
    assert.match(run("docker-scout", ["recommendations", "--format", "json", "x"]).stderr, /unknown flag/);
    s.configure(config({ usageExitCode: 125 }));
    assert.equal(run("docker-scout", ["recommendations", "--format", "json", "x"]).status, 125);
    s.configure(config({ installed: false }));
    const missing = run("docker", ["scout", "version"]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /docker: 'scout' is not a docker command\.\nSee 'docker --help'/);
    s.configure(config());
  });

  test("every outcome: exit code, empty stdout and no --output file on failure", () => {
    const dir = mkdtempSync(join(tmpdir(), "stand-in-"));
    for (const outcome of OUTCOMES) {
      const file = join(dir, `${outcome}.txt`);
      const r = run("docker-scout", ["recommendations", "-o", file, `t/${outcome}:1`]);
      const ok = outcome.startsWith("ok-") || outcome === "no-base-unresolved" || outcome === "no-base-false-clear";
      const code = ok ? 0 : outcome === "panic" ? 2 : outcome === "exit-255" ? 255 : 1;
      assert.equal(r.status, code, `${outcome}: ${r.stderr}`);
      assert.equal(r.stdout, "", outcome);
      assert.equal(existsSync(file), ok, outcome);
    }
    assert.match(run("docker-scout", ["recommendations", "t/Upper:1"]).stderr, /could not parse reference/);
    assert.match(run("docker-scout", ["recommendations", "t/ok-autodetected:1"]).stderr, /Base image was auto-detected/);
  });

  test("not logged in: the login message on stderr, exit 1, no file; DOCKER_CONFIG with a Hub login counts", () => {
    const r = run("docker-scout", ["recommendations", "t/ok-cached:1"], { DOCKER_SCOUT_HUB_USER: undefined, DOCKER_SCOUT_HUB_PASSWORD: undefined });
    assert.equal(r.status, 1);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^Log in with your Docker ID or email address to use docker scout\./);
  });

  test("side effects: the SBOM cache makes the second run 'already cached'; attempts; the invocation log", () => {
    s.configure(config({ images: { "t/fresh:1": { outcome: "ok-first-registry", failFirst: { count: 1, outcome: "rate-limited" } } } }));
    assert.match(run("docker-scout", ["recommendations", "t/fresh:1"]).stderr, /TOOMANYREQUESTS/);
    assert.match(run("docker-scout", ["recommendations", "t/fresh:1"]).stderr, /Pulled/);
    assert.match(run("docker-scout", ["recommendations", "t/fresh:1"]).stderr, /already cached/);
    assert.match(run("docker-scout", ["recommendations", "t/fresh:1"], { DOCKER_SCOUT_NO_CACHE: "true" }).stderr, /Pulled/);
    const ends = s.events().filter((e) => e.event === "end" && e.argv.includes("t/fresh:1"));
    assert.deepEqual(ends.map((e) => e.exitCode), [1, 0, 0, 0]);
    assert.deepEqual(s.starts().filter((e) => e.reference === "t/fresh:1").map((e) => e.attempt), [1, 2, 3, 4]);
  });
});
