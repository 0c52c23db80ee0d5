// Where the object-store servers started by scripts/object-stores.mjs listen, their test
// credentials, and helpers to create uniquely named buckets holding given objects. Keep the ports
// and credentials in step with that script.
//   S3    versitygw        127.0.0.1:7070   SCOUTGRAPH_S3_PORT
//   GCS   fake-gcs-server  127.0.0.1:4443   SCOUTGRAPH_GCS_PORT
//   Azure Azurite (blob)   127.0.0.1:10000  SCOUTGRAPH_AZURITE_PORT
import { randomBytes } from "node:crypto";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Storage } from "@google-cloud/storage";
import { BlobServiceClient, StorageSharedKeyCredential } from "@azure/storage-blob";

const HOST = "127.0.0.1";
const port = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

export const S3_SERVER = {
  endpoint: `http://${HOST}:${port("SCOUTGRAPH_S3_PORT", 7070)}`,
  accessKeyId: "scoutgraph",
  secretAccessKey: "scoutgraph-secret",
  region: "us-east-1",
};

export const GCS_SERVER = { endpoint: `http://${HOST}:${port("SCOUTGRAPH_GCS_PORT", 4443)}` };

export const AZURITE = {
  endpoint: `http://${HOST}:${port("SCOUTGRAPH_AZURITE_PORT", 10000)}`,
  account: "devstoreaccount1",
  // Azurite's documented development key, not a secret.
  key: "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
  get connectionString(): string {
    return `DefaultEndpointsProtocol=http;AccountName=${this.account};AccountKey=${this.key};BlobEndpoint=${this.endpoint}/${this.account};`;
  },
};

/** Environment for the S3 SDK (in this process via withEnv, or for a child CLI). */
export function s3Env(secret: string = S3_SERVER.secretAccessKey): Record<string, string | undefined> {
  return {
    AWS_ACCESS_KEY_ID: S3_SERVER.accessKeyId,
    AWS_SECRET_ACCESS_KEY: secret,
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_REGION: S3_SERVER.region,
    AWS_CONFIG_FILE: "/nonexistent/scoutgraph-aws-config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/scoutgraph-aws-credentials",
    AWS_EC2_METADATA_DISABLED: "true", // never ask an instance metadata service from tests
  };
}

/** Sets environment variables for the rest of this process (undefined = unset). */
export function setEnv(vars: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

/** Runs `fn` with environment variables set (undefined = unset), restoring them afterwards. */
export async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = new Map(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Map<string, string | undefined> | Record<string, string | undefined>) => {
    for (const [k, v] of values instanceof Map ? values : Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(vars);
  try {
    return await fn();
  } finally {
    apply(saved);
  }
}

/** A lower-case name valid as an S3 bucket, GCS bucket and Azure container. */
export function uniqueBucketName(label: string): string {
  return `sg-${label}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
}

export type Objects = Record<string, string | Buffer>;

/** An S3 client for the local test server, with its credentials and path-style addressing. */
export function s3TestClient(): S3Client {
  return new S3Client({
    endpoint: S3_SERVER.endpoint,
    region: S3_SERVER.region,
    forcePathStyle: true,
    credentials: { accessKeyId: S3_SERVER.accessKeyId, secretAccessKey: S3_SERVER.secretAccessKey },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

export async function createS3Bucket(objects: Objects, label = "s3"): Promise<string> {
  const bucket = uniqueBucketName(label);
  const client = s3TestClient();
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    for (const [key, body] of Object.entries(objects)) await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  } finally {
    client.destroy();
  }
  return bucket;
}

export async function createGcsBucket(objects: Objects, label = "gcs"): Promise<string> {
  const name = uniqueBucketName(label);
  const storage = new Storage({ apiEndpoint: GCS_SERVER.endpoint, projectId: "scoutgraph-test" });
  const [bucket] = await storage.createBucket(name);
  for (const [key, body] of Object.entries(objects)) await bucket.file(key).save(typeof body === "string" ? Buffer.from(body) : body, { resumable: false });
  return name;
}

export async function createAzureContainer(objects: Objects, label = "az"): Promise<string> {
  const name = uniqueBucketName(label);
  const service = new BlobServiceClient(`${AZURITE.endpoint}/${AZURITE.account}`, new StorageSharedKeyCredential(AZURITE.account, AZURITE.key));
  const container = service.getContainerClient(name);
  await container.create();
  for (const [key, body] of Object.entries(objects)) {
    const bytes = typeof body === "string" ? Buffer.from(body) : body;
    await container.getBlockBlobClient(key).upload(bytes, bytes.length);
  }
  return name;
}
