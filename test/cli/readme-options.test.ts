import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { optionsTableMarkdown, withOptionsTable } from "../../src/cli/options-table.js";
import { OPTIONS, envVarOf } from "../../src/cli/options.js";
import { REPO_ROOT } from "../support/fixtures.js";

test("the README's option table is the one generated from src/cli/options.ts", () => {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  assert.equal(withOptionsTable(readme), readme, "stale: run `npm run build && node scripts/gen-readme-options.mjs`");
});

test("the generated table has one row per option with its environment variable", () => {
  const table = optionsTableMarkdown();
  for (const def of OPTIONS) assert.ok(table.includes(`\`${envVarOf(def)}\``), def.long);
  assert.equal(table.split("\n").filter((l) => l.startsWith("| `")).length, OPTIONS.length);
});
