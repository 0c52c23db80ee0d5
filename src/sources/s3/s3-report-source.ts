// Reports in an S3 bucket (or an S3-compatible store): ListObjectsV2 page by page, GetObject
// streamed under the size cap. Credentials and region come from the SDK's standard chain
// (environment, shared config and SSO profiles, container and instance roles).
import { GetObjectCommand, ListObjectsV2Command, S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { ScoutgraphError } from "../../errors.js";
import { readCapped, tooLargeRef } from "../capped-read.js";
import { inCodePointOrder } from "../cloud-list.js";
import type { ResolvedSourceOptions } from "../options.js";
import type { ReportRef, ReportSource } from "../report-source.js";
import type { CloudSourceSpec } from "../source-spec.js";
import { describeS3Error } from "./s3-errors.js";

export function s3ClientConfig(options: ResolvedSourceOptions, env: NodeJS.ProcessEnv = process.env): S3ClientConfig {
  const endpoint = options.endpoint ?? env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL;
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  return {
    maxAttempts: options.maxAttempts,
    retryMode: "standard", // retries throttling, 5xx and network errors with backoff
    followRegionRedirects: true,
    requestHandler: { requestTimeout: 120_000, connectionTimeout: 10_000 },
    ...(region === undefined ? {} : { region }),
    // S3-compatible stores are addressed by path (http://host/bucket/key) and may not know the
    // newer flexible checksums.
    ...(endpoint === undefined
      ? {}
      : { endpoint, forcePathStyle: true, requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" }),
  };
}

export class S3ReportSource implements ReportSource {
  readonly uri: string;

  private constructor(
    private readonly spec: CloudSourceSpec,
    private readonly client: S3Client,
    private readonly options: ResolvedSourceOptions,
  ) {
    this.uri = spec.uri;
  }

  static async open(spec: CloudSourceSpec, options: ResolvedSourceOptions): Promise<S3ReportSource> {
    // scoutgraph supports Node 20 with this pinned SDK; its "future releases need Node 22" notice
    // would print on every run. A user who sets the variable keeps their own choice.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
    return new S3ReportSource(spec, new S3Client(s3ClientConfig(options)), options);
  }

  list(): AsyncIterable<ReportRef> {
    return inCodePointOrder(this.pages(), this.uri);
  }

  private async *pages(): AsyncGenerator<ReportRef> {
    const { bucket, prefix } = this.spec;
    let token: string | undefined;
    do {
      let page;
      try {
        page = await this.client.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            ...(prefix === "" ? {} : { Prefix: prefix }),
            ...(this.options.pageSize === undefined ? {} : { MaxKeys: this.options.pageSize }),
            ...(token === undefined ? {} : { ContinuationToken: token }),
          }),
        );
      } catch (err) {
        throw new ScoutgraphError("SOURCE", `Cannot list ${this.uri}: ${describeS3Error(err)}.`, { subject: this.uri, cause: err });
      }
      for (const object of page.Contents ?? []) {
        const key = object.Key;
        if (key === undefined || key.endsWith("/")) continue;
        const ref: ReportRef = { uri: `s3://${bucket}/${key}`, name: key };
        if (object.Size !== undefined) ref.size = object.Size;
        if (object.LastModified !== undefined) ref.modified = Math.floor(object.LastModified.getTime() / 1000);
        yield tooLargeRef(ref, this.options.maxReportBytes);
      }
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }

  async read(ref: ReportRef): Promise<Buffer> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.spec.bucket, Key: ref.name }));
      const body = object.Body as AsyncIterable<Uint8Array> | undefined;
      if (body === undefined) return Buffer.alloc(0);
      return await readCapped(body, this.options.maxReportBytes, ref.uri, "S3");
    } catch (err) {
      if (err instanceof ScoutgraphError) throw err;
      throw new ScoutgraphError("READ", `Failed to read S3 report ${ref.uri}: ${describeS3Error(err)}.`, { subject: ref.uri, cause: err });
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
