// Helpers for the embedded store's crash-safety tests: run `scoutgraph sync` and signal it when
// it has parsed a given number of reports (or reached a log line), and read the whole graph back
// through `scoutgraph query` (a real process opening the real file) as a comparable fingerprint.
import { spawn } from "node:child_process";
import { CLI_PATH } from "../support/fixtures.js";
import { cleanEnv, runCli, type CliResult } from "./sync-support.js";

export interface SignalPlan {
  /** Signal once this many reports were parsed (from --debug's "Parsed" lines)... */
  afterParsed?: number;
  /** ...or once stderr shows this text. */
  afterText?: string;
  /** Signals to send, in order, 50 ms apart. */
  signals: NodeJS.Signals[];
}

export interface SignalledRun extends CliResult {
  /** Whether the signals were sent (the run may have ended first). */
  sent: boolean;
}

export function syncAndSignal(args: string[], plan: SignalPlan): Promise<SignalledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, "sync", "--debug", ...args], { env: cleanEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let parsed = 0;
    let sent = false;
    const fire = (): void => {
      sent = true;
      plan.signals.forEach((signal, i) => setTimeout(() => child.kill(signal), i * 50));
    };
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      parsed += d.split("Parsed ").length - 1;
      if (sent) return;
      if ((plan.afterParsed !== undefined && parsed >= plan.afterParsed) || (plan.afterText !== undefined && stderr.includes(plan.afterText))) fire();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, sent });
    });
  });
}

const NODES_QUERY = "MATCH (n) RETURN label(n) AS l, n.id AS id, n.lastupdated AS u ORDER BY l, id";
const RELS_QUERY = "MATCH (a)-[r]->(b) RETURN label(r) AS t, a.id AS from_id, b.id AS to_id, r.lastupdated AS u ORDER BY t, from_id, to_id";

/**
 * The graph in the store as text (labels, ids, update tags, relationships; not firstseen, which is
 * a clock reading), or null when there is no store yet. Fails the test on any other error.
 */
export async function graphFingerprint(store: string): Promise<string | null> {
  const parts: string[] = [];
  for (const cypher of [NODES_QUERY, RELS_QUERY]) {
    const r = await runCli(["query", cypher, "--store", store, "--json"]);
    if (r.code !== 0 && /there is no embedded store at/.test(r.stderr)) return null;
    if (r.code !== 0) throw new Error(`query failed (exit ${String(r.code)}): ${r.stderr.trim()}`);
    parts.push(r.stdout);
  }
  return parts.join("\n");
}
