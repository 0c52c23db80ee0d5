// Reports in a Google Cloud Storage bucket: objects listed page by page, read as streams under the
// size cap. Credentials are Application Default Credentials; STORAGE_EMULATOR_HOST (or the
// `endpoint` option) points the client at an emulator, which needs no credentials.
import { Storage, type Bucket, type GetFilesResponse, type StorageOptions } from "@google-cloud/storage";
import { ScoutgraphError } from "../../errors.js";
import { readCapped, tooLargeRef } from "../capped-read.js";
import { inCodePointOrder } from "../cloud-list.js";
import type { ResolvedSourceOptions } from "../options.js";
import type { ReportRef, ReportSource } from "../report-source.js";
import type { CloudSourceSpec } from "../source-spec.js";
import { describeGcsError } from "./gcs-errors.js";

/**
 * The emulator or custom endpoint, as `http(s)://host:port`: the `endpoint` option, else
 * STORAGE_EMULATOR_HOST written the way the Go and Python clients take it (`host:port` or
 * `http://host:port`, with or without `/storage/v1`).
 */
export function gcsEndpoint(options: ResolvedSourceOptions, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = options.endpoint ?? env.STORAGE_EMULATOR_HOST;
  if (raw === undefined || raw.trim() === "") return undefined;
  const withScheme = /^[a-z]+:\/\//i.test(raw) ? raw.trim() : `http://${raw.trim()}`;
  return withScheme.replace(/\/+$/, "").replace(/\/storage\/v1$/, "");
}

export function gcsStorageOptions(options: ResolvedSourceOptions, endpoint: string | undefined): StorageOptions {
  const retries = options.maxAttempts - 1;
  return {
    ...(endpoint === undefined ? {} : { apiEndpoint: endpoint }),
    // Retries 408, 429, 5xx and connection resets with exponential backoff.
    retryOptions: retries > 0 ? { autoRetry: true, maxRetries: retries, totalTimeout: 120 } : { autoRetry: false },
  };
}

export class GcsReportSource implements ReportSource {
  readonly uri: string;
  private readonly bucket: Bucket;

  private constructor(
    private readonly spec: CloudSourceSpec,
    storage: Storage,
    private readonly options: ResolvedSourceOptions,
  ) {
    this.uri = spec.uri;
    this.bucket = storage.bucket(spec.bucket);
  }

  static async open(spec: CloudSourceSpec, options: ResolvedSourceOptions): Promise<GcsReportSource> {
    const endpoint = gcsEndpoint(options);
    const storage = new Storage(gcsStorageOptions(options, endpoint));
    // The Node client uses STORAGE_EMULATOR_HOST verbatim as its JSON API base, without the
    // `/storage/v1` path other clients add (and emulators expect).
    if (endpoint !== undefined) storage.baseUrl = `${endpoint}/storage/v1`;
    return new GcsReportSource(spec, storage, options);
  }

  list(): AsyncIterable<ReportRef> {
    return inCodePointOrder(this.pages(), this.uri);
  }

  private async *pages(): AsyncGenerator<ReportRef> {
    let pageToken: string | undefined;
    do {
      let response: GetFilesResponse;
      try {
        response = await this.bucket.getFiles({
          autoPaginate: false,
          ...(this.spec.prefix === "" ? {} : { prefix: this.spec.prefix }),
          ...(this.options.pageSize === undefined ? {} : { maxResults: this.options.pageSize }),
          ...(pageToken === undefined ? {} : { pageToken }),
        });
      } catch (err) {
        throw new ScoutgraphError("SOURCE", `Cannot list ${this.uri}: ${describeGcsError(err, "list")}.`, { subject: this.uri, cause: err });
      }
      const [files, nextQuery] = response;
      for (const file of files) {
        if (file.name.endsWith("/")) continue;
        const ref: ReportRef = { uri: `gs://${this.spec.bucket}/${file.name}`, name: file.name };
        const size = Number(file.metadata.size);
        if (file.metadata.size !== undefined && Number.isFinite(size)) ref.size = size;
        const updated = Date.parse(String(file.metadata.updated ?? ""));
        if (Number.isFinite(updated)) ref.modified = Math.floor(updated / 1000);
        yield tooLargeRef(ref, this.options.maxReportBytes);
      }
      pageToken = (nextQuery as { pageToken?: string } | null | undefined)?.pageToken;
    } while (pageToken !== undefined);
  }

  async read(ref: ReportRef): Promise<Buffer> {
    try {
      return await readCapped(this.bucket.file(ref.name).createReadStream(), this.options.maxReportBytes, ref.uri, "GCS");
    } catch (err) {
      if (err instanceof ScoutgraphError) throw err;
      throw new ScoutgraphError("READ", `Failed to read GCS report ${ref.uri}: ${describeGcsError(err, "read")}.`, { subject: ref.uri, cause: err });
    }
  }

  async close(): Promise<void> {}
}
