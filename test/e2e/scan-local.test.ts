// End to end: `scoutgraph scan` with the Docker Scout stand-in on PATH into a local folder, then
// `sync` of that folder. Every outcome of the stand-in's table in one fleet; incremental runs;
// `scan` then `sync` gives the graph the Cartography shell loop's reports give.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { installStandIn, type StandIn } from "../support/scout-stand-in/install.js";
import { FAILING_IMAGES, fleetConfig, OK_IMAGES, readRecord, readSummary, reportName, scan, visibleFiles, alive } from "./scan-support.js";
import { parseSummaryJson, runCli, tempDir } from "./sync-support.js";

const COMMON = ["--timeout", "3s", "--retries", "2", "--retry-delay", "20ms", "--concurrency", "3"];

async function graphDump(store: string): Promise<string> {
  const queries = [
    "MATCH (p:DockerScoutPublicImage) RETURN p.id AS id, p.name AS name, p.tag AS tag, p.digest AS digest ORDER BY id",
    "MATCH (t:DockerScoutPublicImageTag) RETURN t.id AS id, t.name AS name, t.tag AS tag ORDER BY id",
    "MATCH (i:Image) RETURN i.id AS id, i.name AS name, i._ont_digest AS digest ORDER BY id",
    "MATCH (i:Image)-[:BUILT_ON]->(p:DockerScoutPublicImage) RETURN i.id AS image, p.id AS base ORDER BY image, base",
    "MATCH (p:DockerScoutPublicImage)-[:BUILT_FROM]->(t:DockerScoutPublicImageTag) RETURN p.id AS base, t.id AS tag ORDER BY base, tag",
    "MATCH (p:DockerScoutPublicImage)-[r:SHOULD_UPDATE_TO]->(t:DockerScoutPublicImageTag) RETURN p.id AS base, t.id AS tag, r.benefits AS benefits ORDER BY base, tag",
  ];
  const out: string[] = [];
  for (const q of queries) {
    const r = await runCli(["query", q, "--store", store, "--json"]);
    assert.equal(r.code, 0, r.stderr);
    out.push(r.stdout);
  }
  return out.join("\n");
}

describe("scoutgraph scan into a local folder", () => {
  let standIn: StandIn;
  const dest = join(tempDir(), "reports");
  const summary = join(tempDir(), "scan-summary.json");
  const imagesFile = join(tempDir(), "images.txt");
  const okRefs = Object.keys(OK_IMAGES);
  const failingRefs = Object.keys(FAILING_IMAGES);

  before(() => {
    // Unknowns of contract §7 one way here (a partial --output after failures, the report also on
    // stdout, the banner on stdout); the other way in "the unknowns the other way" below.
    standIn = installStandIn(fleetConfig({ partialOutputOnFailure: true, echoReportToStdout: true, bannerOnStdout: true, newVersion: "1.24.0" }));
    writeFileSync(imagesFile, ["# the fleet", ...okRefs.slice(3), "", ...failingRefs.map((r) => `${r}   # failing`), okRefs[0], "bad ref;rm -rf /"].join("\n"));
  });

  test("every outcome: reports for the ok ones, classified failures for the rest, nothing partial in DEST", async () => {
    const r = await scan(standIn, ["--docker-scout-source", dest, ...okRefs.slice(0, 3), "--images-file", imagesFile, "--summary-json", summary, ...COMMON]);
    assert.equal(r.code, 3, r.stderr);
    const s = readSummary(summary);
    assert.equal(s.status, "partial");
    assert.equal(s.scoutVersion, "1.23.1");
    assert.equal(s.images.requested, okRefs.length + failingRefs.length);
    assert.equal(s.images.scanned, okRefs.length);
    assert.equal(s.images.written, okRefs.length);
    assert.deepEqual(s.failedByReason, { "invalid-reference": 1, "no-base-image": 1, "not-found": 1, panic: 1, rejected: 1, timeout: 1, unauthorized: 1 });
    assert.deepEqual(visibleFiles(dest), okRefs.map(reportName).sort(), "exactly the ok images' reports, no partial file of the hang or the panic");
    for (const ref of okRefs) {
      const text = readFileSync(join(dest, reportName(ref)), "utf8");
      assert.match(text, new RegExp(`Target\\s+│\\s+${ref.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\n`));
      const fixture = readFileSync(OK_IMAGES[ref]?.report ?? "", "utf8");
      assert.equal(text.split("\n").length, fixture.split("\n").length, "the fixture with only Target and digest rewritten: no progress line added");
      assert.doesNotMatch(text, /New version 1\.24\.0/);
      const record = readRecord(dest, reportName(ref));
      assert.equal(record.reference, ref);
      assert.equal(record.scoutVersion, "1.23.1");
      assert.match(String(record.reportDigest), /^[0-9a-f]{12}$/);
      assert.ok(Date.parse(String(record.scannedAt)) > Date.now() - 120_000);
    }
    // Retries: rate limited twice then ok, backend EOF once then ok, the hang retried after each timeout.
    const attempts = (ref: string): number => standIn.starts().filter((e) => e.reference === ref).length;
    assert.equal(attempts("shop/sessions:1"), 3);
    assert.equal(attempts("shop/gateway:1"), 2);
    assert.equal(attempts("shop/stuck:1"), 3);
    for (const ref of ["shop/missing:1", "shop/crash:1", "shop/distroless:1"]) assert.equal(attempts(ref), 1, `${ref} is not retried`);
    assert.equal(attempts(okRefs[0] ?? ""), 1, "a duplicate is scanned once");
    assert.match(r.stderr, /images\.txt:\d+: bad ref;rm -rf \/: not an image reference/);
    // The argv scan builds: --output outside DEST, `--` before the reference.
    for (const e of standIn.starts()) {
      const out = e.argv.find((a) => a.startsWith("--output="));
      assert.ok(out !== undefined && !out.startsWith(`--output=${dest}`), out);
      assert.equal(e.argv[e.argv.length - 2], "--");
      assert.deepEqual(e.argv.slice(0, 2), ["scout", "recommendations"]);
    }
    // Timed-out scans were killed, not left running.
    for (const e of standIn.starts().filter((x) => x.reference === "shop/stuck:1")) assert.equal(alive(e.pid), false);
    assert.deepEqual(readdirSync(join(dest, ".scoutgraph-scan", "tmp")), []);
  });

  test("sync of DEST ingests exactly the scanned reports and never sees the records", async () => {
    const store = join(tempDir(), "db");
    const syncSummary = join(tempDir(), "sync-summary.json");
    const r = await runCli(["sync", "--docker-scout-source", dest, "--store", store, "--summary-json", syncSummary]);
    assert.equal(r.code, 0, r.stderr);
    const s = parseSummaryJson(syncSummary);
    assert.equal(s.reports.listed, okRefs.length);
    assert.equal(s.reports.ingested, okRefs.length - 1);
    assert.equal(s.reports.noBaseImage, 1);
    assert.equal(s.reports.notReports, 0);
    assert.equal(s.reports.failed, 0);
  });

  test("--from-graph on the embedded store rescans the report targets it holds (a report without a base image writes no Image)", async () => {
    const store = join(tempDir(), "db");
    const synced = await runCli(["sync", "--docker-scout-source", dest, "--store", store]);
    assert.equal(synced.code, 0, synced.stderr);
    const fresh = installStandIn(fleetConfig());
    const r = await scan(fresh, ["--docker-scout-source", join(tempDir(), "again"), "--from-graph", "--store", store, ...COMMON]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual([...new Set(fresh.starts().map((e) => e.reference))].sort(), okRefs.filter((ref) => ref !== "shop/audit:1").sort());
  });

  test("a second scan within --max-age runs Scout for none; --force and an older --max-age rescan", async () => {
    const before = standIn.starts().length;
    const r = await scan(standIn, ["--docker-scout-source", dest, ...okRefs, "--summary-json", summary, ...COMMON]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(standIn.starts().length, before, "no recommendations call");
    assert.equal(readSummary(summary).images.skippedFresh, okRefs.length);
    const again = await scan(standIn, ["--docker-scout-source", dest, okRefs[1] ?? "", "--force", ...COMMON]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(standIn.starts().length, before + 1);
    await new Promise((res) => setTimeout(res, 50));
    const old = await scan(standIn, ["--docker-scout-source", dest, okRefs[2] ?? "", "--max-age", "10ms", ...COMMON]);
    assert.equal(old.code, 0, old.stderr);
    assert.equal(standIn.starts().length, before + 2);
  });

  test("scan then sync gives the same graph as the Cartography shell loop's reports", async () => {
    const fresh = installStandIn(fleetConfig());
    const ours = join(tempDir(), "ours");
    const loop = join(tempDir(), "loop");
    const r = await scan(fresh, ["--docker-scout-source", ours, ...okRefs, ...COMMON]);
    assert.equal(r.code, 0, r.stderr);
    // Cartography's docs, verbatim apart from the list; failing first attempts retried by hand.
    const script = `mkdir -p "$OUTPUT_DIR"; for IMAGE in ${okRefs.join(" ")}; do OUTPUT_FILE="\${OUTPUT_DIR}/$(echo "$IMAGE" | tr '/:' '__').txt"; until docker scout recommendations --output "$OUTPUT_FILE" "$IMAGE" 2>/dev/null; do :; done; done`;
    const sh = spawnSync("sh", ["-c", script], { env: { ...process.env, ...fresh.env, OUTPUT_DIR: loop } as NodeJS.ProcessEnv, encoding: "utf8" });
    assert.equal(sh.status, 0, sh.stderr);
    assert.deepEqual(visibleFiles(ours), visibleFiles(loop));
    const dumps: string[] = [];
    for (const dir of [ours, loop]) {
      const store = join(tempDir(), "db");
      const s = await runCli(["sync", "--docker-scout-source", dir, "--store", store, "--update-tag", "77"]);
      assert.equal(s.code, 0, s.stderr);
      dumps.push(await graphDump(store));
    }
    assert.ok((dumps[0] ?? "").includes("node:25-alpine"), "the dump has content");
    assert.equal(dumps[0], dumps[1]);
  });

  test("the unknowns the other way: no partial file, report only in --output, banner on stderr; the same reports", async () => {
    const other = installStandIn(fleetConfig({ partialOutputOnFailure: false, echoReportToStdout: false, bannerOnStdout: false }));
    const out = join(tempDir(), "other");
    const r = await scan(other, ["--docker-scout-source", out, ...okRefs, ...failingRefs, ...COMMON]);
    assert.equal(r.code, 3, r.stderr);
    assert.deepEqual(visibleFiles(out), visibleFiles(dest));
    for (const name of visibleFiles(out)) assert.equal(readFileSync(join(out, name), "utf8"), readFileSync(join(dest, name), "utf8"), name);
  });
});
