// The HTML report in a real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core;
// no browser is ever downloaded): sorting, filtering, no console errors, no network requests, the
// hostile report's payloads inert and shown literally, readable on a phone. Saves screenshots
// under .cache/ (report-screenshot.png, report-screenshot-phone.png).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { REPO_ROOT } from "../support/fixtures.js";
import { HOSTILE_BENEFIT, HOSTILE_TAG, FORMULA_BENEFIT } from "../insights/support/fleet-expectations.js";
import { runCli, tempDir } from "./sync-support.js";

const FLEET_DIR = join(REPO_ROOT, "test", "fixtures", "fleet");
const CHROMIUM = "/usr/bin/chromium";

describe("the HTML report in headless Chromium", () => {
  const dir = tempDir();
  const html = join(dir, "fleet.html");
  const profile = mkdtempSync(join(tmpdir(), "scoutgraph-chromium-"));
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  before(async () => {
    const sync = await runCli(["sync", "--docker-scout-source", FLEET_DIR, "--store", join(dir, "graph.db")]);
    assert.equal(sync.code, 0, sync.stderr);
    const report = await runCli(["report", "--store", join(dir, "graph.db"), "--format", "html", "--output", html]);
    assert.equal(report.code, 0, report.stderr);
    // A fresh profile directory: playwright passes it to Chromium as --user-data-dir.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      viewport: { width: 1280, height: 900 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
  });

  after(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  // Page-side code is passed as strings: the project compiles without the DOM library.
  const imageRows = (): Promise<string[][]> =>
    page.evaluate(
      `Array.from(document.querySelectorAll("#images-table tbody tr:not([hidden])")).map((r) => Array.from(r.cells).map((c) => c.textContent.trim()))`,
    );

  test("the hostile report's payloads did not run and are shown literally", async () => {
    assert.equal(await page.evaluate("typeof window.__xss"), "undefined");
    for (const literal of [HOSTILE_TAG, HOSTILE_BENEFIT, FORMULA_BENEFIT]) {
      const shown = page.getByText(literal, { exact: true }).first();
      assert.ok(await shown.isVisible(), `${literal} is visible as text`);
    }
    // The script reads the embedded JSON copy: the same report.
    const tags = await page.evaluate("window.scoutgraphReport.topActions.map((a) => a.to.tag)");
    assert.deepEqual(tags, ["22-alpine", HOSTILE_TAG, "3.11-slim"]);
  });

  test("sorting a column", async () => {
    const high = (rows: string[][]): number[] => rows.map((r) => Number(r[5]));
    const names = (rows: string[][]): string[] => rows.map((r) => r[0] as string);
    const initial = await imageRows();
    assert.equal(initial.length, 9);
    assert.deepEqual(names(initial), [...names(initial)].sort()); // served sorted by image name
    const button = page.locator("#images-table thead th").nth(5).locator("button"); // "High"
    await button.click();
    assert.deepEqual(high(await imageRows()), [0, 0, 0, 1, 2, 2, 5, 5, 5]);
    assert.equal(await page.locator("#images-table thead th").nth(5).getAttribute("aria-sort"), "ascending");
    await button.click();
    const desc = await imageRows();
    assert.deepEqual(high(desc), [5, 5, 5, 2, 2, 1, 0, 0, 0]);
    assert.match(desc[0]?.[0] ?? "", /shop\/(web-a|web-b|worker)/);
    await page.locator("#images-table thead th").nth(0).locator("button").click(); // back to names
    assert.deepEqual(names(await imageRows()), names(initial));
  });

  test("filtering by text and by status", async () => {
    const box = page.locator('.filters[data-table="images-table"]');
    await box.locator("input").fill("python");
    assert.deepEqual((await imageRows()).map((r) => r[0]), ["registry.example.test/shop/api:3.1.0", "registry.example.test/shop/jobs:1.0.0"]);
    assert.equal(await box.locator(".shown").textContent(), "2 shown");
    await box.locator("input").fill("");
    await box.locator("select").selectOption("up-to-date");
    assert.deepEqual((await imageRows()).map((r) => r[0]), [
      "kiosk-frontend:2023.10",
      "registry.example.test/shop/cache:7.2.4",
      "registry.example.test/shop/sessions:1.1.0",
    ]);
    await box.locator("select").selectOption("");
    assert.equal((await imageRows()).length, 9);
  });

  test("the top-actions chart has one bar group per action", async () => {
    assert.equal(await page.locator("ol.chart > li").count(), 3);
    assert.equal(await page.locator("ol.chart svg rect.bar-critical").count(), 2); // node and busybox fix criticals
    // node's bar is the longest: 3+15+6 = 24 vulnerabilities, the scale's full width.
    const widths = (await page.evaluate(
      `Array.from(document.querySelectorAll("ol.chart svg")).map((svg) => Array.from(svg.querySelectorAll("rect")).reduce((w, r) => w + Number(r.getAttribute("width")), 0))`,
    )) as number[];
    assert.deepEqual(widths.map((w) => Math.round(w)), [1000, Math.round((2 / 24) * 1000), Math.round((4 / 24) * 1000)]);
    const mkdir = join(REPO_ROOT, ".cache");
    mkdirSync(mkdir, { recursive: true });
    await page.screenshot({ path: join(mkdir, "report-screenshot.png"), fullPage: true });
  });

  test("on a phone-sized screen the page does not scroll sideways (tables scroll in their box)", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate("window.scrollTo(0, 0)");
    const width = (await page.evaluate("document.documentElement.scrollWidth")) as number;
    assert.ok(width <= 390, `page is ${width}px wide`);
    await page.screenshot({ path: join(REPO_ROOT, ".cache", "report-screenshot-phone.png"), fullPage: false });
  });

  test("no console errors and no network requests beyond the file itself", () => {
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(requests, [pathToFileURL(html).href]);
  });
});
