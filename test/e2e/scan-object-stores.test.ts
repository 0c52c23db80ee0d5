// End to end: `scoutgraph scan` into each object-store emulator (S3, GCS, Azure), then `sync` of
// the same DEST: exactly the scanned reports are ingested, the records ride in object metadata
// (no extra object under the prefix), and a second scan within --max-age runs Scout for none.
import { describe, test } from "node:test";
import { join } from "node:path";
import assert from "node:assert/strict";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { installStandIn } from "../support/scout-stand-in/install.js";
import { AZURITE, GCS_SERVER, S3_SERVER, createAzureContainer, createGcsBucket, createS3Bucket, s3Env, s3TestClient } from "../support/object-stores.js";
import { fleetConfig, OK_IMAGES, readSummary, reportName, scan } from "./scan-support.js";
import { parseSummaryJson, runCli, tempDir } from "./sync-support.js";

const NO_CLOUD_ENV = {
  STORAGE_EMULATOR_HOST: undefined,
  AZURE_STORAGE_CONNECTION_STRING: undefined,
  AZURE_STORAGE_KEY: undefined,
  AWS_ENDPOINT_URL: undefined,
  AWS_ENDPOINT_URL_S3: undefined,
};

const BACKENDS = [
  {
    name: "s3",
    create: () => createS3Bucket({ "other/keep.txt": "not under the prefix" }, "scan"),
    dest: (bucket: string) => `s3://${bucket}/nightly`,
    env: { ...NO_CLOUD_ENV, ...s3Env(), AWS_ENDPOINT_URL: S3_SERVER.endpoint },
  },
  {
    name: "gcs",
    create: () => createGcsBucket({ "other/keep.txt": "not under the prefix" }, "scan"),
    dest: (bucket: string) => `gs://${bucket}/nightly/`,
    env: { ...NO_CLOUD_ENV, STORAGE_EMULATOR_HOST: GCS_SERVER.endpoint },
  },
  {
    name: "azblob",
    create: () => createAzureContainer({ "other/keep.txt": "not under the prefix" }, "scan"),
    dest: (container: string) => `azblob://${AZURITE.account}/${container}/nightly`,
    env: { ...NO_CLOUD_ENV, AZURE_STORAGE_CONNECTION_STRING: AZURITE.connectionString },
  },
];

// A digest-pinned reference: skipping it again needs the record read back from object metadata
// (without it the digest cannot be confirmed and scan rescans).
const PINNED = `shop/pinned@sha256:${"5".repeat(64)}`;
const okRefs = [...Object.keys(OK_IMAGES), PINNED];
const COMMON = ["--retry-delay", "20ms", "--concurrency", "3", "--timeout", "20s"];

describe("scoutgraph scan into object stores", () => {
  for (const backend of BACKENDS) {
    test(`${backend.name}: scan, then sync ingests exactly the scanned reports; a second scan runs Scout for none`, async () => {
      const config = fleetConfig();
      config.images[PINNED] = {};
      const standIn = installStandIn(config);
      const bucket = await backend.create();
      const dest = backend.dest(bucket);
      const summary = join(tempDir(), "scan.json");
      const r = await scan(standIn, ["--docker-scout-source", dest, ...okRefs, "shop/missing:1", "--summary-json", summary, ...COMMON], backend.env);
      assert.equal(r.code, 3, r.stderr);
      const s = readSummary(summary);
      assert.equal(s.images.written, okRefs.length);
      assert.deepEqual(s.failedByReason, { "not-found": 1 });
      assert.deepEqual([...s.written].sort(), okRefs.map(reportName).sort());

      if (backend.name === "s3") {
        const client = s3TestClient();
        const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: "nightly" }));
        client.destroy();
        assert.deepEqual((listed.Contents ?? []).map((o) => o.Key).sort(), okRefs.map((ref) => `nightly/${reportName(ref)}`).sort(), "reports only: records are object metadata");
      }

      const syncSummary = join(tempDir(), "sync.json");
      const synced = await runCli(["sync", "--docker-scout-source", dest, "--store", join(tempDir(), "db"), "--summary-json", syncSummary], { env: backend.env });
      assert.equal(synced.code, 0, synced.stderr);
      const ss = parseSummaryJson(syncSummary);
      assert.equal(ss.reports.listed, okRefs.length);
      assert.equal(ss.reports.ingested + ss.reports.noBaseImage, okRefs.length);
      assert.equal(ss.reports.notReports + ss.reports.failed, 0);

      const runs = standIn.starts().length;
      const again = await scan(standIn, ["--docker-scout-source", dest, ...okRefs, "--summary-json", summary, ...COMMON], backend.env);
      assert.equal(again.code, 0, again.stderr);
      assert.equal(standIn.starts().length, runs, "every report is fresh: no Scout run");
      assert.equal(readSummary(summary).images.skippedFresh, okRefs.length);
    });
  }
});
