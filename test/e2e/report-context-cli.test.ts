// `scoutgraph report` on the contract's Cartography seed (a real Neo4j), run as a child process:
// --sections and --limit over the context sections (where images run, coverage) in every format,
// the allow-list of section names, and `--group-by owner --format html` as one page in a real
// Chromium with a hostile owner name. The seed gets four sidecars on images not in the graph (so
// a coverage list is long enough to cut) and a hostile repository name for web-frontend's owner.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import neo4j from "neo4j-driver";
import { chromium, type Browser } from "playwright-core";
import { REPORT_SECTIONS } from "../../src/insights/render/sections.js";
import type { FleetReport } from "../../src/insights/types.js";
import { loadSeed, writeContextReports } from "../insights/support/context-seed.js";
import { wipeNeo4j } from "../support/neo4j-admin.js";
import { NEO4J_URI } from "../support/services.js";
import { runCli } from "./sync-support.js";

/** Closes the data script, opens a tag, overrides bidi: must show as text and never run. */
const HOSTILE_OWNER = 'acme/</script><img src=x onerror="window.__xss=1">\u202eweb';
const SIDECARS = ["redis:7.0", "redis:7.1", "redis:7.2"];
const FORMATS = ["table", "json", "csv", "markdown", "html"] as const;

describe("report --sections, --limit and --group-by owner on the Cartography seed (CLI, Neo4j, Chromium)", () => {
  const dir = mkdtempSync(join(tmpdir(), "scoutgraph-context-cli-"));
  const report = (args: string[]) => runCli(["report", "--neo4j-uri", NEO4J_URI, "--max-age", "7d", ...args]);
  let browser: Browser | undefined;

  before(async () => {
    const driver = neo4j.driver(NEO4J_URI);
    try {
      await wipeNeo4j(driver);
      await loadSeed(driver);
      await driver.executeQuery(
        "UNWIND $refs AS ref CREATE (:KubernetesContainer:Container {id: 'side-' + ref, _ont_state: 'running', _ont_image: ref, _ont_namespace: 'web'})",
        { refs: SIDECARS },
      );
      const renamed = await driver.executeQuery("MATCH (r:CodeRepository {_ont_fullname: 'acme/web-frontend'}) SET r._ont_fullname = $name RETURN count(r) AS n", {
        name: HOSTILE_OWNER,
      });
      assert.equal(renamed.records[0]?.get("n").toNumber(), 1);
    } finally {
      await driver.close();
    }
    writeContextReports(join(dir, "reports"));
    const sync = await runCli(["sync", "--quiet", "--docker-scout-source", join(dir, "reports"), "--neo4j-uri", NEO4J_URI]);
    assert.equal(sync.code, 0, sync.stderr);
  });
  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("--help lists every section name; an unknown one is a usage error on one line", async () => {
    const help = await runCli(["report", "--help"]);
    for (const s of REPORT_SECTIONS) assert.match(help.stdout.replace(/\s+/g, " "), new RegExp(`\\b${s} \\(`), `--help names ${s}`);
    const bad = await report(["--sections", "images,owners\u001b[2J"]);
    assert.equal(bad.code, 2);
    const lines = bad.stderr.trim().split("\n");
    assert.equal(lines.length, 1, bad.stderr);
    assert.match(lines[0] ?? "", /--sections: unknown section "owners\\u001b\[2j"; choose from top, bases, images, unmatched, context, coverage\.$/);
  });

  test("--sections coverage: only the coverage lists, in every format", async () => {
    for (const format of FORMATS) {
      const r = await report(["--format", format, "--sections", "coverage"]);
      assert.equal(r.code, 0, r.stderr);
      const out = r.stdout;
      if (format === "json") {
        const json = JSON.parse(out) as FleetReport;
        assert.deepEqual([json.images.length, json.bases.length, json.topActions.length], [0, 0, 0]);
        assert.equal(json.summary.images, 4, "the summary stays the fleet's");
        assert.equal(json.omitted?.images, 4);
        assert.equal(json.coverage?.containersWithoutImage.length, 1 + SIDECARS.length);
        continue;
      }
      for (const ref of [...SIDECARS, "nginx:1.27", "batch-worker@sha256:d1d1", "python-base.txt"]) assert.ok(out.includes(ref), `${format} lists ${ref}`);
      assert.ok(!out.includes("docker/Dockerfile"), `${format}: no context section (payments-api's Dockerfile)`);
      if (format === "csv") {
        const kinds = new Set(out.split("\r\n").slice(1, -1).map((l) => l.split(",")[0]));
        assert.deepEqual([...kinds].sort(), ['"left-out"', '"stale-report"', '"uncovered-image"', '"unknown-image-container"']);
      } else if (format === "html") {
        for (const id of ["coverage-running", "coverage-unknown", "coverage-stale"]) assert.ok(out.includes(`<section id="${id}">`), id);
        for (const id of ["top-actions", "bases", "images", "runtime"]) assert.ok(!out.includes(`<section id="${id}">`), `html has no ${id}`);
      } else {
        assert.ok(out.includes("Coverage: running containers whose image is not in the graph"), format);
        assert.ok(!/Top actions|Base images/.test(out), `${format}: only coverage`);
      }
    }
  });

  test("--sections context: where images run, without coverage", async () => {
    for (const format of FORMATS) {
      const r = await report(["--format", format, "--sections", "context"]);
      assert.equal(r.code, 0, r.stderr);
      if (format === "json") {
        const json = JSON.parse(r.stdout) as FleetReport;
        assert.equal(json.images.length, 4, "the images carry the context");
        assert.equal(json.images.find((i) => i.context?.owner?.dockerfile === "docker/Dockerfile")?.context?.tier, "exposed");
        assert.deepEqual(json.coverage?.containersWithoutImage, []);
        assert.equal(json.omitted?.["coverage.containersWithoutImage"], 1 + SIDECARS.length);
        continue;
      }
      assert.ok(r.stdout.includes("docker/Dockerfile"), `${format} shows the context`);
      for (const ref of SIDECARS) assert.ok(!r.stdout.includes(ref), `${format}: no coverage (${ref})`);
    }
  });

  test("--limit bounds the context and every coverage list, saying how many were left out", async () => {
    for (const format of FORMATS) {
      const r = await report(["--format", format, "--limit", "2", "--sections", "context,coverage"]);
      assert.equal(r.code, 0, r.stderr);
      const out = r.stdout;
      const listed = [...SIDECARS, "nginx:1.27"].filter((ref) => out.includes(ref));
      if (format === "json") {
        const json = JSON.parse(out) as FleetReport;
        assert.equal(json.images.length, 2);
        assert.equal(json.coverage?.containersWithoutImage.length, 2);
        assert.deepEqual([json.omitted?.images, json.omitted?.["coverage.containersWithoutImage"], json.omitted?.["coverage.runningWithoutReport"]], [2, 2, undefined]);
        continue;
      }
      assert.equal(listed.length, 2, `${format} lists 2 of the 4 unknown image references: ${listed.join(", ")}`);
      if (format === "csv") {
        assert.ok(out.includes('"left-out",'), "csv: a left-out row");
        assert.match(out, /"left-out",(?:[^\r\n]*)"coverage\.containersWithoutImage"/);
      } else if (format === "html") {
        assert.match(out, /\u2026 and 2 more image references left out by <code>--limit<\/code>/);
        assert.match(out, /\u2026 and 2 more images left out by <code>--limit<\/code>/);
      } else {
        assert.match(out, /and 2 more image references/, format);
        assert.match(out, /and 2 more images/, format);
      }
    }
  });

  test("--group-by owner --format html: one page, the data and script once, a hostile owner shown as text", async () => {
    const file = join(dir, "owners.html");
    const r = await report(["--format", "html", "--group-by", "owner", "--output", file]);
    assert.equal(r.code, 0, r.stderr);
    const html = readFileSync(file, "utf8");
    assert.ok(!html.includes("<iframe"));
    assert.equal(html.split('id="report-data"').length - 1, 1);
    assert.ok(!html.includes("<img src=x"), "the owner's name never reaches the markup unescaped");
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.waitForSelector("html[data-ready]");
    const owners = (await page.evaluate(`Array.from(document.querySelectorAll("#owners-table tbody tr")).map((r) => r.cells[0].textContent)`)) as string[];
    const shownHostile = HOSTILE_OWNER.replace("\u202e", "<U+202E>");
    assert.deepEqual(owners, ["acme/payments-api", shownHostile, "no known owner"].sort((a, b) => (a === "no known owner" ? 1 : b === "no known owner" ? -1 : a < b ? -1 : 1)));
    await page.locator("#owners-table button.more").nth(owners.indexOf(shownHostile)).click();
    const detail = (await page.locator("#owners-table tr.detail").textContent()) ?? "";
    assert.ok(detail.includes(`Top actions for ${shownHostile}`) && detail.includes("node:20-alpine"), detail);
    await page.locator("#owners-table tr.detail a[data-owner]").click();
    const images = (await page.evaluate(`Array.from(document.querySelectorAll("#images-table tbody tr:not(.detail)")).map((r) => r.cells[0].textContent)`)) as string[];
    assert.deepEqual(images, ["000000000000.dkr.ecr.us-east-1.amazonaws.com/web-frontend:2.0.0"]);
    assert.equal(await page.evaluate("typeof window.__xss"), "undefined");
    assert.deepEqual(errors, []);
    await page.close();
  });
});
