// Writes reports to Google Cloud Storage with one non-resumable upload each (a single request:
// the object appears whole or not at all). scan's record rides along as custom metadata
// (`scoutgraphscan`). Needs storage.objects.create, storage.objects.get, and
// storage.objects.delete to replace an existing report (Storage Object User, or Creator + Viewer
// when reports are never replaced).
import { Storage, type Bucket } from "@google-cloud/storage";
import { ScoutgraphError } from "../../errors.js";
import type { ResolvedSourceOptions } from "../options.js";
import { fromMetadataValue, keyUnder, METADATA_KEY, toMetadataValue, type ReportSink, type StoredReport } from "../report-sink.js";
import type { CloudSourceSpec } from "../source-spec.js";
import { describeGcsError } from "./gcs-errors.js";
import { gcsEndpoint, gcsStorageOptions } from "./gcs-report-source.js";

export class GcsReportSink implements ReportSink {
  readonly uri: string;

  private constructor(
    private readonly spec: CloudSourceSpec,
    private readonly bucket: Bucket,
  ) {
    this.uri = spec.uri;
  }

  static async open(spec: CloudSourceSpec, options: ResolvedSourceOptions): Promise<GcsReportSink> {
    const endpoint = gcsEndpoint(options);
    const storage = new Storage(gcsStorageOptions(options, endpoint));
    if (endpoint !== undefined) storage.baseUrl = `${endpoint}/storage/v1`;
    return new GcsReportSink(spec, storage.bucket(spec.bucket));
  }

  uriOf(name: string): string {
    return `gs://${this.spec.bucket}/${keyUnder(this.spec.prefix, name)}`;
  }

  async stat(name: string): Promise<StoredReport | undefined> {
    try {
      const [meta] = await this.bucket.file(keyUnder(this.spec.prefix, name)).getMetadata();
      const custom = meta.metadata?.[METADATA_KEY];
      return { modified: new Date(meta.updated ?? meta.timeCreated ?? 0), metadata: fromMetadataValue(custom) };
    } catch (err) {
      if ((err as { code?: unknown }).code === 404) return undefined;
      throw new ScoutgraphError("SOURCE", `Cannot read ${this.uriOf(name)}: ${describeGcsError(err, "read")}.`, { subject: this.uriOf(name), cause: err });
    }
  }

  async put(name: string, body: Buffer, metadata: string): Promise<void> {
    try {
      await this.bucket.file(keyUnder(this.spec.prefix, name)).save(body, {
        resumable: false,
        contentType: "text/plain; charset=utf-8",
        metadata: { metadata: { [METADATA_KEY]: toMetadataValue(metadata) } },
      });
    } catch (err) {
      throw new ScoutgraphError("SOURCE", `Cannot write ${this.uriOf(name)}: ${describeGcsError(err, "read")}.`, { subject: this.uriOf(name), cause: err });
    }
  }

  async close(): Promise<void> {}
}
