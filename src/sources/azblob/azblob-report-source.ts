// Reports in an Azure Blob Storage container: blobs listed page by page (flat), downloaded as
// streams under the size cap.
import type { BlobServiceClient, ContainerClient } from "@azure/storage-blob";
import { ScoutgraphError } from "../../errors.js";
import { readCapped, tooLargeRef } from "../capped-read.js";
import { inCodePointOrder } from "../cloud-list.js";
import type { ResolvedSourceOptions } from "../options.js";
import type { ReportRef, ReportSource } from "../report-source.js";
import type { CloudSourceSpec } from "../source-spec.js";
import { createBlobServiceClient } from "./azblob-client.js";
import { describeAzureError } from "./azblob-errors.js";

export class AzureBlobReportSource implements ReportSource {
  readonly uri: string;
  private readonly container: ContainerClient;

  private constructor(
    private readonly spec: CloudSourceSpec,
    service: BlobServiceClient,
    private readonly options: ResolvedSourceOptions,
  ) {
    this.uri = spec.uri;
    this.container = service.getContainerClient(spec.bucket);
  }

  static async open(spec: CloudSourceSpec, options: ResolvedSourceOptions): Promise<AzureBlobReportSource> {
    const service = await createBlobServiceClient(spec.account ?? "", spec.uri, options);
    return new AzureBlobReportSource(spec, service, options);
  }

  list(): AsyncIterable<ReportRef> {
    return inCodePointOrder(this.pages(), this.uri);
  }

  private async *pages(): AsyncGenerator<ReportRef> {
    const base = `azblob://${this.spec.account ?? ""}/${this.spec.bucket}`;
    const pages = this.container
      .listBlobsFlat(this.spec.prefix === "" ? {} : { prefix: this.spec.prefix })
      .byPage(this.options.pageSize === undefined ? {} : { maxPageSize: this.options.pageSize });
    for (;;) {
      let page;
      try {
        page = await pages.next();
      } catch (err) {
        throw new ScoutgraphError("SOURCE", `Cannot list ${this.uri}: ${describeAzureError(err)}.`, { subject: this.uri, cause: err });
      }
      if (page.done === true) return;
      for (const blob of page.value.segment.blobItems) {
        if (blob.name.endsWith("/")) continue;
        const ref: ReportRef = { uri: `${base}/${blob.name}`, name: blob.name };
        if (blob.properties.contentLength !== undefined) ref.size = blob.properties.contentLength;
        if (blob.properties.lastModified !== undefined) ref.modified = Math.floor(blob.properties.lastModified.getTime() / 1000);
        yield tooLargeRef(ref, this.options.maxReportBytes);
      }
    }
  }

  async read(ref: ReportRef): Promise<Buffer> {
    try {
      const response = await this.container.getBlobClient(ref.name).download();
      const body = response.readableStreamBody as AsyncIterable<Uint8Array> | undefined;
      if (body === undefined) return Buffer.alloc(0);
      return await readCapped(body, this.options.maxReportBytes, ref.uri, "Azure Blob");
    } catch (err) {
      if (err instanceof ScoutgraphError) throw err;
      throw new ScoutgraphError("READ", `Failed to read Azure Blob report ${ref.uri}: ${describeAzureError(err)}.`, { subject: ref.uri, cause: err });
    }
  }

  async close(): Promise<void> {}
}
