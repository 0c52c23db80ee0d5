// The report's outputs at fleet scale: for generated fleets (default 20,000 and 100,000 images),
// built straight from generated rows (bench/support/fleet-rows.ts, no store) so it runs in about a
// minute. Prints the HTML size, DOM nodes after load, load, sort and filter times in Debian's
// Chromium (playwright-core), the markdown length, and the terminal table's widest line at several
// widths. Then, for `--grouped-counts` (default 20,000), the same fleet with a generated Cartography
// context (bench/support/fleet-context.ts, one owner repository per 10 images) as `--group-by
// owner` HTML: size, render time, load to ready in Chromium. Prints figures; asserts nothing
// (targets: docs/report-scale.md).
//
//   npm run bench:report-scale -- [--counts 20000,100000] [--grouped-counts 20000]
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { buildFleetReport, DEFAULT_FILTERS } from "../src/insights/build-report.js";
import { render } from "../src/insights/render/index.js";
import { renderHtml } from "../src/insights/render/html.js";
import { renderMarkdown } from "../src/insights/render/markdown.js";
import { renderTable } from "../src/insights/render/table.js";
import { withGeneratedContext } from "./support/fleet-context.js";
import { generatedFleetRows } from "./support/fleet-rows.js";

const { values: opts } = parseArgs({ options: { counts: { type: "string", default: "20000,100000" }, "grouped-counts": { type: "string", default: "20000" } } });
const counts = opts.counts.split(",").filter(Boolean).map(Number);
const groupedCounts = opts["grouped-counts"].split(",").filter(Boolean).map(Number);
const dir = mkdtempSync(join(tmpdir(), "scoutgraph-bench-report-scale-"));
const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const widest = (text: string): number => text.split("\n").reduce((m, l) => Math.max(m, l.length), 0);

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
try {
  console.log(`report outputs at fleet scale (node ${process.version}; 2 shared cores: times vary with load)`);
  for (const count of counts) {
    let t0 = process.hrtime.bigint();
    const report = buildFleetReport(generatedFleetRows(count), { filters: DEFAULT_FILTERS });
    const build = ms(t0);
    t0 = process.hrtime.bigint();
    const html = renderHtml(report);
    const renderMs = ms(t0);
    const file = join(dir, `fleet-${count}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    t0 = process.hrtime.bigint();
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.waitForSelector("html[data-ready]", { timeout: 120_000 });
    const load = ms(t0);
    const nodes = (await page.evaluate("document.getElementsByTagName('*').length")) as number;
    // Time from the click to the re-rendered page of rows (the work is synchronous in the handler).
    const click = (selector: string): Promise<number> =>
      page.evaluate(`(() => { const b = document.querySelector(${JSON.stringify(selector)}); const t = performance.now(); b.click(); document.body.offsetHeight; return performance.now() - t; })()`) as Promise<number>;
    const sortFirst = await click("#images-table thead th:nth-child(5) button"); // Critical, first sort builds its keys
    const sortAgain = await click("#images-table thead th:nth-child(5) button");
    const sortName = await click("#images-table thead th:nth-child(1) button");
    const filter = (await page.evaluate(
      `(() => { const t = performance.now(); window.scoutgraphTables.images.filter("service-1", "", -1); document.body.offsetHeight; return performance.now() - t; })()`,
    )) as number;
    const filterAgain = (await page.evaluate(
      `(() => { const t = performance.now(); window.scoutgraphTables.images.filter("alpine", "update-available", -1); document.body.offsetHeight; return performance.now() - t; })()`,
    )) as number;
    const scrollWidth = (await page.evaluate("document.documentElement.scrollWidth")) as number;
    await page.close();
    const markdown = renderMarkdown(report);
    const tables = [80, 120, 200].map((w) => `${w} cols: widest ${widest(renderTable(report, { color: false, width: w }))}`);
    const tableLines = renderTable(report, { color: false }).split("\n").length;
    console.log(`\n${count.toLocaleString("en-US")} images on ${report.bases.length} base images (model built in ${build.toFixed(0)} ms)`);
    console.log(`  html: ${(html.length / 1024 / 1024).toFixed(2)} MiB (${html.length.toLocaleString("en-US")} bytes), rendered in ${renderMs.toFixed(0)} ms`);
    console.log(`  chromium 1366x900: load to ready ${load.toFixed(0)} ms, ${nodes.toLocaleString("en-US")} DOM nodes, page ${scrollWidth} px wide`);
    console.log(`  chromium sort images: by critical ${sortFirst.toFixed(0)} ms (first), reversed ${sortAgain.toFixed(0)} ms, by name ${sortName.toFixed(0)} ms`);
    console.log(`  chromium filter images: text ${filter.toFixed(0)} ms (first, builds the index), text + status ${filterAgain.toFixed(0)} ms`);
    console.log(`  markdown: ${markdown.length.toLocaleString("en-US")} characters (GitHub comment limit 65,536)`);
    console.log(`  table: ${tables.join(", ")}; ${tableLines} lines with the default --limit`);
  }
  for (const count of groupedCounts) {
    const owners = Math.max(1, Math.floor(count / 10));
    let t0 = process.hrtime.bigint();
    const report = buildFleetReport(withGeneratedContext(generatedFleetRows(count), owners), { filters: { ...DEFAULT_FILTERS, groupBy: "owner" } });
    const build = ms(t0);
    t0 = process.hrtime.bigint();
    const html = render(report, "html", { color: false });
    const renderMs = ms(t0);
    const file = join(dir, `grouped-${count}.html`);
    writeFileSync(file, html);
    console.log(`\n--group-by owner, ${count.toLocaleString("en-US")} images with context, ${report.groups?.length ?? 0} owner groups (model built in ${build.toFixed(0)} ms)`);
    console.log(`  html: ${(html.length / 1024 / 1024).toFixed(2)} MiB (${html.length.toLocaleString("en-US")} bytes), rendered in ${renderMs.toFixed(0)} ms`);
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    t0 = process.hrtime.bigint();
    try {
      // "load" waits for every frame too; a page with the script is ready when it says so.
      await page.goto(pathToFileURL(file).href, { waitUntil: "load", timeout: 300_000 });
      if (((await page.evaluate("document.scripts.length")) as number) > 0) await page.waitForSelector("html[data-ready]", { timeout: 300_000 });
      const load = ms(t0);
      const nodes = (await page.evaluate("document.getElementsByTagName('*').length")) as number;
      console.log(`  chromium 1366x900: load to ready ${load.toFixed(0)} ms, ${nodes.toLocaleString("en-US")} DOM nodes in the page, ${page.frames().length - 1} frames`);
    } catch (err) {
      console.log(`  chromium 1366x900: not ready after ${(ms(t0) / 1000).toFixed(0)} s (${(err as Error).name})`);
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
