// End to end: `scan --from-graph` on the project's real Neo4j seeded with registry-style Image
// nodes as Cartography's ECR and GitLab modules write them (contract docker-scout-cli.md §5.3):
// each platform image is scanned as registry://REPO@DIGEST, exactly those without a fresh report;
// --only-uncovered then takes only the images no synced report links.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import neo4j, { type Driver } from "neo4j-driver";
import { join } from "node:path";
import { wipeNeo4j } from "../support/neo4j-admin.js";
import { installStandIn } from "../support/scout-stand-in/install.js";
import { NEO4J_URI } from "../support/services.js";
import { example, readRecord, readSummary, scan } from "./scan-support.js";
import { runCli, tempDir } from "./sync-support.js";

const d = (c: string): string => `sha256:${c.repeat(32)}`;
const ECR = "000000000000.dkr.ecr.us-east-1.amazonaws.com";
const A1 = d("a1");
const A2 = d("a2");
const B1 = d("b1");
const C1 = d("c1");
const E1 = d("e1");

// A manifest list with two platform images behind a tag, a single-platform image behind a tag, a
// GitLab image (repository on the Image itself), an attestation (not an Image), an Image with no
// repository anywhere, and an Image scoutgraph made from a report: only the first four are pullable.
const SEED = `
CREATE (t1:AWSECRRepositoryImage:ECRRepositoryImage:ImageTag {id: '${ECR}/payments-api:1.4.2', uri: '${ECR}/payments-api:1.4.2', repo_uri: '${ECR}/payments-api', tag: '1.4.2'})
CREATE (ml:AWSECRImage:ECRImage:ImageManifestList {id: '${d("a0")}', _ont_digest: '${d("a0")}', type: 'manifest_list'})
CREATE (a1:AWSECRImage:ECRImage:Image {id: '${A1}', _ont_digest: '${A1}', _ont_os: 'linux', _ont_architecture: 'amd64', type: 'image'})
CREATE (a2:AWSECRImage:ECRImage:Image {id: '${A2}', _ont_digest: '${A2}', _ont_os: 'linux', _ont_architecture: 'arm64', _ont_variant: 'v8', type: 'image'})
CREATE (att:AWSECRImage:ECRImage:ImageAttestation {id: '${d("a3")}', _ont_digest: '${d("a3")}', type: 'attestation'})
CREATE (t1)-[:IMAGE]->(ml), (ml)-[:CONTAINS_IMAGE]->(a1), (ml)-[:CONTAINS_IMAGE]->(a2)
CREATE (t2:AWSECRRepositoryImage:ECRRepositoryImage:ImageTag {id: '${ECR}/web-frontend:2.0.0', uri: '${ECR}/web-frontend:2.0.0', repo_uri: '${ECR}/web-frontend', tag: '2.0.0'})
CREATE (b1:AWSECRImage:ECRImage:Image {id: '${B1}', _ont_digest: '${B1}', _ont_architecture: 'amd64', type: 'image'})
CREATE (t2)-[:IMAGE]->(b1)
CREATE (c1:GitLabContainerImage:Image {id: '${C1}', _ont_digest: '${C1}', _ont_uri: 'registry.gitlab.com/acme/worker'})
CREATE (:AWSECRImage:ECRImage:Image {id: '${d("d1")}', _ont_digest: '${d("d1")}'})
CREATE (:Image {id: 'old/report:1@abc', name: 'old/report:1', _ont_digest: 'abcabcabcabc', _ont_source: 'docker_scout_report'})
`;

const ref = (repo: string, digest: string): string => `registry://${repo}@${digest}`;
const A1_REF = ref(`${ECR}/payments-api`, A1);
const A2_REF = ref(`${ECR}/payments-api`, A2);
const B1_REF = ref(`${ECR}/web-frontend`, B1);
const C1_REF = ref("registry.gitlab.com/acme/worker", C1);

describe("scoutgraph scan --from-graph on Neo4j", () => {
  let driver: Driver;
  before(async () => {
    driver = neo4j.driver(NEO4J_URI);
    await wipeNeo4j(driver);
    await driver.executeQuery(SEED);
  });
  after(async () => {
    await wipeNeo4j(driver);
    await driver.close();
  });

  test("scans exactly the registry images without a fresh report, as registry://REPO@DIGEST, then --only-uncovered takes what no report links", async () => {
    const standIn = installStandIn({ defaultReport: example("cartography-sample.txt"), unknownOutcome: "ok-first-registry", images: {} });
    const dest = join(tempDir(), "out");
    const common = ["--docker-scout-source", dest, "--retry-delay", "20ms", "--timeout", "20s"];
    // One image already has a fresh report (and its record).
    const first = await scan(standIn, [...common, B1_REF]);
    assert.equal(first.code, 0, first.stderr);

    const summary = join(tempDir(), "s.json");
    const r = await scan(standIn, [...common, "--from-graph", "--neo4j-uri", NEO4J_URI, "--summary-json", summary]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /The graph has 4 image\(s\) with a pullable reference/);
    const scanned = standIn.starts().slice(1).map((e) => e.reference).sort();
    assert.deepEqual(scanned, [A1_REF, A2_REF, C1_REF].sort());
    const s = readSummary(summary);
    assert.equal(s.images.requested, 4);
    assert.equal(s.images.skippedFresh, 1);
    const record = readRecord(dest, `${ECR.replace(/[/:]/g, "_")}_payments-api@sha256_${"a2".repeat(32)}.txt`);
    assert.equal(record.digest, A2);
    assert.equal(record.platform, "linux/arm64/v8");
    assert.equal(record.reportDigest, "a2a2a2a2a2a2");

    // sync links the four reports (their Target digests are the platform digests) ...
    const synced = await runCli(["sync", "--docker-scout-source", dest, "--neo4j-uri", NEO4J_URI]);
    assert.equal(synced.code, 0, synced.stderr);
    const linked = await driver.executeQuery("MATCH (i:Image)-[:BUILT_ON]->() RETURN count(DISTINCT i) AS n");
    assert.equal(Number(linked.records[0]?.get("n")), 4);
    // ... so once a new image is pushed, only it is uncovered.
    await driver.executeQuery(`MATCH (t:ImageTag {tag: '2.0.0'}) CREATE (t)-[:IMAGE]->(:AWSECRImage:ECRImage:Image {id: '${E1}', _ont_digest: '${E1}', type: 'image'})`);
    const before = standIn.starts().length;
    const uncovered = await scan(standIn, [...common, "--from-graph", "--only-uncovered", "--force", "--neo4j-uri", NEO4J_URI]);
    assert.equal(uncovered.code, 0, uncovered.stderr);
    assert.deepEqual(standIn.starts().slice(before).map((e) => e.reference), [ref(`${ECR}/web-frontend`, E1)]);
    // A report older than --max-age is no coverage, even though the last sync linked it.
    await driver.executeQuery(`MATCH (r:DockerScoutReport)-[:REPORTS_ON]->(:Image {id: '${A1}'}) SET r.source_modified = 1000`);
    const stale = standIn.starts().length;
    const again = await scan(standIn, [...common, "--from-graph", "--only-uncovered", "--force", "--neo4j-uri", NEO4J_URI]);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(standIn.starts().slice(stale).map((e) => e.reference).sort(), [A1_REF, ref(`${ECR}/web-frontend`, E1)].sort());
  });
});
