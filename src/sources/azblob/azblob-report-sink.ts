// Writes reports to Azure Blob Storage with one Put Blob each (a single-request upload commits the
// whole blob at once). scan's record rides along as blob metadata (`scoutgraphscan`). Needs the
// Storage Blob Data Contributor role (read, write), or a SAS with read, create and write.
import type { ContainerClient } from "@azure/storage-blob";
import { ScoutgraphError } from "../../errors.js";
import type { ResolvedSourceOptions } from "../options.js";
import { fromMetadataValue, keyUnder, METADATA_KEY, toMetadataValue, type ReportSink, type StoredReport } from "../report-sink.js";
import type { CloudSourceSpec } from "../source-spec.js";
import { createBlobServiceClient } from "./azblob-client.js";
import { describeAzureError } from "./azblob-errors.js";

export class AzblobReportSink implements ReportSink {
  readonly uri: string;

  private constructor(
    private readonly spec: CloudSourceSpec,
    private readonly container: ContainerClient,
  ) {
    this.uri = spec.uri;
  }

  static async open(spec: CloudSourceSpec, options: ResolvedSourceOptions): Promise<AzblobReportSink> {
    const service = await createBlobServiceClient(spec.account ?? "", spec.uri, options);
    return new AzblobReportSink(spec, service.getContainerClient(spec.bucket));
  }

  uriOf(name: string): string {
    return `azblob://${this.spec.account ?? ""}/${this.spec.bucket}/${keyUnder(this.spec.prefix, name)}`;
  }

  async stat(name: string): Promise<StoredReport | undefined> {
    try {
      const props = await this.container.getBlockBlobClient(keyUnder(this.spec.prefix, name)).getProperties();
      return { modified: props.lastModified ?? new Date(0), metadata: fromMetadataValue(props.metadata?.[METADATA_KEY]) };
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 404) return undefined;
      throw new ScoutgraphError("SOURCE", `Cannot read ${this.uriOf(name)}: ${describeAzureError(err)}.`, { subject: this.uriOf(name), cause: err });
    }
  }

  async put(name: string, body: Buffer, metadata: string): Promise<void> {
    try {
      await this.container.getBlockBlobClient(keyUnder(this.spec.prefix, name)).upload(body, body.length, {
        blobHTTPHeaders: { blobContentType: "text/plain; charset=utf-8" },
        metadata: { [METADATA_KEY]: toMetadataValue(metadata) },
      });
    } catch (err) {
      throw new ScoutgraphError("SOURCE", `Cannot write ${this.uriOf(name)}: ${describeAzureError(err)}.`, { subject: this.uriOf(name), cause: err });
    }
  }

  async close(): Promise<void> {}
}
