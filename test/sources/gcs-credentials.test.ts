// GCS bad credentials. The emulator does not check credentials, so this drives the client's real
// Application Default Credentials path with a service-account key that cannot sign: the failure
// happens in the auth library before any request (its token endpoint is a closed loopback port).
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { openReportSource } from "../../src/sources/registry.js";
import { withEnv } from "../support/object-stores.js";
import { listAll, rejectsWith } from "./report-source-contract.js";

test("gcs: a service-account key that is not valid is one SOURCE error at listing, naming the source", async () => {
  const dir = await mkdtemp(join(tmpdir(), "scoutgraph-gcs-"));
  const keyFile = join(dir, "key.json");
  // A real RSA key with its middle corrupted: parsable JSON, unusable key.
  const pem = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const broken = pem.replace(/\n([A-Za-z0-9+/]{64})\n/, "\n" + "A".repeat(64) + "\n").replace(/MII/, "XXX");
  await writeFile(
    keyFile,
    JSON.stringify({
      type: "service_account",
      project_id: "scoutgraph-test",
      private_key_id: "0",
      private_key: broken,
      client_email: "reader@scoutgraph-test.iam.gserviceaccount.com",
      client_id: "1",
      token_uri: "http://127.0.0.1:9/token",
    }),
  );
  await withEnv({ GOOGLE_APPLICATION_CREDENTIALS: keyFile, STORAGE_EMULATOR_HOST: undefined, GOOGLE_CLOUD_PROJECT: "scoutgraph-test" }, async () => {
    const source = await openReportSource("gs://scoutgraph-reports/scout/", { maxAttempts: 1 });
    const err = await rejectsWith(listAll(source), "SOURCE", /bad credentials|credentials/i);
    assert.ok(err.message.includes("gs://scoutgraph-reports/scout/"), err.message);
    assert.ok(!err.message.includes("PRIVATE KEY"), "the key must not be echoed");
  });
});
