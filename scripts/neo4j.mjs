#!/usr/bin/env node
// Starts, stops and reports a real Neo4j 5 server for tests, benchmarks and the Cartography
// conformance run. The server is Neo4j embedded with Bolt on (neo4j-server/, built from Maven Central
// artifacts), so nothing but a JDK 17 and Maven is needed: no Docker, no Neo4j install.
//
//   node scripts/neo4j.mjs start|stop|status
//
// Environment:
//   SCOUTGRAPH_NEO4J_PORT          Bolt port on 127.0.0.1 (default 7687). Each port is its own server,
//                                  with its data, pid file and log under .cache/neo4j/<port>/.
//   SCOUTGRAPH_NEO4J_KEEP_DATA=1   keep the database on start (default: wiped, tests want a fresh DB).
//   SCOUTGRAPH_NEO4J_HEAP          JVM -Xmx (default 512m).
//   SCOUTGRAPH_NEO4J_PAGECACHE_MB  page cache in MiB (default 64).
//   SCOUTGRAPH_NEO4J_START_TIMEOUT seconds to wait for Bolt (default 150: ~10 s on an idle machine,
//                                  over a minute on a loaded 2-core one).
//   SCOUTGRAPH_NEO4J_PASSWORD      turn authentication on, user `neo4j` with this password (at least
//                                  8 characters). Unset: auth is off, connect with no credentials.
// HTTP is off: connect with `bolt://127.0.0.1:<port>`.
//
// Each start gives the server a fresh random nonce, written to .cache/neo4j/<port>/nonce, that the
// server returns from `RETURN scoutgraph.serverNonce()`. Test helpers compare the two before they
// empty a graph (test/support/neo4j-admin.ts), so tests never wipe a server they did not start.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import neo4j from "neo4j-driver";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const serverDir = join(root, "neo4j-server");
const jar = join(serverDir, "target", "neo4j-server.jar");
const libDir = join(serverDir, "target", "lib");
const MAIN_CLASS = "scoutgraph.neo4j.Server";

const port = Number(process.env.SCOUTGRAPH_NEO4J_PORT ?? "7687");
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  fail(`SCOUTGRAPH_NEO4J_PORT must be a TCP port number, got "${process.env.SCOUTGRAPH_NEO4J_PORT}"`);
}
const stateDir = join(root, ".cache", "neo4j", String(port));
const homeDir = join(stateDir, "home");
const pidFile = join(stateDir, "server.pid");
const logFile = join(stateDir, "server.log");
const nonceFile = join(stateDir, "nonce");
const password = process.env.SCOUTGRAPH_NEO4J_PASSWORD || undefined;
if (password !== undefined && password.length < 8) fail("SCOUTGRAPH_NEO4J_PASSWORD must have at least 8 characters (Neo4j's minimum)");
const uri = `bolt://127.0.0.1:${port}`;
const startTimeoutMs = Number(process.env.SCOUTGRAPH_NEO4J_START_TIMEOUT ?? "150") * 1000;

function fail(message) {
  console.error(`neo4j: ${message}`);
  process.exit(1);
}

function say(message) {
  console.log(`neo4j: ${message}`);
}

function readPid() {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

// A pid file can outlive its process and the pid be reused: only a live java running our main class
// with this state dir counts as "our server".
function isOurServer(pid) {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes(MAIN_CLASS) && cmdline.includes(homeDir);
  } catch {
    return true; // no /proc (not Linux): trust the live pid
  }
}

// With `anyAnswer`, a server that refuses our credentials counts too (someone else's server).
async function boltAnswers({ anyAnswer = false } = {}) {
  const auth = password === undefined ? undefined : neo4j.auth.basic("neo4j", password);
  const driver = neo4j.driver(uri, auth, { connectionTimeout: 2000, maxConnectionPoolSize: 1 });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch (err) {
    return anyAnswer && String(err?.code ?? "").startsWith("Neo.ClientError.Security.");
  } finally {
    await driver.close();
  }
}

function logTail(lines = 40) {
  if (!existsSync(logFile)) return "(no log)";
  return readFileSync(logFile, "utf8").split("\n").slice(-lines).join("\n");
}

function newestMtime(paths) {
  return Math.max(...paths.filter((p) => existsSync(p)).map((p) => statSync(p).mtimeMs));
}

// Several engineers or test runs may start servers on different ports at once from one tree: only one
// of them builds the jar, the others wait for it.
async function ensureBuilt() {
  const javaDir = join(serverDir, "src", "main", "java", "scoutgraph", "neo4j");
  const sources = [join(serverDir, "pom.xml"), ...readdirSync(javaDir).map((f) => join(javaDir, f))];
  const upToDate = () => existsSync(jar) && existsSync(libDir) && statSync(jar).mtimeMs >= newestMtime(sources);
  if (upToDate()) return;
  const lock = join(root, ".cache", "neo4j", "build.lock");
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (upToDate()) return;
      // A lock older than the deadline was left by a build that died.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) fail(`timed out waiting for another build of the Neo4j server (${lock})`);
      await sleep(1000);
    }
  }
  try {
    if (upToDate()) return;
    say("building the Neo4j server jar (first time downloads Neo4j from Maven Central into ~/.m2)...");
    const started = Date.now();
    // Quiet Maven still prints colour resets; show its output only when the build fails.
    const mvn = spawnSync("mvn", ["-q", "-B", "package"], { cwd: serverDir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (mvn.error) fail(`cannot run mvn (is Maven installed?): ${mvn.error.message}`);
    if (mvn.status !== 0) fail(`mvn package failed in ${serverDir} with exit code ${mvn.status}:\n${mvn.stdout}${mvn.stderr}`);
    say(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function javaBinary() {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";
}

async function start() {
  const existing = readPid();
  if (isOurServer(existing)) {
    if (await waitForBolt(existing, startTimeoutMs)) {
      say(`already running on ${uri} (pid ${existing})`);
      return;
    }
    const why = password === undefined ? "Bolt does not answer" : "Bolt does not accept SCOUTGRAPH_NEO4J_PASSWORD";
    fail(`a server process (pid ${existing}) exists for port ${port} but ${why}; run stop first.\n${logTail()}`);
  }
  if (await boltAnswers({ anyAnswer: true })) {
    fail(`something not started by this script already answers Bolt on ${uri}; pick another SCOUTGRAPH_NEO4J_PORT`);
  }
  await ensureBuilt();

  if (process.env.SCOUTGRAPH_NEO4J_KEEP_DATA !== "1") rmSync(homeDir, { recursive: true, force: true });
  mkdirSync(homeDir, { recursive: true });
  const nonce = randomBytes(16).toString("hex");
  writeFileSync(nonceFile, `${nonce}\n`);
  const heap = process.env.SCOUTGRAPH_NEO4J_HEAP ?? "512m";
  const pageCacheMb = process.env.SCOUTGRAPH_NEO4J_PAGECACHE_MB ?? "64";
  const args = [
    "-Xms64m",
    `-Xmx${heap}`,
    // The machine is small and shared: the serial collector uses no extra GC threads.
    "-XX:+UseSerialGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Dfile.encoding=UTF-8",
    `-Dscoutgraph.nonce=${nonce}`,
    "-cp",
    `${jar}:${libDir}/*`,
    MAIN_CLASS,
    homeDir,
    String(port),
    pageCacheMb,
  ];
  const log = openSync(logFile, "w");
  const startedAt = Date.now();
  const child = spawn(javaBinary(), args, { cwd: stateDir, detached: true, stdio: ["ignore", log, log] });
  closeSync(log);
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  child.on("error", (err) => fail(`cannot start java: ${err.message}`));
  if (child.pid === undefined) fail("java did not start");
  writeFileSync(pidFile, `${child.pid}\n`);
  child.unref();

  if (!(await waitForBolt(child.pid, startTimeoutMs, () => exited))) {
    const why = exited ? "the server exited during start-up" : `Bolt did not answer within ${startTimeoutMs / 1000} s`;
    if (!exited) await stop({ quiet: true });
    rmSync(pidFile, { force: true });
    fail(`${why} (log ${logFile}, Neo4j's own logs in ${join(homeDir, "logs")}):\n${logTail()}`);
  }
  say(`started on ${uri} (pid ${child.pid}, auth ${password === undefined ? "off" : "on, user neo4j"}) in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}

async function waitForBolt(pid, timeoutMs, hasExited = () => false) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited() || !isOurServer(pid)) return false;
    if (await boltAnswers()) return true;
    await sleep(250);
  }
  return false;
}

async function stop({ quiet = false } = {}) {
  const pid = readPid();
  if (!isOurServer(pid)) {
    rmSync(pidFile, { force: true });
    if (!quiet) say(`not running on port ${port}`);
    return;
  }
  process.kill(pid, "SIGTERM");
  // A clean shutdown checkpoints the store; give it time before forcing.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && isOurServer(pid)) await sleep(200);
  if (isOurServer(pid)) {
    process.kill(pid, "SIGKILL");
    while (isOurServer(pid)) await sleep(100);
    if (!quiet) say(`killed pid ${pid} (it did not stop within 30 s of SIGTERM)`);
  } else if (!quiet) {
    say(`stopped (pid ${pid}, port ${port})`);
  }
  rmSync(pidFile, { force: true });
  rmSync(nonceFile, { force: true });
}

async function status() {
  const pid = readPid();
  if (isOurServer(pid) && (await boltAnswers())) {
    say(`running on ${uri} (pid ${pid})`);
    return 0;
  }
  say(isOurServer(pid) ? `process ${pid} is up but Bolt does not answer on ${uri} yet` : `not running on port ${port}`);
  return 1;
}

const command = process.argv[2];
mkdirSync(stateDir, { recursive: true });
switch (command) {
  case "start":
    await start();
    break;
  case "stop":
    await stop();
    break;
  case "status":
    process.exit(await status());
    break;
  default:
    console.error("usage: node scripts/neo4j.mjs start|stop|status   (port from SCOUTGRAPH_NEO4J_PORT, default 7687)");
    process.exit(2);
}
