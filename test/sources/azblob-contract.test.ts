// The ReportSource contract against Azurite (blob service), which checks Shared Key signatures.
import { openReportSource } from "../../src/sources/registry.js";
import { AZURITE, createAzureContainer, setEnv, withEnv } from "../support/object-stores.js";
import { describeReportSourceContract } from "./report-source-contract.js";

setEnv({ AZURE_STORAGE_CONNECTION_STRING: undefined, AZURE_STORAGE_KEY: AZURITE.key, AZURE_STORAGE_BLOB_ENDPOINT: undefined });

describeReportSourceContract({
  name: "azblob",
  createBucket: (objects) => createAzureContainer(objects),
  sourceString: (container, prefix) => (prefix === "" ? `azblob://${AZURITE.account}/${container}` : `azblob://${AZURITE.account}/${container}/${prefix}`),
  open: (source, options, endpoint) => openReportSource(source, { ...options, endpoint: endpoint ?? AZURITE.endpoint }),
  missingWords: /container does not exist/,
  keyPrefixes: true,
  endpoint: AZURITE.endpoint,
  withBadCredentials: (fn) => withEnv({ AZURE_STORAGE_KEY: Buffer.from("not the account key").toString("base64") }, fn),
});
