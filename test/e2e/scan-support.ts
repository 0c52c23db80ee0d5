// Shared by the scan end-to-end tests: a fleet table for the Docker Scout stand-in, the built CLI
// run with the stand-in on PATH, and helpers to read DEST.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CLI_PATH, EXAMPLES_DIR, FIXTURE_REPORTS_DIR } from "../support/fixtures.js";
import type { ImageFixture, StandInConfig } from "../support/scout-stand-in/config.js";
import type { StandIn } from "../support/scout-stand-in/install.js";
import { cleanEnv, runCli, type CliResult } from "./sync-support.js";

export const example = (name: string): string => join(EXAMPLES_DIR, name);

/** Images that end in a report, each with its own example report (so the graph has something to compare). */
export const OK_IMAGES: Record<string, ImageFixture> = {
  "registry.example.test/shop/web:1.0": { outcome: "ok-first-registry", report: example("cartography-sample.txt") },
  "shop/api:2": { outcome: "ok-cached", report: example("checkout-ruby-full.txt") },
  "shop/cache:3": { outcome: "ok-attestation", report: example("edge-cache-rust-wrapped-tags.txt") },
  "shop/intranet:1": { outcome: "ok-autodetected", report: example("intranet-php-only-refresh.txt") },
  "shop/news:1": { outcome: "ok-no-daemon", report: example("newsletter-python-only-update.txt") },
  "shop/sessions:1": { failFirst: { count: 2, outcome: "rate-limited" }, report: example("session-store-redis-up-to-date.txt") },
  "shop/gateway:1": { failFirst: { count: 1, outcome: "backend-eof" }, report: example("tcp-gateway-haproxy-registry-port.txt") },
  "shop/audit:1": { outcome: "no-base-unresolved", report: join(FIXTURE_REPORTS_DIR, "audit-log-distroless-base-unresolved.txt") },
};

/** Images that fail, and how scan must classify them. */
export const FAILING_IMAGES: Record<string, { fixture: ImageFixture; reason: string }> = {
  "shop/missing:1": { fixture: { outcome: "not-found" }, reason: "not-found" },
  "private.example.test/team/secret:1": { fixture: { outcome: "unauthorized" }, reason: "unauthorized" },
  "shop/distroless:1": { fixture: { outcome: "no-base-error" }, reason: "no-base-image" },
  "shop/crash:1": { fixture: { outcome: "panic" }, reason: "panic" },
  "shop/stuck:1": { fixture: { outcome: "hang" }, reason: "timeout" },
  "Shop/Upper:1": { fixture: {}, reason: "invalid-reference" },
};

export function fleetConfig(extra: Partial<StandInConfig> = {}): StandInConfig {
  const images: Record<string, ImageFixture> = { ...OK_IMAGES };
  for (const [ref, f] of Object.entries(FAILING_IMAGES)) images[ref] = f.fixture;
  return { defaultReport: example("cartography-sample.txt"), defaultDelayMs: 20, images, ...extra };
}

export function scan(standIn: StandIn, args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return runCli(["scan", ...args], { env: { ...standIn.env, ...env }, timeoutMs: 90_000 });
}

/** The scan CLI as a child process we can signal (own process group is NOT used: scoutgraph gets the signal). */
export function spawnScan(standIn: StandIn, args: string[]): ChildProcess {
  return spawn(process.execPath, [CLI_PATH, "scan", ...args], { env: cleanEnv(standIn.env), stdio: ["ignore", "pipe", "pipe"] });
}

/** Visible (non-hidden) entries of a DEST folder, sorted. */
export function visibleFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((n) => !n.startsWith(".")).sort() : [];
}

export function readRecord(dir: string, name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, ".scoutgraph-scan", `${name}.json`), "utf8")) as Record<string, unknown>;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function reportName(ref: string): string {
  return `${ref.replace(/^[a-z-]+:\/\//, "").replace(/[/:]/g, "_")}.txt`;
}

export interface ScanSummaryJson {
  status: string;
  scoutVersion: string | null;
  images: { requested: number; scanned: number; skippedFresh: number; failed: number; written: number; notStarted: number };
  scoutRuns: number;
  retries: number;
  failedByReason: Record<string, number>;
  failures: { reference: string; reason: string; attempts: number }[];
  written: string[];
}

export function readSummary(path: string): ScanSummaryJson {
  return JSON.parse(readFileSync(path, "utf8")) as ScanSummaryJson;
}
