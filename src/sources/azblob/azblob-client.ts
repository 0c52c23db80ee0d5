// Builds the BlobServiceClient for `azblob://account/...`. Credentials, first found wins:
// AZURE_STORAGE_CONNECTION_STRING (must be for the same account), AZURE_STORAGE_KEY (the
// account's shared key), else DefaultAzureCredential (environment service principal, workload or
// managed identity, Azure CLI...). A custom endpoint (option, or AZURE_STORAGE_BLOB_ENDPOINT) is
// addressed path-style, `<endpoint>/<account>`, as Azurite and other emulators expect.
import { BlobServiceClient, StorageSharedKeyCredential, type StoragePipelineOptions } from "@azure/storage-blob";
import { ScoutgraphError } from "../../errors.js";
import type { ResolvedSourceOptions } from "../options.js";

function pipelineOptions(options: ResolvedSourceOptions): StoragePipelineOptions {
  // Exponential backoff on 429, 5xx and network errors.
  return { retryOptions: { maxTries: options.maxAttempts, retryDelayInMs: 500, maxRetryDelayInMs: 10_000, tryTimeoutInMs: 120_000 } };
}

function connectionStringAccount(connectionString: string): string | undefined {
  return /(?:^|;)\s*AccountName=([^;]+)/i.exec(connectionString)?.[1]?.trim();
}

export async function createBlobServiceClient(
  account: string,
  sourceUri: string,
  options: ResolvedSourceOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<BlobServiceClient> {
  const pipeline = pipelineOptions(options);
  const connectionString = env.AZURE_STORAGE_CONNECTION_STRING;
  if (connectionString !== undefined && connectionString.trim() !== "") {
    const named = connectionStringAccount(connectionString);
    if (named !== undefined && named !== account) {
      throw new ScoutgraphError(
        "SOURCE",
        `Cannot list ${sourceUri}: AZURE_STORAGE_CONNECTION_STRING is for storage account '${named}', not '${account}'.`,
        { subject: sourceUri },
      );
    }
    try {
      return BlobServiceClient.fromConnectionString(connectionString, pipeline);
    } catch (err) {
      throw new ScoutgraphError("SOURCE", `Cannot list ${sourceUri}: AZURE_STORAGE_CONNECTION_STRING is not valid.`, { subject: sourceUri, cause: err });
    }
  }
  const endpoint = options.endpoint ?? env.AZURE_STORAGE_BLOB_ENDPOINT;
  const accountUrl = endpoint === undefined ? `https://${account}.blob.core.windows.net` : `${endpoint.replace(/\/+$/, "")}/${account}`;
  const key = env.AZURE_STORAGE_KEY;
  if (key !== undefined && key !== "") {
    return new BlobServiceClient(accountUrl, new StorageSharedKeyCredential(account, key), pipeline);
  }
  const { DefaultAzureCredential } = await import("@azure/identity");
  return new BlobServiceClient(accountUrl, new DefaultAzureCredential(), pipeline);
}
