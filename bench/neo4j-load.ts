// Load throughput into a real Neo4j: scoutgraph's `sync` versus Python Cartography's Docker Scout
// module, on the same generated reports, the same server, each on an empty database seeded with one
// matching `Image` node per report (so every report links, as in a real fleet).
//
//   npm run bench:neo4j-load -- [--counts 1000,10000] [--cartography-max N]
//
// Cartography loads about one report per several round trips (contract §9), so on large counts it
// is timed on the first --cartography-max reports (default 1000; the same files) and its rate is
// extrapolated; the output says which. The Neo4j is scripts/neo4j.mjs's (SCOUTGRAPH_NEO4J_PORT,
// default 7687), started and stopped here if it is not already running. Prints figures; asserts nothing.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import neo4j, { type Driver } from "neo4j-driver";
import { targetDigestFor } from "./support/generate-reports.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const cliPath = join(root, "dist", "src", "cli", "main.js");
const generator = join(root, "dist", "bench", "support", "generate-reports.js");
const neo4jScript = join(root, "scripts", "neo4j.mjs");
const outDir = join(root, "bench", "out", "neo4j-load");

const { values: opts } = parseArgs({
  options: {
    counts: { type: "string", default: "1000,10000" },
    "cartography-max": { type: "string", default: "1000" },
  },
});
const counts = opts.counts.split(",").map(Number);
const cartographyMax = Number(opts["cartography-max"]);
const port = Number(process.env.SCOUTGRAPH_NEO4J_PORT ?? "7687");
const uri = `bolt://127.0.0.1:${port}`;
const UPDATE_TAG = 1_700_000_000;

interface Run {
  seconds: number;
  reports: number;
  code: number;
  output: string;
}

function timed(cmd: string, args: string[]): Promise<Run & { reports: 0 }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, reports: 0, code: code ?? 1, output: Buffer.concat(chunks).toString("utf8") }),
    );
  });
}

/** Generates (once) `count` reports; the generator is deterministic, so a smaller folder is a prefix of a larger one. */
function reportsDir(count: number): string {
  const dir = join(outDir, `reports-${count}`);
  if (existsSync(dir) && readdirSync(dir).length === count) return dir;
  mkdirSync(dir, { recursive: true });
  const gen = spawnSync(process.execPath, [generator, "--count", String(count), "--out", dir], { stdio: "inherit" });
  if (gen.status !== 0) throw new Error(`report generator failed (${generator})`);
  return dir;
}

/** Empties the database: nodes, relationships, indexes and constraints, so each writer starts alike. */
async function wipe(driver: Driver, images: number): Promise<void> {
  const session = driver.session();
  try {
    await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
    for (const c of (await session.run("SHOW CONSTRAINTS YIELD name")).records) {
      // Schema names cannot be parameters; these come from the server itself.
      await session.run(`DROP CONSTRAINT \`${String(c.get("name")).replaceAll("`", "``")}\``);
    }
    for (const i of (await session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")).records) {
      await session.run(`DROP INDEX \`${String(i.get("name")).replaceAll("`", "``")}\``);
    }
    // The registry modules' Image nodes, one per report, with the full digest the short one prefixes.
    const rows = Array.from({ length: images }, (_, i) => ({ id: `image-${i}`, digest: `sha256:${targetDigestFor(i)}${"0".repeat(52)}` }));
    await session.run("CREATE INDEX IF NOT EXISTS FOR (n:Image) ON (n.id)");
    for (let i = 0; i < rows.length; i += 10_000) {
      await session.run(
        "UNWIND $rows AS row CREATE (:Image:AWSECRImage {id: row.id, digest: row.digest, _ont_digest: row.digest, _ont_source: 'aws', lastupdated: $tag})",
        { rows: rows.slice(i, i + 10_000), tag: neo4j.int(UPDATE_TAG - 1) },
      );
    }
  } finally {
    await session.close();
  }
}

async function graphCounts(driver: Driver): Promise<string> {
  const session = driver.session();
  try {
    const q = async (cypher: string) => (await session.run(cypher)).records[0]?.get(0).toString() as string;
    return `${await q("MATCH (n:DockerScoutPublicImage) RETURN count(n)")} public images, ${await q("MATCH (n:DockerScoutPublicImageTag) RETURN count(n)")} tags, ${await q("MATCH ()-[r:BUILT_ON]->() RETURN count(r)")} BUILT_ON`;
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  const { ensureCartography, runCartography } = (await import(join(root, "scripts", "cartography", "cartography.mjs"))) as {
    ensureCartography: () => string;
    runCartography: (o: { neo4jUri: string; source: string; updateTag: number; quiet?: boolean }) => Promise<{ code: number; output: string }>;
  };
  ensureCartography();
  const wasRunning = spawnSync(process.execPath, [neo4jScript, "status"], { stdio: "ignore" }).status === 0;
  if (!wasRunning && spawnSync(process.execPath, [neo4jScript, "start"], { stdio: "inherit" }).status !== 0) throw new Error("could not start Neo4j");
  const driver = neo4j.driver(uri);
  const rows: string[] = [];
  try {
    for (const count of counts) {
      const dir = reportsDir(count);
      await wipe(driver, count);
      const sg = await timed(process.execPath, [cliPath, "sync", "--docker-scout-source", dir, "--neo4j-uri", uri, "--update-tag", String(UPDATE_TAG), "--quiet"]);
      if (sg.code !== 0) throw new Error(`scoutgraph sync exited ${sg.code}:\n${sg.output.slice(-2000)}`);
      const sgRate = count / sg.seconds;
      console.log(`bench: scoutgraph  ${count} reports in ${sg.seconds.toFixed(1)} s = ${sgRate.toFixed(0)} reports/s (${await graphCounts(driver)})`);

      const cartCount = Math.min(count, cartographyMax);
      const cartDir = reportsDir(cartCount);
      await wipe(driver, count); // the same Image nodes: Cartography scans all of them per report
      const started = process.hrtime.bigint();
      const cart = await runCartography({ neo4jUri: uri, source: cartDir, updateTag: UPDATE_TAG, quiet: true });
      const cartSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (cart.code !== 0) throw new Error(`cartography exited ${cart.code}:\n${cart.output.slice(-2000)}`);
      const cartRate = cartCount / cartSeconds;
      const how = cartCount === count ? "" : ` (timed on the first ${cartCount} of ${count}; the rate is extrapolated)`;
      console.log(`bench: cartography ${cartCount} reports in ${cartSeconds.toFixed(1)} s = ${cartRate.toFixed(1)} reports/s (${await graphCounts(driver)})${how}`);
      rows.push(`${String(count).padStart(7)}  ${sgRate.toFixed(0).padStart(10)}  ${cartRate.toFixed(1).padStart(11)}${cartCount === count ? " " : "*"}  ${(sgRate / cartRate).toFixed(1).padStart(6)}x`);
    }
  } finally {
    await driver.close();
    if (!wasRunning) spawnSync(process.execPath, [neo4jScript, "stop"], { stdio: "inherit" });
  }
  console.log(`\nbench:neo4j-load (Neo4j ${uri}; reports/s, wall clock including process start)`);
  console.log(" reports  scoutgraph  cartography   ratio");
  for (const r of rows) console.log(r);
  if (rows.some((r) => r.includes("*"))) console.log("* Cartography timed on a subset (--cartography-max) against the full set of Image nodes; its per-report cost does not fall with more reports.");
}

main().catch((err: unknown) => {
  console.error(`bench:neo4j-load: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
