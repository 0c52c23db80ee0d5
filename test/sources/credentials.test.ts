// Credential problems that need no request to show: no AWS credentials at all (the SDK's chain
// comes up empty; instance metadata is disabled so nothing leaves the machine), and an Azure
// connection string for another account than the source names.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ScoutgraphError } from "../../src/errors.js";
import { openReportSource } from "../../src/sources/registry.js";
import { AZURITE, S3_SERVER, withEnv } from "../support/object-stores.js";
import { listAll, rejectsWith } from "./report-source-contract.js";

test("s3: no credentials anywhere is one SOURCE error saying so", async () => {
  const none = {
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
    AWS_CONFIG_FILE: "/nonexistent/scoutgraph-aws-config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/scoutgraph-aws-credentials",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_REGION: "us-east-1",
  };
  await withEnv(none, async () => {
    const source = await openReportSource("s3://scoutgraph-reports/scout/", { endpoint: S3_SERVER.endpoint, maxAttempts: 1 });
    try {
      const err = await rejectsWith(listAll(source), "SOURCE", /no AWS credentials found/);
      assert.ok(err.message.startsWith("Cannot list s3://scoutgraph-reports/scout/:"), err.message);
    } finally {
      await source.close();
    }
  });
});

test("azblob: a connection string for another account is one SOURCE error naming both", async () => {
  const other = AZURITE.connectionString.replace(`AccountName=${AZURITE.account}`, "AccountName=someoneelse");
  await withEnv({ AZURE_STORAGE_CONNECTION_STRING: other }, async () => {
    await rejectsWith(
      openReportSource(`azblob://${AZURITE.account}/reports/scout`),
      "SOURCE",
      new RegExp(`AZURE_STORAGE_CONNECTION_STRING is for storage account 'someoneelse', not '${AZURITE.account}'`),
    );
  });
});

test("azblob: a connection string that is not valid is a SOURCE error that does not echo it", async () => {
  await withEnv({ AZURE_STORAGE_CONNECTION_STRING: "AccountName=devstoreaccount1;AccountKey=c2VjcmV0;BlobEndpoint=not a url" }, async () => {
    try {
      const source = await openReportSource("azblob://devstoreaccount1/reports", { maxAttempts: 1 });
      await listAll(source);
      assert.fail("listing should fail");
    } catch (err) {
      assert.ok(err instanceof ScoutgraphError && err.code === "SOURCE", String(err));
      assert.match(err.message, /AZURE_STORAGE_CONNECTION_STRING is not valid/);
      assert.ok(!err.message.includes("c2VjcmV0"), err.message);
    }
  });
});
