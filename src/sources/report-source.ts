// The ReportSource port: where reports live. One adapter per backend (local, s3, gcs, azblob).
export interface ReportRef {
  /** Provenance used in logs and errors, e.g. `s3://bucket/key` or a local path. */
  uri: string;
  /** Backend key relative to the source root; reports are processed in code-point order of it. */
  name: string;
  /** Size in bytes when the listing knows it. */
  size?: number;
}

export interface ReportSource {
  /** The canonical source URI, e.g. `s3://bucket/prefix`. */
  readonly uri: string;
  /** Every candidate report, in ascending code-point order of `name`, streamed. */
  list(): AsyncIterable<ReportRef>;
  /** The whole object; rejects with a ScoutgraphError naming `ref.uri` when it cannot be read. */
  read(ref: ReportRef): Promise<Buffer>;
  close(): Promise<void>;
}
