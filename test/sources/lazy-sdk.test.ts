// Cloud SDKs load only when a cloud source is opened: a local run never loads them. A child node
// process records every ES module URL it resolves (a resolve hook) and every CommonJS module in the
// require cache, after listing a folder.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { FIXTURE_REPORTS_DIR, REPO_ROOT } from "../support/fixtures.js";

const SDKS = /node_modules\/(@aws-sdk|@google-cloud|@azure|@smithy)\//;

function loadedModules(body: string): string[] {
  const hooks = `export async function resolve(specifier, context, next) {
    if (specifier.startsWith("scoutgraph:seen")) return { url: specifier, shortCircuit: true };
    const result = await next(specifier, context);
    (globalThis.__seen ??= []).push(result.url);
    return result;
  }
  export async function load(url, context, next) {
    if (url.startsWith("scoutgraph:seen")) return { format: "module", source: "export default " + JSON.stringify(globalThis.__seen ?? []), shortCircuit: true };
    return next(url, context);
  }`;
  const registry = pathToFileURL(join(REPO_ROOT, "dist", "src", "sources", "registry.js")).href;
  const script = `
    import { register } from "node:module";
    register("data:text/javascript," + encodeURIComponent(${JSON.stringify(hooks)}));
    const { openReportSource } = await import(${JSON.stringify(registry)});
    ${body}
    const esm = (await import("scoutgraph:seen?" + Date.now())).default;
    const { createRequire } = await import("node:module");
    const seen = [...esm, ...Object.keys(createRequire(import.meta.url).cache)]; // CommonJS modules too
    console.log(JSON.stringify(seen));`;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", cwd: REPO_ROOT });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout.trim().split("\n").pop() ?? "[]") as string[];
}

test("listing and reading a local folder loads no cloud SDK", () => {
  const seen = loadedModules(`
    const source = await openReportSource(${JSON.stringify(FIXTURE_REPORTS_DIR)});
    for await (const ref of source.list()) await source.read(ref);`);
  assert.ok(seen.some((u) => u.includes("/sources/local/")), "the hook saw the local adapter load");
  assert.deepEqual(seen.filter((u) => SDKS.test(u)), []);
});

test("opening an s3:// source loads the AWS SDK and no other cloud SDK (the check can fail)", () => {
  const seen = loadedModules(`
    process.env.AWS_REGION = "us-east-1";
    const source = await openReportSource("s3://scoutgraph-reports/scout");
    await source.close();`);
  assert.ok(seen.some((u) => /node_modules\/@aws-sdk\/client-s3\//.test(u)));
  assert.ok(!seen.some((u) => /node_modules\/(@google-cloud|@azure)\//.test(u)));
});
