// The report on a real Cartography graph: the contract's §10 seed (what Cartography 0.143.0's own
// loaders wrote) in a real Neo4j, plus Docker Scout reports synced through the real pipeline whose
// digests match its images. Every conclusion of the contract's scenario table is asserted on the
// model (the JSON) and found in every format; then the CLI's filters, grouping and --fail-on gate.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import { failsGate, generateFleetReport, DEFAULT_FILTERS } from "../../src/insights/index.js";
import { FORMATS, render } from "../../src/insights/render/index.js";
import type { FleetReport, ImageEntry, ReportFilters } from "../../src/insights/types.js";
import { Neo4jGraphStore } from "../../src/stores/neo4j/neo4j-graph-store.js";
import { runSync } from "../../src/sync/run-sync.js";
import { runCli } from "../e2e/sync-support.js";
import { wipeNeo4j } from "../support/neo4j-admin.js";
import { NEO4J_URI } from "../support/services.js";
import { digest, ECR, loadSeed, writeContextReports, type ContextReport } from "./support/context-seed.js";

const PAYMENTS = `${ECR}/payments-api:1.4.2`;
const WEB = `${ECR}/web-frontend:2.0.0`;
const PYTHON_BASE = `${ECR}/platform/python-base:3.12`;
const BATCH = `${ECR}/batch-worker:0.9`;
const WEEK = 7 * 86_400;

describe("report on the contract's Cartography seed (Neo4j)", () => {
  const dir = mkdtempSync(join(tmpdir(), "scoutgraph-context-"));
  let store: Neo4jGraphStore;
  let report: FleetReport;
  const build = (filters: Partial<ReportFilters> = {}) => generateFleetReport(store, { filters: { ...DEFAULT_FILTERS, maxAgeSeconds: WEEK, ...filters } });
  const image = (r: FleetReport, d: string): ImageEntry => {
    const found = r.images.find((i) => i.digest === digest(d));
    assert.ok(found, `image ${d}`);
    return found;
  };

  before(async () => {
    const driver = neo4j.driver(NEO4J_URI);
    try {
      await wipeNeo4j(driver);
      await loadSeed(driver);
    } finally {
      await driver.close();
    }
    writeContextReports(join(dir, "reports"));
    store = new Neo4jGraphStore({ uri: NEO4J_URI });
    const summary = await runSync({ source: join(dir, "reports"), store });
    assert.equal(summary.status, "ok");
    assert.deepEqual(summary.unmatchedReports, [], "the index report matched its platform images");
    assert.equal(summary.written.builtOnLinks, 4, "a1 and a2 through the index a0, b1 and c1 by their own digests");
    report = await build();
  });
  after(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("says which context it found", () => {
    assert.deepEqual(report.context, {
      any: true,
      runtime: { containers: 6, containerKinds: ["KubernetesContainer"], resolvedImages: 5, workloadImages: 3, workloadKinds: ["KubernetesDeployment"] },
      exposure: { exposedWorkloadImages: 2, exposedContainers: 2 },
      ownership: { packagedFrom: 3, matchMethods: ["dockerfile_analysis", "provenance"], providers: ["github", "gitlab"], imagesWithProvenance: 2 },
      internalBase: { builtFrom: 1 },
      registryTags: 13,
    });
    assert.equal(report.rankedBy, "exposure");
  });

  test("multi-arch, running, exposed, provenance-owned, internal base: both platform images of payments-api", () => {
    for (const d of ["a1", "a2"]) {
      const img = image(report, d);
      assert.equal(img.name, PAYMENTS, "named by its registry tag, not its digest");
      assert.equal(img.context?.tier, "exposed");
      assert.deepEqual(img.context?.runtime, {
        runningContainers: 1,
        workloads: [{ kind: "KubernetesDeployment", name: "payments-api", namespace: "payments", cluster: "prod-eks", exposed: true }],
        namespaces: ["payments"],
        clusters: ["prod-eks"],
        exposed: true,
      });
      assert.deepEqual(img.context?.owner, {
        repository: "acme/payments-api",
        url: "https://github.com/acme/payments-api",
        provider: "github",
        dockerfile: "docker/Dockerfile",
        matchMethod: "provenance",
        confidence: 1,
        revision: "4f2c9e1d0b7a6c5e4d3b2a19081726354f6e7d8c",
        verified: true,
      });
      assert.deepEqual(img.context?.tags, [PAYMENTS, `${ECR}/payments-api:latest`]);
    }
    assert.deepEqual(image(report, "a1").context?.internalBase, { digest: digest("b1"), name: PYTHON_BASE, tags: [PYTHON_BASE], reference: `pkg:docker/${ECR}/platform/python-base@3.12?platform=linux%2Famd64`, owner: null });
    assert.equal(image(report, "a2").context?.internalBase, null, "a public base gives no BUILT_FROM edge");
  });

  test("a report on the multi-arch index digest links the index's platform images, not the index or its attestations", async () => {
    const edges = await store.query(
      `MATCH (r:DockerScoutReport)-[:REPORTS_ON]->(i)
       OPTIONAL MATCH (i)-[:BUILT_ON]->(p:DockerScoutPublicImage)
       RETURN r.target_digest AS report, i.id AS image, labels(i) AS labels, collect(p.id) AS bases ORDER BY report, image`,
    );
    assert.deepEqual(
      edges.map((e) => [e.report, e.image, (e.labels as string[]).includes("Image"), e.bases]),
      [
        ["a0a0a0a0a0a0", digest("a1"), true, ["python:3.11-slim"]],
        ["a0a0a0a0a0a0", digest("a2"), true, ["python:3.11-slim"]],
        ["b1b1b1b1b1b1", digest("b1"), true, ["python:3.11-slim"]],
        ["c1c1c1c1c1c1", digest("c1"), true, ["node:20-alpine"]],
      ],
    );
    const unlinked = await store.query("MATCH (n)-[:BUILT_ON]->(:DockerScoutPublicImage) WHERE n:ImageManifestList OR n:ImageAttestation RETURN count(n) AS n");
    assert.equal(Number(unlinked[0]?.n), 0);
    assert.deepEqual(report.unmatchedReports, []);
    assert.equal(report.summary.unmatchedReports, 0);
    assert.ok(!report.coverage?.runningWithoutReport.some((u) => u.digest === digest("a1") || u.digest === digest("a2")), "covered through the index");
  });

  test("single-arch, running, internal only, Dockerfile-matched owner: web-frontend", () => {
    const img = image(report, "c1");
    assert.equal(img.name, WEB);
    assert.equal(img.context?.tier, "running");
    assert.equal(img.context?.runtime?.exposed, false);
    assert.deepEqual(img.context?.runtime?.workloads, [{ kind: "KubernetesDeployment", name: "web-frontend", namespace: "web", cluster: "prod-eks", exposed: false }]);
    assert.deepEqual(img.context?.owner, {
      repository: "acme/web-frontend",
      url: "https://gitlab.com/acme/web-frontend",
      provider: "gitlab",
      dockerfile: "deploy/Dockerfile",
      matchMethod: "dockerfile_analysis",
      confidence: 0.98,
      revision: null,
      verified: true,
    });
  });

  test("image only in the registry: python-base, not running, no owner", () => {
    const img = image(report, "b1");
    assert.equal(img.name, PYTHON_BASE);
    assert.equal(img.context?.tier, "not-running");
    assert.equal(img.context?.runtime, null);
    assert.equal(img.context?.owner, null);
  });

  test("coverage: the bare pod's batch-worker (terminated Job not counted), the nginx sidecar, the old report", () => {
    const cov = report.coverage;
    assert.ok(cov);
    assert.deepEqual(
      cov.runningWithoutReport.map((u) => [u.name, u.reference, u.runtime.runningContainers, u.runtime.workloads, u.runtime.namespaces, u.runtime.clusters, u.runtime.exposed]),
      [[BATCH, `${ECR}/batch-worker@${digest("d1")}`, 1, [], ["batch"], ["prod-eks"], false]],
    );
    assert.deepEqual(cov.containersWithoutImage, [
      { imageRef: "nginx:1.27", digest: digest("e1"), reference: `nginx@${digest("e1")}`, containers: 1, namespaces: ["web"], clusters: ["prod-eks"], exposed: false },
    ]);
    assert.deepEqual(cov.staleReports?.map((s) => [s.targetImage, s.source?.endsWith("python-base.txt"), Math.round(s.ageSeconds / 86_400)]), [[PYTHON_BASE, true, 30]]);
  });

  test("ranking: exposed and running first, then running, then the rest; top actions weigh the same; --rank-by fixes is today's order", async () => {
    assert.deepEqual(report.images.map((i) => i.digest), [digest("a1"), digest("a2"), digest("c1"), digest("b1")]);
    // python fixes 0C 2H on two exposed images; node fixes 1C 5H on one internal one.
    assert.deepEqual(report.topActions.map((a) => [a.base.id, a.imageCount, a.exposedImages, a.runningImages]), [
      ["python:3.11-slim", 3, 2, 2],
      ["node:20-alpine", 1, 0, 1],
    ]);
    const byFixes = await build({ rankBy: "fixes" });
    assert.equal(byFixes.rankedBy, "fixes");
    assert.deepEqual(byFixes.topActions.map((a) => a.base.id), ["node:20-alpine", "python:3.11-slim"]);
    assert.deepEqual(byFixes.images.map((i) => i.name), [PAYMENTS, PAYMENTS, PYTHON_BASE, WEB]);
  });

  test("--running, --exposed and the --fail-on gate", async () => {
    assert.deepEqual((await build({ running: true })).images.map((i) => i.digest), [digest("a1"), digest("a2"), digest("c1")]);
    const exposed = await build({ exposed: true });
    assert.deepEqual(exposed.images.map((i) => i.digest), [digest("a1"), digest("a2")]);
    assert.equal(failsGate(report, "critical"), true, "web-frontend's update fixes a critical");
    assert.equal(failsGate(exposed, "critical"), false, "no exposed image has a fixable critical");
    assert.equal(failsGate(exposed, "high"), true);
  });

  test("--group-by owner: one group per repository, then no known owner", async () => {
    const grouped = await build({ groupBy: "owner" });
    assert.deepEqual(
      grouped.groups?.map((g) => [g.owner, g.report.images.map((i) => i.digest), g.report.topActions.map((a) => a.base.id)]),
      [
        ["acme/payments-api", [digest("a1"), digest("a2")], ["python:3.11-slim"]],
        ["acme/web-frontend", [digest("c1")], ["node:20-alpine"]],
        [null, [digest("b1")], ["python:3.11-slim"]],
      ],
    );
    // The unowned running image, the unknown sidecar and the old report land in "no known owner".
    const none = grouped.groups?.[2]?.report.coverage;
    assert.deepEqual([none?.runningWithoutReport.length, none?.containersWithoutImage.length, none?.staleReports?.length], [1, 1, 1]);
    assert.equal(grouped.groups?.[0]?.report.coverage?.containersWithoutImage.length, 0);
    for (const format of FORMATS.filter((f) => f !== "json")) {
      const text = render(grouped, format, { color: false });
      for (const owner of ["acme/payments-api", "acme/web-frontend", "no known owner"]) assert.ok(text.includes(owner), `${format}: ${owner}`);
    }
    const json = JSON.parse(render(grouped, "json", { color: false })) as FleetReport;
    assert.deepEqual(json.groups?.map((g) => [g.owner, g.report.summary.images]), [["acme/payments-api", 2], ["acme/web-frontend", 1], [null, 1]]);
    const md = render(grouped, "markdown", { color: false });
    assert.ok(md.indexOf("# Owner: acme/payments-api") < md.indexOf("# Owner: acme/web-frontend"));
  });

  test("every format shows each conclusion (JSON: the model asserted above, unchanged)", () => {
    const wanted = [
      "payments-api (payments) [exposed]",
      "acme/payments-api",
      "docker/Dockerfile",
      "provenance",
      "4f2c9e1d0b7a",
      "web-frontend (web)",
      "acme/web-frontend",
      "deploy/Dockerfile",
      "0.98",
      "prod-eks",
      "platform/python-base:3.12",
      "batch-worker@sha256:d1d1",
      "nginx:1.27",
      "python-base.txt",
    ];
    for (const format of FORMATS.filter((f) => f !== "json")) {
      // Markdown escapes punctuation (`\(`, `\[`): compare the text a reader sees.
      const rendered = render(report, format, { color: false });
      const text = format === "markdown" ? rendered.replaceAll("\\", "").replaceAll("&#64;", "@") : rendered;
      for (const w of wanted) assert.ok(text.includes(w), `${format} lacks ${w}`);
    }
    const json = JSON.parse(render(report, "json", { color: false })) as FleetReport;
    assert.deepEqual(json.coverage, report.coverage);
    assert.deepEqual(json.images.map((i) => i.context), report.images.map((i) => i.context));
  });

  test("the CLI: context logged, --fail-on exits 4 after writing the report, --exposed passes the gate", async () => {
    const gate = await runCli(["report", "--neo4j-uri", NEO4J_URI, "--format", "json", "--fail-on", "critical", "--max-age", "7d"]);
    assert.equal(gate.code, 4, gate.stderr);
    const written = JSON.parse(gate.stdout) as FleetReport;
    assert.equal(written.coverage?.staleReports?.length, 1);
    assert.match(gate.stderr, /Cartography context: runtime: 6 container/);
    const exposed = await runCli(["report", "--neo4j-uri", NEO4J_URI, "--format", "markdown", "--exposed", "--fail-on", "critical"]);
    assert.equal(exposed.code, 0, exposed.stderr);
    assert.ok(exposed.stdout.includes("payments-api"));
    assert.ok(!exposed.stdout.includes("| web-frontend"));
    const usage = await runCli(["report", "--neo4j-uri", NEO4J_URI, "--max-age", "soon"]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--max-age/);
  });
});

// The same digest pushed to a second registry: GitLab's nodes for web-frontend's c1 (contract §2.1,
// §2.4: GitLabContainerImage with the digest as id, a repository tag whose id is its location), and
// what links by digest links to both (§2.1): the container's HAS_IMAGE, so RESOLVED_IMAGE and
// HAS_RUNTIME_IMAGE (the ontology jobs, §2.3, §4), and a Dockerfile-matched PACKAGED_FROM (§6.3),
// here a weaker one than ECR's.
const GITLAB_TAG = "registry.gitlab.com/acme/web-frontend:2.0.0";
const GITLAB_COPY = `
MATCH (ecr:AWSECRImage:Image {id: $digest})-[owned:PACKAGED_FROM]->(proj:GitLabProject)
MATCH (c:KubernetesContainer {id: 'pod-web-1-web'}), (d:KubernetesDeployment {id: 'deploy-web'})
CREATE (img:GitLabContainerImage:Image {id: $digest, digest: $digest, _ont_digest: $digest, _ont_source: 'gitlab', _ont_uri: 'registry.gitlab.com/acme/web-frontend', type: 'image', _module_name: 'cartography:gitlab', lastupdated: 1760000000})
CREATE (repo:GitLabContainerRepository:ContainerRegistry {id: 'registry.gitlab.com/acme/web-frontend', _ont_name: 'web-frontend', _ont_uri: 'acme/web-frontend', _ont_source: 'gitlab', _module_name: 'cartography:gitlab', lastupdated: 1760000000})
CREATE (tag:GitLabContainerRepositoryTag:ImageTag {id: $tag, location: $tag, name: '2.0.0', path: 'acme/web-frontend', _module_name: 'cartography:gitlab', lastupdated: 1760000000})
CREATE (repo)-[:REPO_IMAGE {_module_name: 'cartography:gitlab'}]->(tag)
CREATE (tag)-[:IMAGE {_module_name: 'cartography:gitlab'}]->(img)
CREATE (c)-[:HAS_IMAGE {_module_name: 'cartography:kubernetes'}]->(img)
CREATE (c)-[:RESOLVED_IMAGE {lastupdated: 1760000000}]->(img)
CREATE (d)-[:HAS_RUNTIME_IMAGE {exposed_internet: false, lastupdated: 1760000000}]->(img)
CREATE (img)-[p:PACKAGED_FROM]->(proj) SET p = properties(owned), p.confidence = 0.5, p.dockerfile_path = 'gitlab/Dockerfile'
RETURN count(ecr) AS n`;

describe("platform digests of a multi-arch image, and one digest in two registries (Neo4j)", () => {
  const dir = mkdtempSync(join(tmpdir(), "scoutgraph-context-"));
  // Reports on platform digests only: payments-api's amd64 image and web-frontend (in ECR and GitLab).
  const reports: ContextReport[] = [
    { file: "payments-api-amd64.txt", template: "api.txt", target: PAYMENTS, digest: "a1a1a1a1a1a1" },
    { file: "web-frontend.txt", template: "web-a.txt", target: WEB, digest: "c1c1c1c1c1c1" },
  ];
  let store: Neo4jGraphStore;
  let report: FleetReport;

  before(async () => {
    const driver = neo4j.driver(NEO4J_URI);
    try {
      await wipeNeo4j(driver);
      await loadSeed(driver);
      const { records } = await driver.executeQuery(GITLAB_COPY, { digest: digest("c1"), tag: GITLAB_TAG });
      assert.equal(Number(records[0]?.get("n")), 1);
    } finally {
      await driver.close();
    }
    writeContextReports(join(dir, "reports"), reports);
    store = new Neo4jGraphStore({ uri: NEO4J_URI });
    const summary = await runSync({ source: join(dir, "reports"), store });
    assert.equal(summary.status, "ok");
    assert.deepEqual(summary.unmatchedReports, []);
    report = await generateFleetReport(store, { filters: { ...DEFAULT_FILTERS } });
  });
  after(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("a platform digest links only that platform image; its arm64 sibling stays uncovered and running", async () => {
    const linked = await store.query("MATCH (i)-[:BUILT_ON]->(:DockerScoutPublicImage {id: 'python:3.11-slim'}) RETURN i.id AS id, labels(i) AS labels");
    assert.deepEqual(linked.map((r) => r.id), [digest("a1")]);
    assert.deepEqual(report.images.map((i) => [i.digest, i.name, i.context?.tier]), [
      [digest("a1"), PAYMENTS, "exposed"],
      [digest("c1"), WEB, "running"],
    ]);
    assert.deepEqual(
      report.coverage?.runningWithoutReport.map((u) => [u.digest, u.name, u.reference, u.runtime.exposed]),
      [
        [digest("a2"), PAYMENTS, `${ECR}/payments-api@${digest("a2")}`, true],
        [digest("d1"), BATCH, `${ECR}/batch-worker@${digest("d1")}`, false],
      ],
    );
  });

  test("the same digest in ECR and GitLab: both nodes linked, one image row, both names known, ECR's context kept", async () => {
    const nodes = await store.query(
      "MATCH (r:DockerScoutReport {target_digest: 'c1c1c1c1c1c1'})-[:REPORTS_ON]->(i:Image)-[:BUILT_ON]->(p:DockerScoutPublicImage) RETURN i._ont_source AS source, p.id AS base ORDER BY source",
    );
    assert.deepEqual(nodes.map((n) => [n.source, n.base]), [["aws", "node:20-alpine"], ["gitlab", "node:20-alpine"]]);
    const rows = report.images.filter((i) => i.digest === digest("c1"));
    assert.equal(rows.length, 1, "one row for the digest");
    assert.deepEqual(rows[0]?.context?.tags, [WEB, GITLAB_TAG]);
    assert.deepEqual([rows[0]?.context?.owner?.dockerfile, rows[0]?.context?.owner?.confidence], ["deploy/Dockerfile", 0.98], "the best edge of either node");
    assert.deepEqual(rows[0]?.context?.runtime, {
      runningContainers: 1,
      workloads: [{ kind: "KubernetesDeployment", name: "web-frontend", namespace: "web", cluster: "prod-eks", exposed: false }],
      namespaces: ["web"],
      clusters: ["prod-eks"],
      exposed: false,
    });
    assert.equal(report.summary.images, 2);
    assert.deepEqual(report.topActions.find((a) => a.base.id === "node:20-alpine")?.imageCount, 1);
  });
});
