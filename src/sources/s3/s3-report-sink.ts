// Writes reports to S3 (or an S3-compatible store) with one PutObject each: S3 makes an object
// visible whole or not at all. scan's record rides along as user metadata (x-amz-meta-scoutgraphscan),
// so no second object appears under the prefix for `sync` to list. Needs s3:PutObject and
// s3:GetObject (HeadObject), plus s3:ListBucket so that a missing report is a 404, not a 403.
import { HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { ScoutgraphError } from "../../errors.js";
import type { ResolvedSourceOptions } from "../options.js";
import { fromMetadataValue, keyUnder, METADATA_KEY, toMetadataValue, type ReportSink, type StoredReport } from "../report-sink.js";
import type { CloudSourceSpec } from "../source-spec.js";
import { describeS3Error } from "./s3-errors.js";
import { s3ClientConfig } from "./s3-report-source.js";

export class S3ReportSink implements ReportSink {
  readonly uri: string;

  private constructor(
    private readonly spec: CloudSourceSpec,
    private readonly client: S3Client,
  ) {
    this.uri = spec.uri;
  }

  static async open(spec: CloudSourceSpec, options: ResolvedSourceOptions): Promise<S3ReportSink> {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
    return new S3ReportSink(spec, new S3Client(s3ClientConfig(options)));
  }

  uriOf(name: string): string {
    return `s3://${this.spec.bucket}/${keyUnder(this.spec.prefix, name)}`;
  }

  async stat(name: string): Promise<StoredReport | undefined> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.spec.bucket, Key: keyUnder(this.spec.prefix, name) }));
      return { modified: head.LastModified ?? new Date(0), metadata: fromMetadataValue(head.Metadata?.[METADATA_KEY]) };
    } catch (err) {
      if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
      throw new ScoutgraphError("SOURCE", `Cannot read ${this.uriOf(name)}: ${describeS3Error(err)}.`, { subject: this.uriOf(name), cause: err });
    }
  }

  async put(name: string, body: Buffer, metadata: string): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.spec.bucket,
          Key: keyUnder(this.spec.prefix, name),
          Body: body,
          ContentType: "text/plain; charset=utf-8",
          Metadata: { [METADATA_KEY]: toMetadataValue(metadata) },
        }),
      );
    } catch (err) {
      throw new ScoutgraphError("SOURCE", `Cannot write ${this.uriOf(name)}: ${describeS3Error(err)}.`, { subject: this.uriOf(name), cause: err });
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
