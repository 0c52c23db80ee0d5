// `scoutgraph parse` against each object-store server: the built CLI, spawned with the
// environment a user would set, must give exactly what it gives for the same files in a folder.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { CLI_PATH, FIXTURE_REPORTS_DIR, REPO_ROOT } from "../support/fixtures.js";
import {
  AZURITE,
  GCS_SERVER,
  S3_SERVER,
  createAzureContainer,
  createGcsBucket,
  createS3Bucket,
  s3Env,
  type Objects,
} from "../support/object-stores.js";

interface FileResult {
  file: string;
  result: unknown;
}

function cli(args: string[], env: Record<string, string | undefined>) {
  const merged: Record<string, string | undefined> = { ...process.env, ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  return spawnSync(process.execPath, [CLI_PATH, ...args], { cwd: REPO_ROOT, encoding: "utf8", env: merged as NodeJS.ProcessEnv, timeout: 120_000 });
}

const fixtureNames = readdirSync(FIXTURE_REPORTS_DIR).filter((n) => !n.startsWith("."));
const objects: Objects = Object.fromEntries(fixtureNames.map((n) => [`scout/${n}`, readFileSync(join(FIXTURE_REPORTS_DIR, n))]));
// Outside the prefix: must not be parsed.
objects["elsewhere/cartography-sample.txt"] = readFileSync(join(FIXTURE_REPORTS_DIR, "cartography-sample.txt"));

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
    create: () => createS3Bucket(objects, "e2e"),
    source: (bucket: string) => `s3://${bucket}/scout`,
    env: { ...NO_CLOUD_ENV, ...s3Env(), AWS_ENDPOINT_URL: S3_SERVER.endpoint },
  },
  {
    name: "gcs",
    create: () => createGcsBucket(objects, "e2e"),
    source: (bucket: string) => `GS://${bucket}//scout`,
    env: { ...NO_CLOUD_ENV, STORAGE_EMULATOR_HOST: GCS_SERVER.endpoint },
  },
  {
    name: "azblob",
    create: () => createAzureContainer(objects, "e2e"),
    source: (container: string) => `azblob://${AZURITE.account}/${container}/scout`,
    env: { ...NO_CLOUD_ENV, AZURE_STORAGE_CONNECTION_STRING: AZURITE.connectionString },
  },
];

describe("scoutgraph parse against object stores", () => {
  let local: FileResult[] = [];
  before(() => {
    const run = cli(["parse", "--json", FIXTURE_REPORTS_DIR], NO_CLOUD_ENV);
    assert.equal(run.status, 0, run.stderr);
    local = JSON.parse(run.stdout) as FileResult[];
    assert.equal(local.length, fixtureNames.length);
  });

  for (const backend of BACKENDS) {
    test(`${backend.name}: parses like the same files in a local folder`, async () => {
      const bucket = await backend.create();
      const source = backend.source(bucket);
      const run = cli(["parse", "--json", source], backend.env);
      assert.equal(run.status, 0, run.stderr);
      assert.doesNotMatch(run.stderr, /Warning/);
      const remote = JSON.parse(run.stdout) as FileResult[];
      assert.deepEqual(
        remote.map((r) => r.result),
        local.map((r) => r.result),
      );
      const canonical = backend.name === "gcs" ? `gs://${bucket}/scout` : source;
      assert.deepEqual(
        remote.map((r) => r.file),
        fixtureNames.map((n) => `${canonical}/${n}`),
      );
    });

    test(`${backend.name}: a missing bucket fails with a message naming it`, () => {
      const source = backend.source("sg-no-such-bucket");
      const run = cli(["parse", "--json", source], backend.env);
      assert.notEqual(run.status, 0);
      assert.match(run.stderr, /sg-no-such-bucket.*(bucket|container) does not exist/);
    });
  }
});
