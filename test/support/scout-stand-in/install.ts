// Puts the Docker Scout stand-in on a private PATH for a test or benchmark: `docker` and
// `docker-scout` wrappers in a fresh bin folder, a fixture table, an invocation log, an isolated
// cache dir and DOCKER_CONFIG (never the developer's real ~/.docker), and a logged-in identity.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../fixtures.js";
import { STAND_IN_ENV, type StandInConfig } from "./config.js";

export const STAND_IN_MAIN = join(REPO_ROOT, "dist", "test", "support", "scout-stand-in", "main.js");

export interface StandIn {
  dir: string;
  bin: string;
  logPath: string;
  cacheDir: string;
  /** Environment for scoutgraph (or a shell) so that `docker` and `docker-scout` are the stand-in. */
  env: Record<string, string | undefined>;
  /** Rewrites the fixture table (between runs). */
  configure(config: StandInConfig): void;
  events(): StandInEvent[];
  /** `recommendations` calls (start events), in order. */
  starts(): StandInEvent[];
  /** The largest number of `recommendations` runs that overlapped. */
  maxConcurrent(): number;
}

export interface StandInEvent {
  event: "start" | "end";
  pid: number;
  as: string;
  argv: string[];
  started: string;
  ended?: string;
  reference?: string;
  attempt?: number;
  exitCode?: number;
  outcome?: string;
}

export function installStandIn(config: StandInConfig, options: { loggedIn?: boolean } = {}): StandIn {
  const dir = mkdtempSync(join(tmpdir(), "scout-stand-in-"));
  const bin = join(dir, "bin");
  const state = join(dir, "state");
  const dockerConfig = join(dir, "docker-config");
  const cacheDir = join(dir, "scout-cache");
  for (const d of [bin, state, dockerConfig, cacheDir]) mkdirSync(d, { recursive: true });
  const configPath = join(dir, "config.json");
  const logPath = join(dir, "invocations.jsonl");
  for (const name of ["docker", "docker-scout"]) {
    const path = join(bin, name);
    writeFileSync(path, `#!/bin/sh\n${STAND_IN_ENV.as}=${name} exec "${process.execPath}" "${STAND_IN_MAIN}" "$@"\n`);
    chmodSync(path, 0o755);
  }
  const configure = (c: StandInConfig): void => writeFileSync(configPath, JSON.stringify(c));
  configure(config);
  const loggedIn = options.loggedIn !== false;
  const events = (): StandInEvent[] =>
    existsSync(logPath) ? readFileSync(logPath, "utf8").split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as StandInEvent) : [];
  return {
    dir,
    bin,
    logPath,
    cacheDir,
    env: {
      PATH: `${bin}:${process.env.PATH ?? ""}`,
      [STAND_IN_ENV.config]: configPath,
      [STAND_IN_ENV.log]: logPath,
      [STAND_IN_ENV.state]: state,
      DOCKER_CONFIG: dockerConfig,
      DOCKER_SCOUT_CACHE_DIR: cacheDir,
      DOCKER_SCOUT_HUB_USER: loggedIn ? "scan-tester" : undefined,
      DOCKER_SCOUT_HUB_PASSWORD: loggedIn ? "dckr_pat_not-a-real-token" : undefined,
    },
    configure,
    events,
    starts: () => events().filter((e) => e.event === "start"),
    maxConcurrent: () => {
      const all = events();
      const ends = new Map(all.filter((e) => e.event === "end").map((e) => [e.pid, Date.parse(e.ended ?? "")]));
      const spans = all.filter((e) => e.event === "start").map((e) => [Date.parse(e.started), ends.get(e.pid) ?? Number.POSITIVE_INFINITY] as const);
      let max = 0;
      for (const [s] of spans) max = Math.max(max, spans.filter(([a, b]) => a <= s && s < b).length);
      return max;
    },
  };
}
