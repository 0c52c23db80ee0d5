#!/usr/bin/env node
// Starts and stops the object-store servers the report-source tests run against, all on 127.0.0.1:
//   S3    versitygw (posix backend; checks SigV4 signatures)  port 7070  (SCOUTGRAPH_S3_PORT)
//   GCS   fake-gcs-server (-scheme http, memory backend)       port 4443  (SCOUTGRAPH_GCS_PORT)
//   Azure Azurite, blob service only (devDependency)          port 10000 (SCOUTGRAPH_AZURITE_PORT)
// `start` installs what is missing (Go servers with `go install` into .cache/bin, pinned versions),
// is idempotent (a server already answering on its port is left alone) and returns once every
// server accepts connections. `stop` ends the servers this script started (pids in .cache/object-stores).
// `status` prints what is running. Keep ports and credentials in step with test/support/object-stores.ts.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cacheDir = join(root, ".cache");
const binDir = join(cacheDir, "bin");
const stateDir = join(cacheDir, "object-stores");
const HOST = "127.0.0.1";

const S3_ACCESS_KEY = "scoutgraph";
const S3_SECRET_KEY = "scoutgraph-secret";

const SERVERS = [
  {
    name: "s3",
    port: Number(process.env.SCOUTGRAPH_S3_PORT ?? 7070),
    install: { module: "github.com/versity/versitygw/cmd/versitygw", version: "v1.8.0", binary: "versitygw" },
    command(port) {
      const data = join(stateDir, "s3-data");
      rmSync(data, { recursive: true, force: true }); // each start begins with no buckets
      mkdirSync(data, { recursive: true });
      const args = ["--access", S3_ACCESS_KEY, "--secret", S3_SECRET_KEY, "--port", `${HOST}:${port}`, "--quiet", "posix"];
      // Extended attributes (object metadata) may be missing on some filesystems: keep them in a sidecar folder.
      const sidecar = join(stateDir, "s3-meta");
      rmSync(sidecar, { recursive: true, force: true });
      mkdirSync(sidecar, { recursive: true });
      return [join(binDir, "versitygw"), [...args, "--sidecar", sidecar, data]];
    },
  },
  {
    name: "gcs",
    port: Number(process.env.SCOUTGRAPH_GCS_PORT ?? 4443),
    install: { module: "github.com/fsouza/fake-gcs-server", version: "v1.56.1", binary: "fake-gcs-server" },
    command(port) {
      const url = `http://${HOST}:${port}`;
      return [
        join(binDir, "fake-gcs-server"),
        ["-scheme", "http", "-host", HOST, "-port", String(port), "-backend", "memory", "-external-url", url, "-public-host", `${HOST}:${port}`, "-log-level", "warn"],
      ];
    },
  },
  {
    name: "azurite",
    port: Number(process.env.SCOUTGRAPH_AZURITE_PORT ?? 10000),
    install: null, // an npm devDependency
    command(port) {
      const main = join(root, "node_modules", "azurite", "dist", "src", "blob", "main.js");
      if (!existsSync(main)) throw new Error("azurite is not installed: run `npm ci` first");
      return [
        process.execPath,
        [main, "--blobHost", HOST, "--blobPort", String(port), "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--disableTelemetry", "--silent"],
      ];
    },
  },
];

const pidFile = (s) => join(stateDir, `${s.name}.pid`);
const logFile = (s) => join(stateDir, `${s.name}.log`);

function accepts(port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = connect({ host: HOST, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPid(s) {
  if (!existsSync(pidFile(s))) return undefined;
  const pid = Number(readFileSync(pidFile(s), "utf8").trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function install(s) {
  if (s.install === null) return;
  const binary = join(binDir, s.install.binary);
  const stamp = `${binary}.version`;
  if (existsSync(binary) && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === s.install.version) return;
  const started = Date.now();
  console.error(`object-stores: installing ${s.install.module}@${s.install.version} (go install, once) ...`);
  mkdirSync(binDir, { recursive: true });
  const result = spawnSync("go", ["install", `${s.install.module}@${s.install.version}`], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, GOBIN: binDir, CGO_ENABLED: "0", GOFLAGS: "-mod=mod" },
  });
  if (result.error) throw new Error(`cannot run go (is Go installed?): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`go install ${s.install.module} failed with exit code ${result.status}`);
  writeFileSync(stamp, `${s.install.version}\n`);
  console.error(`object-stores: installed ${s.install.binary} in ${Math.round((Date.now() - started) / 1000)} s`);
}

async function waitFor(s, pid, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await accepts(s.port)) return;
    if (pid !== undefined && !alive(pid)) {
      throw new Error(`${s.name} exited during start; see ${logFile(s)}:\n${tail(logFile(s))}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${s.name} did not accept connections on ${HOST}:${s.port} within ${timeoutMs / 1000} s; see ${logFile(s)}`);
}

function tail(path) {
  try {
    return readFileSync(path, "utf8").split("\n").slice(-20).join("\n");
  } catch {
    return "";
  }
}

async function startOne(s) {
  const known = readPid(s);
  if (await accepts(s.port)) {
    const whose = known !== undefined && alive(known) ? `pid ${known}` : "not started by this script";
    console.error(`object-stores: ${s.name} already answers on ${HOST}:${s.port} (${whose})`);
    return;
  }
  if (known !== undefined && alive(known)) process.kill(-known, "SIGTERM"); // started but not answering: restart
  install(s);
  const [cmd, args] = s.command(s.port);
  const log = openSync(logFile(s), "a");
  const child = spawn(cmd, args, { cwd: stateDir, detached: true, stdio: ["ignore", log, log] });
  child.unref();
  writeFileSync(pidFile(s), `${child.pid}\n`);
  await waitFor(s, child.pid);
  console.error(`object-stores: ${s.name} on ${HOST}:${s.port} (pid ${child.pid})`);
}

async function stopOne(s) {
  const pid = readPid(s);
  if (pid === undefined) return;
  if (alive(pid)) {
    try {
      process.kill(-pid, "SIGTERM"); // its own process group (spawned detached)
    } catch {
      process.kill(pid, "SIGTERM");
    }
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive(pid)) process.kill(-pid, "SIGKILL");
    console.error(`object-stores: stopped ${s.name} (pid ${pid})`);
  }
  rmSync(pidFile(s), { force: true });
}

const action = process.argv[2];
mkdirSync(stateDir, { recursive: true });
try {
  if (action === "start") {
    // Installs run one at a time (2 cores); the servers then start together.
    for (const s of SERVERS) if (!(await accepts(s.port))) install(s);
    await Promise.all(SERVERS.map(startOne));
  } else if (action === "stop") {
    await Promise.all(SERVERS.map(stopOne));
  } else if (action === "status") {
    for (const s of SERVERS) {
      const pid = readPid(s);
      console.log(`${s.name}\t${HOST}:${s.port}\t${(await accepts(s.port)) ? "up" : "down"}\t${pid !== undefined && alive(pid) ? `pid ${pid}` : "-"}`);
    }
  } else {
    console.error("usage: node scripts/object-stores.mjs start|stop|status");
    process.exit(2);
  }
} catch (err) {
  console.error(`object-stores: ${err.message}`);
  process.exit(1);
}
