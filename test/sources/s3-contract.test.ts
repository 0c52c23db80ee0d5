// The ReportSource contract against a real S3-compatible server (versitygw, which checks SigV4).
import { openReportSource } from "../../src/sources/registry.js";
import { S3_SERVER, createS3Bucket, s3Env, setEnv, withEnv } from "../support/object-stores.js";
import { describeReportSourceContract } from "./report-source-contract.js";

// The SDK reads credentials when a request is made, so they are set for the whole file.
setEnv(s3Env());

describeReportSourceContract({
  name: "s3",
  createBucket: (objects) => createS3Bucket(objects),
  sourceString: (bucket, prefix) => (prefix === "" ? `s3://${bucket}` : `s3://${bucket}/${prefix}`),
  open: (source, options, endpoint) => openReportSource(source, { ...options, endpoint: endpoint ?? S3_SERVER.endpoint }),
  missingWords: /bucket does not exist/,
  keyPrefixes: true,
  endpoint: S3_SERVER.endpoint,
  withBadCredentials: (fn) => withEnv(s3Env("not-the-secret"), fn),
});
