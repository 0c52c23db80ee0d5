// The Google Cloud Storage backend descriptor: `gs://bucket/prefix`. The SDK is loaded only when a
// source is opened.
import type { CloudBackend } from "../backend.js";
import { splitBucketAndPrefix } from "../source-spec.js";

export const gcsBackend: CloudBackend = {
  scheme: "gs",
  label: "GCS",
  parse: (rest) => splitBucketAndPrefix("gs", rest, "GCS"),
  open: async (spec, options) => {
    const { GcsReportSource } = await import("./gcs-report-source.js");
    return GcsReportSource.open(spec, options);
  },
};
