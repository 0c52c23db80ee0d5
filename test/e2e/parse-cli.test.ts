// End to end: the built CLI's `parse` command on a file, a folder, several paths, a malformed
// report and a missing path; checks stdout (JSON shape and text summary), stderr and exit codes.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { CLI_PATH, FIXTURE_REPORTS_DIR } from "../support/fixtures.js";

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI_PATH, "parse", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fixture = (name: string) => join(FIXTURE_REPORTS_DIR, `${name}.txt`);
const REPORT_KEYS = ["target", "base_image", "recommendations", "is_report"];

describe("scoutgraph parse", () => {
  let dir = "";
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "scoutgraph-parse-"));
    mkdirSync(join(dir, "good", "nested"), { recursive: true });
    mkdirSync(join(dir, "good", ".hidden"));
    copyFileSync(fixture("checkout-ruby-full"), join(dir, "good", "b-checkout.txt"));
    copyFileSync(fixture("kiosk-ruby-legacy-header"), join(dir, "good", "nested", "kiosk.txt"));
    copyFileSync(fixture("project-readme-not-a-report"), join(dir, "good", "a-readme.md"));
    writeFileSync(join(dir, "good", "c-binary.bin"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    writeFileSync(join(dir, "good", ".hidden", "x.txt"), "## Recommended fixes\n");
    writeFileSync(join(dir, "good", ".dotfile.txt"), "## Recommended fixes\n");
    mkdirSync(join(dir, "mixed"));
    copyFileSync(fixture("cartography-sample"), join(dir, "mixed", "a.txt"));
    writeFileSync(join(dir, "mixed", "b-truncated.txt"), "  Target   │  app:1\n    digest │  0123456789ab\n\n## Recommended fixes\n\n");
    copyFileSync(fixture("session-store-redis-up-to-date"), join(dir, "mixed", "c.txt"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("a single file prints one JSON object in the fixture shape, exit 0", () => {
    const r = run("--json", fixture("tcp-gateway-haproxy-registry-port"));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, "");
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), REPORT_KEYS);
    assert.equal(json.target.image, "registry.internal.example:8443/platform/ingress/tcp-gateway:4.2.0");
    assert.equal(json.target.digest, "073019462588");
    assert.equal(json.recommendations.length, 2);
    assert.ok(r.stdout.startsWith('{\n  "target": {\n    "image"'), "2-space indented");
  });

  test("a folder prints an array of { file, result }, walked recursively and sorted, hidden entries skipped", () => {
    const r = run("--json", join(dir, "good"));
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { file: string; result: Record<string, unknown> }[];
    assert.deepEqual(
      json.map((e) => e.file),
      ["a-readme.md", "b-checkout.txt", "c-binary.bin", join("nested", "kiosk.txt")].map((f) => join(dir, "good", f)),
    );
    assert.deepEqual(json.map((e) => Object.keys(e)), json.map(() => ["file", "result"]));
    assert.deepEqual(json.map((e) => e.result.is_report), [false, true, false, true]);
    assert.deepEqual((json[3]?.result.target as { digest: unknown }).digest, null);
  });

  test("several paths print one array in the order given", () => {
    const r = run("--json", fixture("cartography-sample"), fixture("checkout-cves-not-a-report"));
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { file: string }[];
    assert.deepEqual(json.map((e) => e.file), [fixture("cartography-sample"), fixture("checkout-cves-not-a-report")]);
  });

  test("a malformed report: error in its JSON, one stderr line naming it, the rest still parsed, exit 3", () => {
    const r = run("--json", join(dir, "mixed"));
    assert.equal(r.code, 3);
    const json = JSON.parse(r.stdout) as { file: string; result: Record<string, unknown> }[];
    assert.equal(json.length, 3);
    const bad = json[1];
    assert.equal(bad?.file, join(dir, "mixed", "b-truncated.txt"));
    assert.deepEqual(Object.keys(bad?.result ?? {}), [...REPORT_KEYS, "error"]);
    assert.match(String(bad?.result.error), /Base image is/);
    assert.equal((json[2]?.result.target as { image: string }).image, "harbor.example.net/cache/session-store:7.4.2-r1");
    const lines = r.stderr.trim().split("\n");
    assert.equal(lines.length, 1, r.stderr);
    assert.ok(lines[0]?.includes(join(dir, "mixed", "b-truncated.txt")), lines[0]);
  });

  test("a missing path is a usage error: exit 2, nothing on stdout", () => {
    const missing = join(dir, "does-not-exist.txt");
    const r = run("--json", fixture("cartography-sample"), missing);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, "");
    assert.ok(r.stderr.includes(missing), r.stderr);
  });

  test("without --json, a readable summary with fix counts", () => {
    const r = run(fixture("cartography-sample"));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /target\s+registry\.example\.test\/example\/app:1\.2\.3/);
    assert.match(r.stdout, /base image\s+node:25-alpine\s+0C 6H 2M 1L/);
    assert.match(r.stdout, /change\s+slim\s+0C 4H 1M 10L\s+fixes 2H 1M/);
    const unresolved = run(fixture("audit-log-distroless-base-unresolved"));
    assert.equal(unresolved.code, 0);
    assert.match(unresolved.stdout, /base image\s+not determined/);
  });
});
