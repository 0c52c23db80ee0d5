// The ReportSource contract against a real GCS emulator (fake-gcs-server over http). The emulator
// does not check credentials, so "bad credentials" is exercised against the client's real
// Application Default Credentials path instead (see gcs-credentials.test.ts).
import { openReportSource } from "../../src/sources/registry.js";
import { GCS_SERVER, createGcsBucket, setEnv } from "../support/object-stores.js";
import { describeReportSourceContract } from "./report-source-contract.js";

// The endpoint is passed as an option (STORAGE_EMULATOR_HOST would pin every request to the emulator itself).
setEnv({ STORAGE_EMULATOR_HOST: undefined, GOOGLE_APPLICATION_CREDENTIALS: undefined });

describeReportSourceContract({
  name: "gcs",
  createBucket: (objects) => createGcsBucket(objects),
  sourceString: (bucket, prefix) => (prefix === "" ? `gs://${bucket}` : `gs://${bucket}/${prefix}`),
  open: (source, options, endpoint) => openReportSource(source, { ...options, endpoint: endpoint ?? GCS_SERVER.endpoint }),
  missingWords: /bucket does not exist/,
  keyPrefixes: true,
  endpoint: GCS_SERVER.endpoint,
});
