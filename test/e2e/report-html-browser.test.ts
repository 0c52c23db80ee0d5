// The HTML report in a real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core;
// no browser is ever downloaded): sorting, filtering, no console errors, no network requests, the
// hostile report's payloads inert and shown literally, readable on a phone. Saves screenshots
// under .cache/ (report-screenshot.png, report-screenshot-phone.png).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { withGeneratedContext } from "../../bench/support/fleet-context.js";
import { generatedFleetRows } from "../../bench/support/fleet-rows.js";
import { buildFleetReport, DEFAULT_FILTERS } from "../../src/insights/build-report.js";
import { renderHtml } from "../../src/insights/render/html.js";
import { render } from "../../src/insights/render/index.js";
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
      `Array.from(document.querySelectorAll("#images-table tbody tr:not(.detail)")).map((r) => Array.from(r.cells).map((c) => c.textContent.trim()))`,
    );
  const names = (rows: string[][]): string[] => rows.map((r) => r[0] as string);
  const settle = (): Promise<unknown> => page.waitForTimeout(200); // the search box waits 120 ms for typing to stop

  test("the hostile report's payloads did not run and are shown literally", async () => {
    assert.equal(await page.evaluate("document.documentElement.getAttribute('data-ready')"), "true");
    assert.equal(await page.evaluate("typeof window.__xss"), "undefined");
    await page.locator("#images-table button.more").nth(3).click(); // the hostile image: 4th by fixes
    for (const literal of [HOSTILE_TAG, HOSTILE_BENEFIT, FORMULA_BENEFIT]) {
      const shown = page.getByText(literal, { exact: true }).first();
      assert.ok(await shown.isVisible(), `${literal} is visible as text`);
    }
    await page.locator("#images-table button.more").nth(3).click();
    // The script reads the embedded data: the same report.
    const tags = await page.evaluate("window.scoutgraphReport.top.map((t) => { const b = window.scoutgraphReport.bases[t[0]]; return window.scoutgraphReport.strings[b[5][b[2]][0]]; })");
    assert.deepEqual(tags, ["22-alpine", HOSTILE_TAG, "3.11-slim"]);
  });

  test("images come by what their update fixes; sorting a column both ways, then the name", async () => {
    const high = (rows: string[][]): string[] => rows.map((r) => r[5] as string);
    const initial = await imageRows();
    assert.equal(initial.length, 9);
    assert.deepEqual(initial.map((r) => r[4]).slice(0, 6), ["1", "1", "1", "1", "0", "0"]); // critical first
    const button = page.locator("#images-table thead th").nth(5).locator("button"); // "High"
    await button.click();
    assert.deepEqual(high(await imageRows()), ["5", "5", "5", "2", "2", "1", "-", "-", "-"]); // numbers: most first
    assert.equal(await page.locator("#images-table thead th").nth(5).getAttribute("aria-sort"), "descending");
    await button.click();
    assert.deepEqual(high(await imageRows()), ["-", "-", "-", "1", "2", "2", "5", "5", "5"]);
    await page.locator("#images-table thead th").nth(0).locator("button").click(); // by name
    assert.deepEqual(names(await imageRows()), [...names(initial)].sort());
  });

  test("filtering by text and by status", async () => {
    const box = page.locator("#images-filters");
    await box.locator("input").fill("python");
    await settle();
    assert.deepEqual(names(await imageRows()), ["registry.example.test/shop/api:3.1.0", "registry.example.test/shop/jobs:1.0.0"]);
    assert.equal(await box.locator(".shown").textContent(), "2 of 9 shown");
    await box.locator("input").fill("");
    await box.locator("select.status").selectOption("up-to-date");
    await settle();
    assert.deepEqual(names(await imageRows()), ["kiosk-frontend:2023.10", "registry.example.test/shop/cache:7.2.4", "registry.example.test/shop/sessions:1.1.0"]);
    await box.locator("select.status").selectOption("");
    assert.equal((await imageRows()).length, 9);
  });

  test("a top action leads to its images", async () => {
    await page.locator("#actions-table tbody tr").first().locator("a[data-base]").click();
    const rows = await imageRows();
    assert.deepEqual(rows.map((r) => r[1]), ["node:20-alpine", "node:20-alpine", "node:20-alpine"]);
    assert.ok(await page.locator("#images-filters .chip").isVisible());
    await page.locator("#images-filters .chip button").click();
    assert.equal((await imageRows()).length, 9);
  });

  test("benefits stay behind a toggle", async () => {
    const toggle = page.locator("#images-table tbody tr:not(.detail)").first().locator("button.more");
    assert.equal(await page.locator("#images-table tr.detail").count(), 0);
    assert.equal(await page.getByText("Tag is preferred tag").count(), 0);
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    assert.ok(await page.locator("#images-table tr.detail").getByText("Other candidates").isVisible());
    await toggle.click();
    assert.equal(await page.locator("#images-table tr.detail").count(), 0);
  });

  test("the chart ranks like the list: critical bars scaled to the most criticals, high bars to the most highs", async () => {
    assert.equal(await page.locator("ol.chart > li").count(), 3);
    const bars = (cls: string): Promise<number[]> =>
      page.evaluate(`Array.from(document.querySelectorAll("ol.chart svg")).map((svg) => Math.round(Number((svg.querySelector("rect.${cls}") || { getAttribute: () => 0 }).getAttribute("width"))))`) as Promise<number[]>;
    assert.deepEqual(await bars("bar-critical"), [1000, 333, 0]); // 3, 1, 0 critical
    assert.deepEqual(await bars("bar-high"), [1000, 67, 267]); // 15, 1, 4 high
    mkdirSync(join(REPO_ROOT, ".cache"), { recursive: true });
  });

  test("at 1366 px no table scrolls sideways, and the header sticks under the section bar", async () => {
    await page.setViewportSize({ width: 1366, height: 800 });
    const overflow = (await page.evaluate(
      `Array.from(document.querySelectorAll("table.data")).map((t) => t.scrollWidth - t.parentNode.clientWidth).concat([document.documentElement.scrollWidth - 1366])`,
    )) as number[];
    assert.ok(overflow.every((o) => o <= 0), `overflow ${overflow}`);
    await page.screenshot({ path: join(REPO_ROOT, ".cache", "report-screenshot.png"), fullPage: true });
    // Scroll so the images table's top is above the viewport while its body still fills it.
    await page.setViewportSize({ width: 1366, height: 400 });
    await page.evaluate(`window.scrollTo(0, document.querySelector("#images-table").getBoundingClientRect().top + window.scrollY + 120)`);
    const [thTop, barBottom, tableTop] = (await page.evaluate(
      `[document.querySelector("#images-table thead th").getBoundingClientRect().top, document.querySelector("nav.bar").getBoundingClientRect().bottom, document.querySelector("#images-table").getBoundingClientRect().top]`,
    )) as number[];
    assert.ok((tableTop ?? 0) < 0, "the table has scrolled up");
    assert.ok(Math.abs((thTop ?? 0) - (barBottom ?? 0)) <= 2, `header at ${thTop}, bar ends at ${barBottom}`);
  });

  test("on a phone the page does not scroll sideways and rows become labelled cards", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate("document.querySelector('#images').scrollIntoView()");
    assert.ok(((await page.evaluate("document.documentElement.scrollWidth")) as number) <= 390);
    assert.equal(await page.locator("#images-table thead").isVisible(), false);
    const name = page.locator("#images-table tbody tr").first().locator("td").first();
    const box = await name.boundingBox();
    assert.ok(box && box.width > 300, `the name gets the card's width (${box?.width})`);
    assert.match((await page.evaluate(`getComputedStyle(document.querySelector("#images-table td"), "::before").content`)) as string, /Image/);
    await page.screenshot({ path: join(REPO_ROOT, ".cache", "report-screenshot-phone.png"), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test("no console errors and no network requests beyond the file itself", () => {
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(requests, [pathToFileURL(html).href]);
  });
});

describe("the HTML report of a bigger fleet in headless Chromium", () => {
  const dir = tempDir();
  const profile = mkdtempSync(join(tmpdir(), "scoutgraph-chromium-"));
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, viewport: { width: 1366, height: 900 }, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
    page = context.pages()[0] ?? (await context.newPage());
  });
  after(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  const open = async (html: string): Promise<void> => {
    const file = join(dir, `page-${Date.now()}.html`);
    writeFileSync(file, html);
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.waitForSelector("html[data-ready]");
  };

  test("3,000 images: a bounded DOM, one page of rows, sorting and filtering over all of them", async () => {
    await open(renderHtml(buildFleetReport(generatedFleetRows(3000), { filters: DEFAULT_FILTERS })));
    const nodes = (await page.evaluate("document.getElementsByTagName('*').length")) as number;
    assert.ok(nodes < 4000, `${nodes} DOM nodes`);
    assert.equal(await page.locator("#images-table tbody tr").count(), 100);
    assert.match((await page.locator("#images-filters .shown").textContent()) ?? "", /^3,000 of 3,000 shown$/);
    await page.locator("#images-table thead th").nth(4).locator("button").click(); // Critical, most first
    const crit = (await page.evaluate(`Array.from(document.querySelectorAll("#images-table tbody tr")).map((r) => r.cells[4].textContent)`)) as string[];
    assert.deepEqual(crit, [...crit].sort((a, b) => Number(b) - Number(a)));
    await page.locator("#images-filters input").fill("service-2999:");
    await page.waitForTimeout(200);
    assert.equal(await page.locator("#images-table tbody tr").count(), 1);
    await page.locator("#images-filters input").fill("");
    await page.waitForTimeout(200);
    await page.locator(".pager").last().getByText("Next").click();
    assert.match((await page.locator("#images .pager span").textContent()) ?? "", /^101–200 of 3,000$/);
  });

  test("--group-by owner at scale: one page, the data once, owners paged; an owner's details lead to its images", async () => {
    // 3,000 images, an owner per 10: 180 owners plus "no known owner" (60 % of images are owned).
    const grouped = buildFleetReport(withGeneratedContext(generatedFleetRows(3000), 300), { filters: { ...DEFAULT_FILTERS, groupBy: "owner" } });
    const groups = grouped.groups ?? [];
    assert.ok(groups.length > 150, `${groups.length} groups`);
    const html = render(grouped, "html", { color: false });
    assert.equal(html.split('id="report-data"').length - 1, 1, "the data once");
    assert.equal(html.split("<script>").length - 1, 1, "the script once");
    assert.ok(!html.includes("<iframe"), "no frame per owner");
    const single = renderHtml({ ...grouped, groups: null });
    assert.ok(html.length < single.length * 1.25, `grouped ${html.length} bytes vs ${single.length} ungrouped`);
    await open(html);
    const nodes = (await page.evaluate("document.getElementsByTagName('*').length")) as number;
    assert.ok(nodes < 6000, `${nodes} DOM nodes`);
    assert.equal(await page.locator("#owners-table tbody tr").count(), 50, "one page of owners");
    assert.match((await page.locator("#owners-filters .shown").textContent()) ?? "", new RegExp(`^${groups.length} of ${groups.length} shown$`));
    // The owner with the most images, by the Images column (most first).
    await page.locator("#owners-table thead th").nth(1).locator("button").click();
    const top = [...groups].sort((a, b) => b.report.summary.images - a.report.summary.images)[0]!;
    const first = (await page.evaluate(`document.querySelector("#owners-table tbody tr").cells[1].textContent`)) as string;
    assert.equal(first, top.report.summary.images.toLocaleString("en-US"));
    await page.locator("#owners-filters input").fill(groups[0]!.owner ?? "");
    await page.waitForTimeout(200);
    assert.equal(await page.locator("#owners-table tbody tr").count(), groups.filter((g) => g.owner !== null && g.owner.includes(groups[0]!.owner ?? "")).length);
    await page.locator("#owners-table button.more").first().click();
    const detail = (await page.locator("#owners-table tr.detail").textContent()) ?? "";
    const action = groups[0]!.report.topActions[0]!;
    assert.ok(detail.includes(`Top actions for ${groups[0]!.owner}`) && detail.includes(action.base.id), detail.slice(0, 300));
    await page.locator("#owners-table tr.detail a[data-owner]").click();
    const shownNames = (await page.evaluate(`Array.from(document.querySelectorAll("#images-table tbody tr:not(.detail)")).map((r) => r.cells[0].textContent)`)) as string[];
    assert.deepEqual([...shownNames].sort(), groups[0]!.report.images.map((i) => i.name).sort());
    assert.match((await page.locator("#images-filters .chip").textContent()) ?? "", new RegExp(`of ${groups[0]!.owner}`));
    // The context table pages all 3,000 images as the Images table does.
    assert.equal(await page.locator("#runtime-table tbody tr").count(), 50);
    assert.match((await page.locator("#runtime-filters .shown").textContent()) ?? "", /^3,000 of 3,000 shown$/);
  });

  test("control characters and bidi overrides in report text are shown, not obeyed", async () => {
    const rows = generatedFleetRows(3);
    rows.images[0]!.imageName = "evil\u001b[2J\u202eapp:1";
    await open(renderHtml(buildFleetReport(rows, { filters: DEFAULT_FILTERS })));
    assert.ok(await page.getByText("evil\u241b[2J<U+202E>app:1", { exact: true }).first().isVisible());
  });
});
