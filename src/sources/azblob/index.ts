// The Azure Blob Storage backend descriptor: `azblob://account/container/prefix`. The SDK is
// loaded only when a source is opened.
import type { CloudBackend } from "../backend.js";
import { usageError, withPrefix } from "../source-spec.js";

const SHAPE = "Azure Blob report source must look like azblob://<account>/<container>/<prefix>.";

export const azblobBackend: CloudBackend = {
  scheme: "azblob",
  label: "Azure Blob",
  parse: (rest) => {
    const [account = "", container = "", ...prefixParts] = rest.split("/");
    if (account === "" || container === "") throw usageError(SHAPE);
    return withPrefix({ scheme: "azblob", account, bucket: container }, prefixParts.join("/"), `azblob://${account}/${container}`);
  },
  open: async (spec, options) => {
    const { AzureBlobReportSource } = await import("./azblob-report-source.js");
    return AzureBlobReportSource.open(spec, options);
  },
};
