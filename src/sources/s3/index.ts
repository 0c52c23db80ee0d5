// The S3 backend descriptor: `s3://bucket/prefix`. The SDK is loaded only when a source is opened.
import type { CloudBackend } from "../backend.js";
import { splitBucketAndPrefix } from "../source-spec.js";

export const s3Backend: CloudBackend = {
  scheme: "s3",
  label: "S3",
  parse: (rest) => splitBucketAndPrefix("s3", rest, "S3"),
  open: async (spec, options) => {
    const { S3ReportSource } = await import("./s3-report-source.js");
    return S3ReportSource.open(spec, options);
  },
};
