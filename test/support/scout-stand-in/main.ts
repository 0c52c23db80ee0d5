// A faithful stand-in for Docker Scout (contract docker-scout-cli.md §6): answers as `docker`
// (`scout recommendations …`, `scout version`) or `docker-scout`, drives each reference's outcome
// from a fixture table (config.ts), never touches a network or a Docker daemon, and appends one
// JSON line per event to an invocation log so tests can assert argv, concurrency and retries.
// Installed on PATH by install.ts; run by node through a small shell wrapper.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { parseInvocation, splitPrefix, type RecommendationFlags } from "./argv.js";
import { STAND_IN_ENV, type ImageFixture, type Outcome, type StandInConfig } from "./config.js";
import { BANNER, exitCodeOf, failureLines, PANIC } from "./messages.js";
import { renderReport } from "./report.js";

const env = process.env;
const config = JSON.parse(readFileSync(env[STAND_IN_ENV.config] ?? "", "utf8")) as StandInConfig;
const as = env[STAND_IN_ENV.as] === "docker" ? "docker" : "docker-scout";
const stateDir = env[STAND_IN_ENV.state] ?? "";
const started = new Date().toISOString();
const argv = process.argv.slice(2);
let lockFile: string | undefined;

function log(event: Record<string, unknown>): void {
  const path = env[STAND_IN_ENV.log];
  // One write per line with O_APPEND: atomic for lines this short, so parallel runs are safe.
  if (path !== undefined) appendFileSync(path, `${JSON.stringify({ pid: process.pid, as, argv, cwd: process.cwd(), started, ...event })}\n`);
}

function exit(code: number, extra: Record<string, unknown> = {}): never {
  if (lockFile !== undefined) rmSync(lockFile, { force: true });
  log({ event: "end", ended: new Date().toISOString(), exitCode: code, ...extra });
  process.exit(code);
}

const err = (lines: readonly string[]): void => void process.stderr.write(lines.map((l) => `${l}\n`).join(""));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => exit(config.signalExitCode ?? (signal === "SIGINT" ? 130 : 143), { signal }));
}

function loggedIn(): boolean {
  if ((env.DOCKER_SCOUT_HUB_USER ?? "") !== "" && (env.DOCKER_SCOUT_HUB_PASSWORD ?? "") !== "") return true;
  const dockerConfig = env.DOCKER_CONFIG;
  if (dockerConfig === undefined) return false; // never the developer's real ~/.docker
  try {
    const json = JSON.parse(readFileSync(join(dockerConfig, "config.json"), "utf8")) as { auths?: Record<string, unknown> };
    return json.auths?.["https://index.docker.io/v1/"] !== undefined;
  } catch {
    return false;
  }
}

/** The attempt number of this call for `key` (1 for the first call). */
function attemptOf(key: string): number {
  const file = join(stateDir, `attempts-${createHash("sha256").update(key).digest("hex").slice(0, 16)}`);
  appendFileSync(file, "x");
  return readFileSync(file, "utf8").length;
}

/** #210: more than lockMax stand-ins at once (a lock folder shared whatever the cache dir). */
function overLockLimit(): boolean {
  const max = config.lockMax ?? 0;
  if (max <= 0) return false;
  const dir = join(stateDir, "locks");
  mkdirSync(dir, { recursive: true });
  lockFile = join(dir, String(process.pid));
  writeFileSync(lockFile, "");
  return readdirSync(dir).length > max;
}

function delayOf(fixture: ImageFixture): number {
  return (fixture.delayMs ?? config.defaultDelayMs ?? 0) + Math.random() * (config.jitterMs ?? 0);
}

function okProgress(outcome: Outcome, cached: boolean, packages: number): string[] {
  const lines: string[] = [];
  if (outcome === "ok-no-daemon") lines.push("    i Failed to connect to Docker Engine. Please make sure Docker Engine is running to access local images.");
  if (outcome === "ok-attestation") return [...lines, `    ✓ SBOM obtained from attestation, ${packages} packages found`, "    ✓ Provenance obtained from attestation"];
  if (cached) return [...lines, `    ✓ SBOM of image already cached, ${packages} packages indexed`];
  if (outcome === "ok-first-local") return [...lines, "    ...Storing image for indexing", "    ✓ Image stored for indexing", "    ...Indexing", `    ✓ Indexed ${packages} packages`];
  return [...lines, "    ✓ Pulled", "    ✓ Image stored for indexing", `    ✓ Indexed ${packages} packages`];
}

async function recommendations(flags: RecommendationFlags, positional: string | undefined): Promise<never> {
  const given = positional ?? config.mostRecentImage ?? "";
  const { prefix, bare } = splitPrefix(given);
  const fixture = config.images[bare];
  const attempt = attemptOf(given);
  log({ event: "start", reference: given, attempt });
  if (config.newVersion !== undefined && env.DOCKER_SCOUT_NEW_VERSION_WARN !== "false") {
    err([`    i New version ${config.newVersion} available (installed version is ${config.version ?? "1.23.1"}) at https://github.com/docker/scout-cli`]);
  }
  if (flags.ref !== undefined && prefix !== "archive://") {
    err(["ERROR   --ref can only be used with archive://"]);
    exit(1);
  }
  let outcome: Outcome = fixture === undefined ? (config.unknownOutcome ?? "not-found") : (fixture.outcome ?? "ok-cached");
  if (fixture?.failFirst !== undefined && attempt <= fixture.failFirst.count) outcome = fixture.failFirst.outcome;
  if (/[A-Z]/.test((bare.split("@")[0] ?? "").replace(/:[^/]*$/, ""))) outcome = "parse-error";
  if (!loggedIn()) outcome = "not-logged-in";
  const f = fixture ?? {};
  const cacheDir = env.DOCKER_SCOUT_CACHE_DIR ?? join(env.HOME ?? "/nonexistent", ".docker", "scout");

  if (outcome === "not-logged-in") {
    await sleep(Math.min(250, delayOf(f) || 250));
    err(failureLines(outcome, given, bare, "", cacheDir));
    exit(1, { outcome });
  }
  if (overLockLimit()) {
    await sleep(config.lockWaitMs ?? 100);
    err(failureLines("cache-locked", given, bare, "", cacheDir));
    exit(1, { outcome: "cache-locked" });
  }
  await sleep(delayOf(f));
  if (outcome === "hang") {
    err(["    ...Storing image for indexing"]);
    if (config.partialOutputOnFailure === true && flags.output !== undefined) writeFileSync(flags.output, "\n  Target   │  ");
    for (;;) await sleep(60_000);
  }
  if (outcome === "panic") {
    if (config.partialOutputOnFailure === true && flags.output !== undefined) writeFileSync(flags.output, "");
    err(PANIC);
    exit(2, { outcome });
  }
  if (!outcome.startsWith("ok-") && outcome !== "no-base-unresolved" && outcome !== "no-base-false-clear") {
    err(failureLines(outcome, given, bare, env.DOCKER_SCOUT_HUB_USER ?? "githubactions", cacheDir));
    exit(exitCodeOf(outcome), { outcome });
  }

  // A report: the digest of the chosen platform (or the local image ID, §5.1).
  const platforms = Object.entries(f.platforms ?? {});
  const pinned = /@(sha256:[0-9a-f]{64})$/.exec(bare)?.[1];
  let digest = pinned ?? platforms[0]?.[1] ?? `sha256:${createHash("sha256").update(bare).digest("hex")}`;
  if (flags.platform !== undefined && pinned === undefined) {
    const chosen = f.platforms?.[flags.platform];
    if (chosen === undefined) {
      err([`ERROR   failed to get image ${given}: no image found for platform ${flags.platform}`]);
      exit(1, { outcome: "platform-missing" });
    }
    digest = chosen;
  }
  if ((prefix === "image://" || prefix === "local://") && f.localImageId !== undefined) digest = f.localImageId;
  const sbom = join(cacheDir, "sbom", "sha256", digest.replace(/^sha256:/, ""), "sbom.json");
  const cached = env.DOCKER_SCOUT_NO_CACHE !== "true" && existsSync(sbom);
  err(okProgress(outcome, cached || outcome === "ok-cached", f.packages ?? 42));
  if (!cached && env.DOCKER_SCOUT_NO_CACHE !== "true") {
    mkdirSync(dirname(sbom), { recursive: true });
    writeFileSync(sbom, "{}");
  }
  const reportFile = outcome === "no-base-unresolved" || outcome === "no-base-false-clear" ? (f.report ?? config.defaultReport) : (f.report ?? config.defaultReport);
  const report = renderReport(readFileSync(reportFile, "utf8"), given, digest, flags);
  const banner = outcome === "ok-autodetected";
  if (banner && config.bannerOnStdout !== true) err(BANNER);
  if (flags.output !== undefined) {
    if (!existsSync(dirname(flags.output))) {
      err([`ERROR   open ${flags.output}: no such file or directory`]);
      exit(1, { outcome: "no-parent" });
    }
    writeFileSync(flags.output, report);
  }
  if (flags.output === undefined || config.echoReportToStdout === true) {
    if (banner && config.bannerOnStdout === true) process.stdout.write(BANNER.map((l) => `${l}\n`).join(""));
    process.stdout.write(report);
  } else if (banner && config.bannerOnStdout === true) {
    process.stdout.write(BANNER.map((l) => `${l}\n`).join(""));
  }
  exit(0, { outcome, digest });
}

async function main(): Promise<never> {
  const invocation = parseInvocation(as, argv, config.installed !== false);
  switch (invocation.kind) {
    case "metadata":
      process.stdout.write(`${JSON.stringify({ SchemaVersion: "0.1.0", Vendor: "Docker Inc.", Version: `v${config.version ?? "1.23.1"}`, ShortDescription: "Docker Scout" })}\n`);
      return exit(0);
    case "version":
      process.stdout.write(`version: v${config.version ?? "1.23.1"} (go1.22.3 - linux/amd64)\ngit commit: ${"0123456789abcdef".repeat(2)}01234567\n`);
      return exit(0);
    case "not-installed":
      err(["docker: 'scout' is not a docker command.", "See 'docker --help'"]);
      return exit(1);
    case "usage":
      err([`ERROR   ${invocation.message}`, "Usage:  docker scout recommendations [IMAGE|DIRECTORY|ARCHIVE]"]);
      return exit(config.usageExitCode ?? 1);
    case "recommendations":
      return recommendations(invocation.flags, invocation.positional);
  }
}

await main();
