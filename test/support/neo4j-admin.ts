// What tests may do to a Neo4j server, and only to one this test run started: empty it, start and
// stop extra servers (scripts/neo4j.mjs) on free ports. A server proves it is ours by returning, from
// `RETURN scoutgraph.serverNonce()`, the nonce the start script recorded for it; any other server
// (someone's real Neo4j, another run's) is refused before anything is deleted.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { emptyNeo4j } from "../../bench/support/neo4j-admin.js";
import { REPO_ROOT } from "./fixtures.js";
import { NEO4J_BOLT_PORT } from "./services.js";

const NEO4J_SCRIPT = join(REPO_ROOT, "scripts", "neo4j.mjs");

/** The nonce scripts/neo4j.mjs wrote when it last started a server on `port` in this tree. */
function recordedNonce(port: number): string | undefined {
  const file = join(REPO_ROOT, ".cache", "neo4j", String(port), "nonce");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
}

/** The nonce of the run's main server comes from scripts/run-tests.mjs; other servers' from their state file. */
function expectedNonce(port: number): string | undefined {
  const fromRun = process.env.SCOUTGRAPH_NEO4J_NONCE;
  return port === NEO4J_BOLT_PORT && fromRun ? fromRun : recordedNonce(port);
}

/** Throws unless the server behind `driver` was started by this test run on `port`. */
export async function assertOurNeo4j(driver: Driver, port: number = NEO4J_BOLT_PORT): Promise<void> {
  const expected = expectedNonce(port);
  let actual: unknown;
  try {
    const result = await driver.executeQuery("RETURN scoutgraph.serverNonce() AS nonce");
    actual = result.records[0]?.get("nonce");
  } catch (err) {
    actual = `(no nonce: ${(err as Error).message.split("\n")[0]})`;
  }
  if (expected === undefined || actual !== expected) {
    throw new Error(
      `refusing to touch the Neo4j on port ${port}: it was not started by this test run (nonce ${String(actual)}, expected ${expected ?? "none recorded"}). ` +
        "Run the tests with `node scripts/run-tests.mjs`, which starts its own servers on free ports.",
    );
  }
}

/** Empties the graph (bounded transactions) after checking the server is ours. */
export async function wipeNeo4j(driver: Driver, port: number = NEO4J_BOLT_PORT): Promise<void> {
  await assertOurNeo4j(driver, port);
  await emptyNeo4j(driver);
}

/** wipeNeo4j on a short-lived driver for the run's main server. */
export async function wipeNeo4jAt(uri: string, port: number = NEO4J_BOLT_PORT): Promise<void> {
  const driver = neo4j.driver(uri);
  try {
    await wipeNeo4j(driver, port);
  } finally {
    await driver.close();
  }
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface ExtraNeo4j {
  keepData?: boolean;
  /** Turns authentication on: user neo4j with this password. */
  password?: string;
  heap?: string;
}

/** Starts (or stops) a server of this tree's scripts/neo4j.mjs on `port`; throws with its output on failure. */
export function neo4jScript(action: "start" | "stop", port: number, options: ExtraNeo4j = {}): void {
  const env: Record<string, string | undefined> = {
    ...process.env,
    SCOUTGRAPH_NEO4J_PORT: String(port),
    SCOUTGRAPH_NEO4J_KEEP_DATA: options.keepData === true ? "1" : undefined,
    SCOUTGRAPH_NEO4J_PASSWORD: options.password,
    SCOUTGRAPH_NEO4J_HEAP: options.heap ?? process.env.SCOUTGRAPH_NEO4J_HEAP,
  };
  const r = spawnSync(process.execPath, [NEO4J_SCRIPT, action], { env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`neo4j ${action} on port ${port} failed: ${r.stdout}${r.stderr}`);
}
