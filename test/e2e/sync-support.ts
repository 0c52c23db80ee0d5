// Helpers for the sync/query end-to-end tests: run the built CLI as a child process, and lay out
// report folders from the sample reports.
import { spawn } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI_PATH, EXAMPLES_DIR, FIXTURE_REPORTS_DIR } from "../support/fixtures.js";

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliRun {
  env?: Record<string, string | undefined>;
  cwd?: string;
  input?: string;
  /** Run as this user id (to make chmod 000 effective when the tests run as root). */
  uid?: number;
  timeoutMs?: number;
}

/** The environment without any SCOUTGRAPH_ option variable of the test runner leaking in. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("SCOUTGRAPH_") || k === "SCOUTGRAPH_NEO4J_PORT") env[k] = v;
  return { ...env, NO_COLOR: "1", ...extra };
}

export function runCli(args: string[], run: CliRun = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], {
      cwd: run.cwd,
      env: cleanEnv(run.env),
      stdio: ["pipe", "pipe", "pipe"],
      ...(run.uid === undefined ? {} : { uid: run.uid, gid: run.uid }),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), run.timeoutMs ?? 120_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(run.input ?? "");
  });
}

export function tempDir(prefix = "scoutgraph-e2e-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o777);
  return dir;
}

/** The example reports (8 valid reports, each with its own target) copied into a fresh folder. */
export const EXAMPLE_REPORTS = [
  "cartography-sample.txt",
  "checkout-ruby-full.txt",
  "edge-cache-rust-wrapped-tags.txt",
  "intranet-php-only-refresh.txt",
  "newsletter-python-only-update.txt",
  "portal-php-apache-crlf-unspecified.txt",
  "session-store-redis-up-to-date.txt",
  "tcp-gateway-haproxy-registry-port.txt",
];

export function reportsDir(names: string[] = EXAMPLE_REPORTS, from = EXAMPLES_DIR): string {
  const dir = join(tempDir(), "reports");
  mkdirSync(dir, { mode: 0o777 });
  for (const name of names) copyFileSync(join(from, name), join(dir, name));
  return dir;
}

export function fixture(name: string): string {
  return join(FIXTURE_REPORTS_DIR, name);
}

/** A report with its header but no `Base image is` line: a parse failure (contract D1). */
export function writeMalformedReport(path: string): void {
  const lines = readFileSync(join(EXAMPLES_DIR, "cartography-sample.txt"), "utf8").split("\n").slice(0, 5);
  writeFileSync(path, `${lines.join("\n")}\n`);
}

export function parseSummaryJson(path: string): SummaryJson {
  return JSON.parse(readFileSync(path, "utf8")) as SummaryJson;
}

export interface SummaryJson {
  schemaVersion: number;
  status: string;
  updateTag: number;
  reports: { listed: number; skipped: number; notReports: number; noBaseImage: number; ingested: number; failed: number };
  failures: { uri: string; reason: string }[];
  written: { nodes: number; relationships: number; builtOnLinks: number };
  unmatchedDigests: { count: number; examples: string[] };
  unmatchedReports: { uri: string; digest: string | null }[];
  cleanup: { ran: boolean; reason?: string; nodesDeleted?: number; relationshipsDeleted?: number };
  error?: { code: string; message: string };
}
