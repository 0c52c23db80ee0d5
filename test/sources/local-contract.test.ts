// The ReportSource contract against the local filesystem adapter.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { openReportSource } from "../../src/sources/registry.js";
import { describeReportSourceContract } from "./report-source-contract.js";

describeReportSourceContract({
  name: "local",
  async createBucket(objects) {
    const root = await mkdtemp(join(tmpdir(), "scoutgraph-local-"));
    for (const [key, body] of Object.entries(objects)) {
      const path = join(root, key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, body);
    }
    return root;
  },
  sourceString: (root, prefix) => join(root, prefix),
  open: (source, options) => openReportSource(source, options),
  missingWords: /does not exist/,
});
