// The pure parts of scan: report names, image lists, de-duplication, freshness, backoff, records,
// and the pullable references built from graph rows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { retryDelayMs, RATE_LIMIT_FACTOR } from "../../src/scan/backoff.js";
import { imagesFromNeo4jRows, isCovered, repositoryOf } from "../../src/scan/graph-images.js";
import { decide, parseDuration } from "../../src/scan/plan.js";
import { referenceProblem, reportNameOf } from "../../src/scan/references.js";
import { decodeRecord, encodeRecord, type ScanRecord } from "../../src/scan/scan-record.js";
import { parseScoutCommand, recommendationsArgv, parseScoutVersion } from "../../src/scan/scout-command.js";
import { buildTargets, parseImageLines } from "../../src/scan/targets.js";
import { spawnSync } from "node:child_process";

const D = (c: string): string => `sha256:${c.repeat(64)}`;

test("report names are Cartography's `tr '/:' '__'` of the reference, plus .txt", () => {
  for (const ref of ["registry.example.test/example/app:1.2.3", "alpine", "ghcr.io/o/r@sha256:" + "a".repeat(64), "localhost:5000/x/y:z"]) {
    const shell = spawnSync("sh", ["-c", `echo "$IMAGE" | tr '/:' '__'`], { env: { IMAGE: ref }, encoding: "utf8" }).stdout.trim();
    assert.equal(reportNameOf(ref), `${shell}.txt`);
  }
  assert.equal(reportNameOf("registry://alpine:3.18"), "alpine_3.18.txt", "the Scout prefix is not part of the name");
});

test("references are checked against an allow-list", () => {
  for (const ok of ["alpine", "registry://a.b/c:d", "local://sha256:" + "f".repeat(64), "a/b:1.0+build"]) assert.equal(referenceProblem(ok), null, ok);
  for (const bad of ["", "-rf", "--output=/etc/x", "a b", "$(id)", "a;b", ".hidden", "ftp://x", "x\ny", "a".repeat(600)]) assert.notEqual(referenceProblem(bad), null, bad);
});

test("images files: one per line, # comments, blank lines, CRLF", () => {
  assert.deepEqual(parseImageLines("# fleet\nalpine:3.18\r\n\n  nginx  # web\n#x\n"), [
    { reference: "alpine:3.18", line: 2 },
    { reference: "nginx", line: 4 },
  ]);
});

test("targets: duplicates once (also with a prefix), name collisions and bad references rejected with where", () => {
  const list = buildTargets([
    { reference: "a/b", where: "argument 1", origin: "argument" },
    { reference: "a/b", where: "f:1", origin: "file" },
    { reference: "registry://a/b", where: "f:2", origin: "file" },
    { reference: "a:b", where: "f:3", origin: "file" },
    { reference: "bad ref", where: "f:4", origin: "file" },
    { reference: "r@" + D("c"), where: "f:5", origin: "file" },
  ]);
  assert.deepEqual(list.targets.map((t) => t.reference), ["a/b", "r@" + D("c")]);
  assert.equal(list.targets[1]?.digest, D("c"), "a pinned reference's digest is known without a scan");
  assert.equal(list.duplicates, 2);
  assert.deepEqual(list.rejected.map((r) => r.where), ["f:3", "f:4"]);
  assert.match(list.rejected[0]?.problem ?? "", /a_b\.txt is already used by a\/b/);
});

const record = (over: Partial<ScanRecord>): ScanRecord => ({
  schemaVersion: 1,
  reference: "r",
  digest: null,
  reportDigest: null,
  platform: null,
  scoutVersion: "1.23.1",
  scannedAt: new Date(1_000_000).toISOString(),
  scoutgraphVersion: "0",
  ...over,
});

test("freshness: age first, then the digest where it is known", () => {
  const now = new Date(1_000_000 + 60_000);
  const tag = { reference: "r", name: "r.txt", origin: "argument" as const };
  const pinned = { ...tag, digest: D("a") };
  const day = 86_400_000;
  assert.equal(decide(tag, undefined, now, day, false).reason, "missing");
  assert.equal(decide(tag, { modified: new Date(0), record: record({}) }, now, day, false).scan, false);
  assert.equal(decide(tag, { modified: new Date(0), record: record({}) }, now, day, true).reason, "forced");
  assert.equal(decide(tag, { modified: new Date(0), record: record({}) }, now, 30_000, false).reason, "older than --max-age");
  assert.equal(decide(tag, { modified: now, record: undefined }, now, day, false).scan, false, "a hand-made report counts by its age");
  assert.equal(decide(pinned, { modified: now, record: undefined }, now, day, false).reason, "digest not recorded");
  assert.equal(decide(pinned, { modified: now, record: record({ digest: D("a") }) }, now, day, false).scan, false);
  assert.equal(decide(pinned, { modified: now, record: record({ digest: D("b") }) }, now, day, false).reason, "digest changed");
  assert.equal(decide(pinned, { modified: now, record: record({ reportDigest: "aaaaaaaaaaaa" }) }, now, day, false).scan, false);
  assert.equal(decide(tag, { modified: now, record: record({ reference: "other", scannedAt: new Date(0).toISOString() }) }, now, day, false).scan, false, "a record of another reference is ignored");
  const arm = { modified: now, record: record({ platform: "linux/arm64" }) };
  assert.equal(decide(tag, arm, now, day, false, "linux/amd64").reason, "platform changed");
  assert.equal(decide(tag, arm, now, day, false, "linux/arm64").scan, false);
  assert.equal(decide(tag, arm, now, day, false).scan, false, "no platform asked: Scout's choice");
});

test("durations", () => {
  assert.equal(parseDuration("24h"), 86_400_000);
  assert.equal(parseDuration("90m"), 5_400_000);
  assert.equal(parseDuration("1.5s"), 1500);
  assert.equal(parseDuration("250"), 250);
  assert.throws(() => parseDuration("soon"), /24h/);
});

test("backoff doubles, has jitter within half, waits longer for rate limits, and is capped", () => {
  assert.equal(retryDelayMs("backend", 1, 1000, () => 0), 500);
  assert.equal(retryDelayMs("backend", 1, 1000, () => 1), 1000);
  assert.equal(retryDelayMs("backend", 3, 1000, () => 1), 4000);
  assert.equal(retryDelayMs("rate-limited", 1, 1000, () => 1), 1000 * RATE_LIMIT_FACTOR);
  assert.equal(retryDelayMs("rate-limited", 30, 1000, () => 1), 600_000);
});

test("records round-trip; damaged or foreign ones are ignored", () => {
  const r = record({ digest: D("a"), platform: "linux/amd64" });
  assert.deepEqual(decodeRecord(encodeRecord(r)), r);
  for (const bad of ["", "{", "[]", JSON.stringify({ ...r, schemaVersion: 2 }), JSON.stringify({ ...r, scannedAt: "yesterday" })]) assert.equal(decodeRecord(bad), undefined, bad);
});

test("Scout argv: pass-through flags, --output, and -- before the reference", () => {
  assert.deepEqual(parseScoutCommand("  docker   scout "), ["docker", "scout"]);
  assert.throws(() => parseScoutCommand(" "));
  assert.deepEqual(recommendationsArgv(["docker-scout"], "registry://a:1", "/w/0.txt", { platform: "linux/arm64", onlyRefresh: true, org: "acme" }), [
    "docker-scout", "recommendations", "--platform=linux/arm64", "--only-refresh", "--org=acme", "--output=/w/0.txt", "--", "registry://a:1",
  ]);
  assert.equal(parseScoutVersion("  ___\nversion: v1.23.1 (go1.22.3 - linux/amd64)\ngit commit: abc\n"), "1.23.1");
  assert.equal(parseScoutVersion("nothing"), null);
});

test("graph rows: the repository from the tag node (ECR repo_uri, GCP/GitHub uri, GitLab Image._ont_uri), pinned to the platform digest", () => {
  assert.equal(repositoryOf("host:5000/a/b:1.0@sha256:x"), "host:5000/a/b");
  assert.equal(repositoryOf("host:5000/a/b"), "host:5000/a/b");
  const images = imagesFromNeo4jRows([
    { digest: D("a"), os: "linux", architecture: "arm64", variant: "v8", tagUris: [["acct.dkr.ecr.us-east-1.amazonaws.com/api", null, "acct.dkr.ecr.us-east-1.amazonaws.com/api:1", null, null, "x"]], coveredAt: null },
    { digest: D("b"), imageUri: "registry.gitlab.com/g/p", tagUris: [], coveredAt: 100 },
    { digest: D("c"), tagUris: [[null, "europe-docker.pkg.dev/p/r/img:2", null, null, null, null]], os: "unknown", architecture: "unknown" },
    { digest: D("d"), tagUris: [] },
    { digest: "not-a-digest", imageUri: "x/y" },
  ]);
  assert.deepEqual(images, [
    { reference: `acct.dkr.ecr.us-east-1.amazonaws.com/api@${D("a")}`, digest: D("a"), platform: "linux/arm64/v8", coveredAt: null },
    { reference: `registry.gitlab.com/g/p@${D("b")}`, digest: D("b"), coveredAt: 100 },
    { reference: `europe-docker.pkg.dev/p/r/img@${D("c")}`, digest: D("c"), coveredAt: null },
  ]);
  assert.equal(isCovered({ reference: "x", coveredAt: 100 }, 100_000 + 1000, 2000), true);
  assert.equal(isCovered({ reference: "x", coveredAt: 100 }, 100_000 + 5000, 2000), false);
  assert.equal(isCovered({ reference: "x", coveredAt: null }, 0, 2000), false);
});

test("the summary text names every count and failure reason; the progress line", async () => {
  const { renderScanSummaryText, formatScanProgress } = await import("../../src/cli/render-scan-summary.js");
  const { ScanSummaryRecorder } = await import("../../src/scan/scan-summary.js");
  const rec = new ScanSummaryRecorder("s3://b/p", "docker scout", 4);
  rec.summary.scoutVersion = "1.23.1";
  rec.wrote("a.txt");
  rec.summary.images.skippedFresh = 1;
  rec.fail({ reference: "x", reason: "not-found", message: "MANIFEST_UNKNOWN", attempts: 1 });
  rec.fail({ reference: "y", reason: "timeout", message: "too slow", attempts: 4 });
  const s = rec.finish(undefined, false);
  assert.equal(s.status, "partial");
  const text = renderScanSummaryText(s);
  assert.match(text, /^scoutgraph scan: partial\n/);
  assert.match(text, /4 requested, 1 scanned, 1 skipped as fresh, 2 failed/);
  assert.match(text, /failed by {5}1 not-found, 1 timeout/);
  assert.match(text, / {2}y: timeout: too slow/);
  assert.equal(formatScanProgress({ total: 4, done: 2, running: 1, scanned: 1, skipped: 1, failed: 0 }, 2000), "scanned 1, fresh 1, failed 0, running 1 (2/4, 1.0/s)");
  assert.equal(new ScanSummaryRecorder("d", "c", 0).finish({ code: "SCOUT", message: "m" }, false).status, "failed");
  assert.equal(new ScanSummaryRecorder("d", "c", 0).finish(undefined, true).status, "interrupted");
});

test("a report JSON's coverage section as scan input", async () => {
  const { coverageInputs, isCoverageJson } = await import("../../src/scan/coverage-input.js");
  const pinned = `acct.dkr.ecr.us-east-1.amazonaws.com/api@${D("a")}`;
  const json = JSON.stringify({
    coverage: {
      runningWithoutReport: [{ reference: pinned, digest: D("a") }],
      containersWithoutImage: [{ reference: "" }, { reference: "docker.io/library/redis:7" }],
      staleReports: [{ targetImage: "shop/web:1" }],
      maxAgeSeconds: 86400,
    },
  });
  assert.equal(isCoverageJson(json), true);
  assert.equal(isCoverageJson("alpine\n"), false);
  const inputs = coverageInputs(json, "r.json");
  assert.deepEqual(inputs.map((i) => i.reference), [`registry://${pinned}`, "docker.io/library/redis:7", "shop/web:1"]);
  assert.equal(inputs[1]?.where, "r.json coverage.containersWithoutImage[1]");
  assert.equal(buildTargets(inputs).targets[0]?.digest, D("a"));
  assert.throws(() => coverageInputs("{\"images\": []}", "r.json"), /no coverage section/);
});
