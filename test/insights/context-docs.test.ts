// docs/cartography-context.md shows the Cypher each report section uses: every query of
// src/insights/context/context-queries.ts, verbatim.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as queries from "../../src/insights/context/context-queries.js";
import { REPO_ROOT } from "../support/fixtures.js";

test("docs/cartography-context.md carries every context query verbatim", () => {
  const doc = readFileSync(join(REPO_ROOT, "docs", "cartography-context.md"), "utf8");
  const all = Object.entries(queries).filter(([, v]) => typeof v === "string");
  assert.ok(all.length >= 9);
  for (const [name, cypher] of all) assert.ok(doc.includes(`\`\`\`cypher\n${(cypher as string).trim()}\n\`\`\``), `${name} is not in the doc`);
});
