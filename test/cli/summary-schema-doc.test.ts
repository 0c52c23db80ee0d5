// docs/operations.md documents the summary JSON: its table must list exactly the fields a real
// summary has, and the version the code writes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SummaryRecorder } from "../../src/sync/summary.js";
import { REPO_ROOT } from "../support/fixtures.js";

test("the summary JSON table in docs/operations.md matches the summary the code writes", () => {
  const doc = readFileSync(join(REPO_ROOT, "docs", "operations.md"), "utf8");
  const section = doc.slice(doc.indexOf("## Summary JSON"));
  assert.ok(section.length > 20, "docs/operations.md has a Summary JSON section");
  const documented = [...section.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]).sort();
  const summary = new SummaryRecorder("src", "store", 1).finish("failed", { code: "STORE", message: "x" });
  assert.deepEqual(documented, Object.keys(summary).sort());
  assert.match(section, new RegExp(`Version ${summary.schemaVersion} has these top-level fields`));
  assert.match(section, new RegExp(`\\| \`schemaVersion\` \\| ${summary.schemaVersion} \\|`));
});
