// Runs the built CLI's `sync` as a child process and measures it: wall time and peak RSS, with the
// run summary when --summary-json is among the arguments. Shared by bench:sync and bench:floor.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { emptyNeo4jAt } from "./neo4j-admin.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const cliPath = join(root, "dist", "src", "cli", "main.js");

export interface SyncCliResult {
  seconds: number;
  peakMb: number;
  code: number;
  summary: { status: string; reports: { ingested: number; failed: number } } | undefined;
  stderr: string;
}

/** Peak resident set size (kB) of a live process, from /proc; 0 where /proc is missing. */
function peakRssKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * The `sync` arguments that send one benchmark run into a fresh store: the Neo4j at `uri`, emptied
 * first (with --create-target-images, so both stores write the same graph), or a new embedded file.
 */
export async function freshStoreArgs(store: string, target: { uri: string; embeddedPath: string }): Promise<string[]> {
  if (store === "neo4j") {
    await emptyNeo4jAt(target.uri);
    return ["--neo4j-uri", target.uri, "--create-target-images"];
  }
  rmSync(target.embeddedPath, { force: true });
  rmSync(`${target.embeddedPath}.wal`, { force: true });
  return ["--store", target.embeddedPath];
}

export function runSyncCli(args: string[]): Promise<SyncCliResult> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cliPath, "sync", "--quiet", ...args], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let peak = 0;
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    // VmHWM is the high-water mark, so polling only has to catch the process before it exits.
    const poll = setInterval(() => (peak = Math.max(peak, peakRssKb(child.pid ?? 0))), 100);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const summaryPath = args.includes("--summary-json") ? (args[args.indexOf("--summary-json") + 1] ?? "") : "";
      const summary = summaryPath !== "" && existsSync(summaryPath) ? (JSON.parse(readFileSync(summaryPath, "utf8")) as SyncCliResult["summary"]) : undefined;
      resolve({ seconds, peakMb: peak / 1024, code: code ?? 1, summary, stderr });
    });
  });
}
