#!/usr/bin/env node
// Runs the whole test suite: starts the project's own services (a real Neo4j, object-store
// emulators), runs every compiled test file with node's test runner, then stops the services.
// `--no-services` runs without starting anything (tests that need a server will then fail).
//
// Tests never touch a server they did not start: each service listens on a free port picked here
// (unless its SCOUTGRAPH_*_PORT variable is set), and the tests learn the ports from the same
// variables. The Neo4j's start nonce goes to the tests as SCOUTGRAPH_NEO4J_NONCE; test helpers
// refuse to empty a Neo4j that does not return it (test/support/neo4j-admin.ts).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const withServices = !process.argv.includes("--no-services");
const filters = process.argv.slice(2).filter((a) => !a.startsWith("--"));

// Each service script takes `start` and `stop`; `start` returns once the service accepts connections.
// scripts/chromium.mjs only makes sure the browser for the HTML report test is installed.
const SERVICES = ["scripts/chromium.mjs", "scripts/neo4j.mjs", "scripts/object-stores.mjs"].filter((s) => existsSync(join(root, s)));

const PORT_VARIABLES = ["SCOUTGRAPH_NEO4J_PORT", "SCOUTGRAPH_S3_PORT", "SCOUTGRAPH_GCS_PORT", "SCOUTGRAPH_AZURITE_PORT"];

/** A port nothing listens on now (the OS picks it); the services bind it moments later. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

for (const name of PORT_VARIABLES) {
  if (!process.env[name]) process.env[name] = String(await freePort());
}
delete process.env.SCOUTGRAPH_NEO4J_NONCE; // only a server started below may set it

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
    const nonceFile = join(root, ".cache", "neo4j", process.env.SCOUTGRAPH_NEO4J_PORT, "nonce");
    if (existsSync(nonceFile)) process.env.SCOUTGRAPH_NEO4J_NONCE = readFileSync(nonceFile, "utf8").trim();
  }
  console.error(`run-tests: ${PORT_VARIABLES.map((n) => `${n}=${process.env[n]}`).join(" ")}`);
  code = await run(process.execPath, ["--test", "--test-concurrency=1", ...files]);
} catch (err) {
  console.error(`run-tests: ${err.message}`);
  code = 1;
} finally {
  for (const service of started.reverse()) await run(process.execPath, [service, "stop"]);
}
process.exit(code);
