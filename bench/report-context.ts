// `scoutgraph report` at fleet size on Neo4j, without and then with the Cartography context
// (contract cartography-context.md): N generated reports synced onto N Cartography-style ECR
// `Image` nodes, timed; then a context proportional to the contract's §10 seed is added (a tag per
// image; 80 % of images running in their own Deployment (pod, container, RESOLVED_IMAGE,
// HAS_RUNTIME_IMAGE), 40 % of those internet-exposed; 60 % owned by PACKAGED_FROM; 20 % with an
// internal BUILT_FROM base; 2 % of containers on images not in the graph) and the report timed
// again. Prints figures; asserts nothing.
//
//   npm run bench:report-context -- [--count 20000] [--runs 3]
//
// The Neo4j is scripts/neo4j.mjs's on SCOUTGRAPH_NEO4J_PORT (default 7687), started and stopped
// here when it is not already running; its database is emptied first.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import neo4j from "neo4j-driver";
import { emptyNeo4jAt, neo4jAnswers } from "./support/neo4j-admin.js";
import { targetDigestFor, writeReports } from "./support/generate-reports.js";
import { buildFleetReport, DEFAULT_FILTERS } from "../src/insights/build-report.js";
import { fetchFleetRows } from "../src/insights/queries.js";
import { Neo4jGraphStore } from "../src/stores/neo4j/neo4j-graph-store.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const cliPath = join(root, "dist", "src", "cli", "main.js");
const neo4jScript = join(root, "scripts", "neo4j.mjs");
const workDir = join(root, ".cache", "bench-report");

const { values: opts } = parseArgs({ options: { count: { type: "string", default: "20000" }, runs: { type: "string", default: "3" } } });
const count = Number(opts.count);
const runs = Math.max(1, Number(opts.runs));
const port = Number(process.env.SCOUTGRAPH_NEO4J_PORT ?? "7687");
const uri = `bolt://127.0.0.1:${port}`;
const ECR = "000000000000.dkr.ecr.us-east-1.amazonaws.com";
const fullDigest = (i: number): string => `sha256:${targetDigestFor(i)}${"0".repeat(52)}`;

function reportsDir(): string {
  const dir = join(workDir, `reports-${count}`);
  if (existsSync(dir) && readdirSync(dir).length === count) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeReports(dir, count);
  return dir;
}

function cli(args: string[]): Promise<{ seconds: number; code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: root, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, code: code ?? 1, stderr }));
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function write(cypher: string, rows: Record<string, unknown>[]): Promise<void> {
  const driver = neo4j.driver(uri);
  try {
    for (let i = 0; i < rows.length; i += 5000) await driver.executeQuery(cypher, { rows: rows.slice(i, i + 5000) });
  } finally {
    await driver.close();
  }
}

async function seedImages(): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) => ({ d: fullDigest(i), tag: `${ECR}/service-${i}:1.${i % 13}` }));
  await write("UNWIND $rows AS r CREATE (:AWSECRImage:ECRImage:Image {id: r.d, digest: r.d, _ont_digest: r.d, _ont_source: 'aws', type: 'image'})", rows);
}

async function seedContext(): Promise<void> {
  const driver = neo4j.driver(uri);
  try {
    await driver.executeQuery("CREATE (:KubernetesCluster:ComputeCluster {id: 'bench-cluster', name: 'prod', _ont_name: 'prod'})");
    await driver.executeQuery(
      "UNWIND range(0, 99) AS n MATCH (c:KubernetesCluster {id: 'bench-cluster'}) CREATE (:KubernetesNamespace:ComputeNamespace {id: 'ns-' + n, name: 'ns-' + n})-[:WORKLOAD_PARENT]->(c)",
    );
    for (const label of ["Image", "KubernetesNamespace", "KubernetesDeployment", "KubernetesContainer", "GitHubRepository"]) {
      await driver.executeQuery(`CREATE INDEX IF NOT EXISTS FOR (n:${label}) ON (n.id)`);
    }
  } finally {
    await driver.close();
  }
  // Strings, not numbers: the driver sends a JS number as a float (`'ns-' + 5.0` is `ns-5.0`).
  const images = Array.from({ length: count }, (_, i) => ({
    i: String(i),
    ns: `ns-${i % 100}`,
    d: fullDigest(i),
    tag: `${ECR}/service-${i}:1.${i % 13}`,
    running: i % 5 !== 0,
    exposed: i % 5 !== 0 && i % 5 < 3,
    owned: i % 5 < 3,
    repo: `https://github.com/acme/service-${i % Math.max(1, Math.floor(count / 10))}`,
    parent: i % 5 === 4 ? fullDigest(i - 1) : null,
  }));
  await write("UNWIND $rows AS r MATCH (img:Image {id: r.d}) CREATE (:AWSECRRepositoryImage:ImageTag {id: r.tag, uri: r.tag})-[:IMAGE]->(img)", images);
  await write(
    `UNWIND $rows AS r WITH r WHERE r.running
     MATCH (img:Image {id: r.d}), (ns:KubernetesNamespace {id: r.ns})
     CREATE (dep:KubernetesDeployment:ComputeService {id: 'dep-' + r.i, name: 'service-' + r.i, _ont_name: 'service-' + r.i, namespace: ns.name})-[:WORKLOAD_PARENT]->(ns)
     CREATE (pod:KubernetesPod:ComputePod {id: 'pod-' + r.i, name: 'pod-' + r.i})-[:WORKLOAD_PARENT]->(dep)
     CREATE (c:KubernetesContainer:Container {id: 'c-' + r.i, _ont_state: 'running', _ont_namespace: ns.name, _ont_image: r.tag, _ont_image_digest: r.d, exposed_internet: CASE WHEN r.exposed THEN true ELSE null END})-[:WORKLOAD_PARENT]->(pod)
     CREATE (c)-[:HAS_IMAGE]->(img)
     CREATE (c)-[:RESOLVED_IMAGE]->(img)
     CREATE (dep)-[:HAS_RUNTIME_IMAGE {exposed_internet: r.exposed}]->(img)`,
    images,
  );
  const repos = [...new Set(images.filter((r) => r.owned).map((r) => r.repo))].map((url) => ({ url, full: url.slice("https://github.com/".length) }));
  await write("UNWIND $rows AS r CREATE (:GitHubRepository:CodeRepository {id: r.url, _ont_url: r.url, _ont_fullname: r.full, _ont_source: 'github'})", repos);
  await write(
    `UNWIND $rows AS r WITH r WHERE r.owned MATCH (img:Image {id: r.d}), (repo:GitHubRepository {id: r.repo})
     SET img.source_uri = r.repo, img.source_revision = 'abc' + r.i
     CREATE (img)-[:PACKAGED_FROM {match_method: 'provenance', confidence: 1.0, dockerfile_path: 'Dockerfile'}]->(repo)`,
    images,
  );
  await write("UNWIND $rows AS r WITH r WHERE r.parent IS NOT NULL MATCH (img:Image {id: r.d}), (p:Image {id: r.parent}) CREATE (img)-[:BUILT_FROM {confidence: 'explicit'}]->(p)", images);
  const unknown = Array.from({ length: Math.max(1, Math.floor(count / 50)) }, (_, n) => ({ n, ns: `ns-${n % 100}` }));
  await write(
    `UNWIND $rows AS r MATCH (ns:KubernetesNamespace {id: r.ns})
     CREATE (:KubernetesContainer:Container {id: 'side-' + r.n, _ont_state: 'running', _ont_namespace: ns.name, _ont_image: 'docker.io/library/nginx:1.' + (r.n % 30)})-[:WORKLOAD_PARENT]->(ns)`,
    unknown,
  );
}

async function measure(label: string): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await cli(["report", "--quiet", "--neo4j-uri", uri, "--format", "json", "--max-age", "7d"]);
    if (r.code !== 0) throw new Error(`report failed: ${r.stderr.slice(-500)}`);
    times.push(r.seconds);
  }
  const store = new Neo4jGraphStore({ uri });
  try {
    const t0 = process.hrtime.bigint();
    const rows = await fetchFleetRows(store, { maxAgeSeconds: 7 * 86_400 });
    const t1 = process.hrtime.bigint();
    const report = buildFleetReport(rows, { filters: { ...DEFAULT_FILTERS, maxAgeSeconds: 7 * 86_400 } });
    const t2 = process.hrtime.bigint();
    const running = report.images.filter((i) => (i.context?.tier ?? "not-running") !== "not-running").length;
    console.log(
      `${label}: scoutgraph report --format json median ${median(times).toFixed(2)} s, best ${Math.min(...times).toFixed(2)} s; ` +
        `in process: read ${(Number(t1 - t0) / 1e6).toFixed(0)} ms, build ${(Number(t2 - t1) / 1e6).toFixed(0)} ms; ` +
        `${report.images.length} images, ${running} running, ${report.coverage?.runningWithoutReport.length ?? 0} running without report, ` +
        `${report.coverage?.containersWithoutImage.length ?? 0} unknown image references, ranked by ${report.rankedBy}`,
    );
  } finally {
    await store.close();
  }
}

let startedNeo4j = false;
try {
  const source = reportsDir();
  console.log(`scoutgraph report with and without the Cartography context: ${count} images, node ${process.version}, ${runs} CLI runs each`);
  if (!(await neo4jAnswers(uri))) {
    const r = spawnSync(process.execPath, [neo4jScript, "start"], { stdio: "inherit", env: { ...process.env, SCOUTGRAPH_NEO4J_PORT: String(port) } });
    if (r.status !== 0) throw new Error("could not start Neo4j");
    startedNeo4j = true;
  }
  await emptyNeo4jAt(uri);
  await seedImages();
  const sync = await cli(["sync", "--quiet", "--docker-scout-source", source, "--neo4j-uri", uri]);
  if (sync.code !== 0) throw new Error(`sync failed: ${sync.stderr.slice(-500)}`);
  console.log(`synced ${count} reports onto ${count} Image nodes in ${sync.seconds.toFixed(1)} s`);
  await measure("without context");
  const t0 = Date.now();
  await seedContext();
  console.log(`context seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await measure("with context   ");
} finally {
  if (startedNeo4j) spawnSync(process.execPath, [neo4jScript, "stop"], { stdio: "inherit", env: { ...process.env, SCOUTGRAPH_NEO4J_PORT: String(port) } });
}
