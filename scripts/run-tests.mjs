#!/usr/bin/env node
// Runs the whole test suite: starts the project's own services (a real Neo4j, object-store
// emulators), runs every compiled test file with node's test runner, then stops the services.
// `--no-services` runs without starting anything (tests that need a server will then fail).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const withServices = !process.argv.includes("--no-services");
const filters = process.argv.slice(2).filter((a) => !a.startsWith("--"));

// Each service script takes `start` and `stop`; `start` returns once the service accepts connections.
// scripts/chromium.mjs only makes sure the browser for the HTML report test is installed.
const SERVICES = ["scripts/chromium.mjs", "scripts/neo4j.mjs", "scripts/object-stores.mjs"].filter((s) => existsSync(join(root, s)));

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return testFiles(path);
      return name.endsWith(".test.js") ? [path] : [];
    });
}

const files = testFiles(join(root, "dist", "test")).filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error("run-tests: no compiled test files found under dist/test (run `npm run build` first)");
  process.exit(1);
}

const started = [];
let code = 1;
try {
  if (withServices) {
    for (const service of SERVICES) {
      const rc = await run(process.execPath, [service, "start"]);
      if (rc !== 0) throw new Error(`${service} start failed with exit code ${rc}`);
      started.push(service);
    }
  }
  code = await run(process.execPath, ["--test", "--test-concurrency=1", ...files]);
} catch (err) {
  console.error(`run-tests: ${err.message}`);
  code = 1;
} finally {
  for (const service of started.reverse()) await run(process.execPath, [service, "stop"]);
}
process.exit(code);
