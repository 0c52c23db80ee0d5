// End to end: how scan runs Scout as a process. A login failure stops the run at once; the
// concurrency bound holds, with and without the #210 cache lock (contract §7.7 both ways);
// SIGINT stops the scans in flight and kills them; a SIGKILL of scoutgraph mid-scan leaves no
// partial report; the standalone binary, the plugin missing, and the pass-through flags.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { CLI_PATH } from "../support/fixtures.js";
import { join } from "node:path";
import { installStandIn } from "../support/scout-stand-in/install.js";
import { alive, example, readSummary, reportName, scan, spawnScan, visibleFiles, waitFor } from "./scan-support.js";
import { cleanEnv, parseSummaryJson, runCli, tempDir } from "./sync-support.js";

const FAST = ["--retry-delay", "20ms", "--timeout", "20s"];
const images = (n: number, prefix = "fleet/app"): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${i}:1`);
const table = (refs: string[], fixture: object = {}): Record<string, object> => Object.fromEntries(refs.map((r) => [r, fixture]));

describe("scoutgraph scan: running Scout", () => {
  test("not logged in stops the whole run at once, with one line saying how to log in", async () => {
    const refs = images(5);
    const standIn = installStandIn({ defaultReport: example("cartography-sample.txt"), images: table(refs) }, { loggedIn: false });
    const dest = join(tempDir(), "out");
    const summary = join(tempDir(), "s.json");
    const r = await scan(standIn, ["--docker-scout-source", dest, ...refs, "--concurrency", "1", "--summary-json", summary, ...FAST]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(standIn.starts().length, 1, "no image after the first is tried");
    const lines = r.stderr.split("\n").filter((l) => /docker login/.test(l));
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0] ?? "", /DOCKER_SCOUT_HUB_USER/);
    const s = readSummary(summary);
    assert.equal(s.status, "failed");
    assert.equal(s.images.notStarted, 4);
    assert.deepEqual(visibleFiles(dest), []);
  });

  test("not entitled is fatal too", async () => {
    const standIn = installStandIn({ defaultReport: example("cartography-sample.txt"), images: table(images(3), { outcome: "not-entitled" }) });
    const r = await scan(standIn, ["--docker-scout-source", join(tempDir(), "out"), ...images(3), "--concurrency", "1", ...FAST]);
    assert.equal(r.code, 1);
    assert.equal(standIn.starts().length, 1);
    assert.match(r.stderr, /not entitled.*Docker Hub account/);
  });

  test("concurrency is bounded; without the cache lock no retry is needed (§7.7, lock absent)", async () => {
    const refs = images(6);
    const standIn = installStandIn({ defaultReport: example("cartography-sample.txt"), defaultDelayMs: 400, images: table(refs) });
    const summary = join(tempDir(), "s.json");
    const r = await scan(standIn, ["--docker-scout-source", join(tempDir(), "out"), ...refs, "--concurrency", "3", "--summary-json", summary, ...FAST]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(standIn.maxConcurrent(), 3);
    assert.equal(readSummary(summary).retries, 0);
  });

  test("cache locked under concurrency (§7.7, lock present): retried until every report is written, never over the bound", async () => {
    const refs = images(4);
    const standIn = installStandIn({ defaultReport: example("cartography-sample.txt"), defaultDelayMs: 300, lockMax: 1, lockWaitMs: 50, images: table(refs) });
    const summary = join(tempDir(), "s.json");
    const dest = join(tempDir(), "out");
    const r = await scan(standIn, ["--docker-scout-source", dest, ...refs, "--concurrency", "2", "--retries", "8", "--summary-json", summary, ...FAST]);
    assert.equal(r.code, 0, r.stderr);
    const s = readSummary(summary);
    assert.ok(s.retries > 0, "some runs hit the lock");
    assert.equal(s.images.written, 4);
    assert.ok(standIn.maxConcurrent() <= 2);
    assert.equal(standIn.events().filter((e) => e.outcome === "cache-locked").length, s.retries);
    assert.match(r.stderr, /cache-locked/);
  });

  test("SIGINT stops the scans in flight, kills their process groups, exits 130, leaves nothing half-written", async () => {
    const hangs = images(2, "fleet/hang");
    const standIn = installStandIn({ defaultReport: example("cartography-sample.txt"), partialOutputOnFailure: true, images: table(hangs, { outcome: "hang" }) });
    const dest = join(tempDir(), "out");
    const summary = join(tempDir(), "s.json");
    const child = spawnScan(standIn, ["--docker-scout-source", dest, ...hangs, "--concurrency", "2", "--summary-json", summary, ...FAST]);
    let stdout = "";
    child.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    await waitFor(() => standIn.starts().length === 2, 15_000, "two scans in flight");
    child.kill("SIGINT");
    assert.equal(await exited, 130);
    for (const e of standIn.starts()) assert.equal(alive(e.pid), false, `stand-in ${e.pid} was killed`);
    assert.deepEqual(visibleFiles(dest), []);
    assert.equal(readSummary(summary).status, "interrupted");
    assert.match(stdout, /interrupted/);
  });

  test("a SIGKILL mid-scan leaves no partial report; sync of DEST reads only whole reports", async () => {
    const oks = images(3, "fleet/ok");
    const hangs = images(2, "fleet/hang");
    const standIn = installStandIn({
      defaultReport: example("cartography-sample.txt"),
      partialOutputOnFailure: true,
      images: { ...table(oks), ...table(hangs, { outcome: "hang" }) },
    });
    const dest = join(tempDir(), "out");
    const child = spawnScan(standIn, ["--docker-scout-source", dest, ...oks, ...hangs, "--concurrency", "5", ...FAST]);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("close", (_c, signal) => resolve(signal)));
    await waitFor(() => standIn.starts().filter((e) => e.reference?.startsWith("fleet/hang") === true).length === 2 && visibleFiles(dest).length === 3, 20_000, "ok reports written and hangs in flight");
    child.kill("SIGKILL");
    assert.equal(await exited, "SIGKILL");
    // Scout processes in flight outlive a SIGKILLed parent (real Scout would too): end ours.
    for (const e of standIn.starts()) if (alive(e.pid)) process.kill(-e.pid, "SIGKILL");
    assert.deepEqual(visibleFiles(dest), oks.map(reportName).sort());
    const syncSummary = join(tempDir(), "sync.json");
    const r = await runCli(["sync", "--docker-scout-source", dest, "--store", join(tempDir(), "db"), "--summary-json", syncSummary]);
    assert.equal(r.code, 0, r.stderr);
    const s = parseSummaryJson(syncSummary);
    assert.equal(s.reports.ingested, 3);
    assert.equal(s.reports.failed + s.reports.notReports, 0);
  });

  test("the standalone docker-scout, pass-through flags, and a missing plugin", async () => {
    const standIn = installStandIn({
      defaultReport: example("cartography-sample.txt"),
      images: { "fleet/multi:1": { platforms: { "linux/amd64": `sha256:${"a".repeat(64)}`, "linux/arm64": `sha256:${"b".repeat(64)}` } } },
    });
    const dest = join(tempDir(), "out");
    const r = await scan(standIn, ["--docker-scout-source", dest, "fleet/multi:1", "--platform", "linux/arm64", "--only-refresh", "--org", "acme", ...FAST], {
      SCOUTGRAPH_SCOUT_COMMAND: "docker-scout",
    });
    assert.equal(r.code, 0, r.stderr);
    const start = standIn.starts()[0];
    assert.equal(start?.as, "docker-scout");
    assert.deepEqual(start?.argv.slice(0, 4), ["recommendations", "--platform=linux/arm64", "--only-refresh", "--org=acme"]);
    const text = readFileSync(join(dest, "fleet_multi_1.txt"), "utf8");
    assert.match(text, /digest │ {2}bbbbbbbbbbbb/, "the arm64 manifest was analysed");
    assert.doesNotMatch(text, /Change base image/, "--only-refresh reached Scout");
    assert.match(text, /Refresh base image/);
    const record = JSON.parse(readFileSync(join(dest, ".scoutgraph-scan", "fleet_multi_1.txt.json"), "utf8")) as Record<string, unknown>;
    assert.equal(record.platform, "linux/arm64");

    standIn.configure({ defaultReport: example("cartography-sample.txt"), installed: false, images: {} });
    const missing = await scan(standIn, ["--docker-scout-source", dest, "fleet/multi:1", "--force", ...FAST]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /not installed as a Docker CLI plugin/);
  });

  test("the remaining outcomes: transient ones retried to success, a read-only cache stops the run, a local image ID is flagged", async () => {
    const pinned = `fleet/pinned@sha256:${"9".repeat(64)}`;
    const standIn = installStandIn({
      defaultReport: example("cartography-sample.txt"),
      images: {
        "fleet/e255:1": { failFirst: { count: 1, outcome: "exit-255" } },
        "fleet/b403:1": { failFirst: { count: 1, outcome: "backend-403" } },
        "fleet/abuse:1": { failFirst: { count: 1, outcome: "rate-limited-abuse" } },
        "fleet/local:1": { outcome: "ok-first-local" },
        "fleet/clear:1": { outcome: "no-base-false-clear" },
        [pinned]: { localImageId: `sha256:${"7".repeat(64)}` },
      },
    });
    const dest = join(tempDir(), "out");
    const summary = join(tempDir(), "s.json");
    // Images from standard input (`-`), with comments.
    const input = ["# from stdin", "fleet/e255:1", "fleet/b403:1  # flaky backend", "fleet/abuse:1", "fleet/local:1", "fleet/clear:1", pinned, ""].join("\n");
    const r = await runCli(["scan", "--docker-scout-source", dest, "--images-file", "-", "--summary-json", summary, ...FAST], { env: standIn.env, input });
    assert.equal(r.code, 0, r.stderr);
    const s = readSummary(summary);
    assert.equal(s.images.written, 6);
    assert.equal(s.retries, 3);
    assert.match(r.stderr, /fleet\/pinned@sha256:9+: Scout analysed digest 777777777777, not sha256:9+ .*registry:\/\//);

    standIn.configure({ defaultReport: example("cartography-sample.txt"), images: { "fleet/ro:1": { outcome: "cache-readonly" }, "fleet/next:1": {} } });
    const ro = await scan(standIn, ["--docker-scout-source", dest, "fleet/ro:1", "fleet/next:1", "--concurrency", "1", ...FAST]);
    assert.equal(ro.code, 1);
    assert.match(ro.stderr, /DOCKER_SCOUT_CACHE_DIR/);
    assert.equal(standIn.starts().filter((e) => e.reference === "fleet/next:1").length, 0);
  });

  test("usage errors exit 2 before any Scout run", async () => {
    const standIn = installStandIn({ defaultReport: example("cartography-sample.txt"), images: {} });
    const dest = join(tempDir(), "out");
    for (const [args, message] of [
      [["fleet/a:1"], /--docker-scout-source DEST is required/],
      [["--docker-scout-source", dest], /Nothing to scan/],
      [["--docker-scout-source", dest, "--only-uncovered", "x"], /--only-uncovered needs --from-graph/],
      [["--docker-scout-source", dest, "--max-age", "soon", "x"], /--max-age/],
      [["--docker-scout-source", dest, "--concurrency", "0", "x"], /--concurrency/],
      [["--docker-scout-source", dest, "--images-file", join(dest, "nope.txt")], /--images-file .*nope\.txt cannot be read/],
    ] as const) {
      const r = await scan(standIn, [...args]);
      assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
    assert.equal(standIn.events().length, 0);
  });

  test("on a terminal, standard error shows a progress line", { skip: spawnSync("script", ["--version"]).status !== 0 ? "no script(1) here" : false }, () => {
    const refs = images(3);
    const standIn = installStandIn({ defaultReport: example("cartography-sample.txt"), defaultDelayMs: 300, images: table(refs) });
    const dest = join(tempDir(), "out");
    // script(1) gives the CLI a pseudo-terminal, so stderr.isTTY is true as in an interactive run.
    const command = [process.execPath, CLI_PATH, "scan", "--docker-scout-source", dest, ...refs, "--concurrency", "1"].join(" ");
    const r = spawnSync("script", ["-qec", command, "/dev/null"], { env: { ...cleanEnv(standIn.env), TERM: "xterm" } as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 });
    assert.equal(r.status, 0, r.stdout);
    assert.ok(r.stdout.includes("\r\u001b[Kscanned "), "the line is redrawn in place");
    assert.match(r.stdout, /scanned \d+, fresh 0, failed 0, running \d+ \(\d\/3/);
    assert.match(r.stdout, /scoutgraph scan: ok/);
  });
});
