#!/usr/bin/env node
// Regenerates the option table in README.md from src/cli/options.ts (via the build in dist/).
// Run `npm run build && node scripts/gen-readme-options.mjs`; `--check` exits 1 when it is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { withOptionsTable } = await import(join(root, "dist", "src", "cli", "options-table.js"));
const path = join(root, "README.md");
const current = readFileSync(path, "utf8");
const next = withOptionsTable(current);
if (process.argv.includes("--check")) {
  if (next !== current) {
    console.error("README.md's option table is stale: run `npm run build && node scripts/gen-readme-options.mjs`.");
    process.exit(1);
  }
} else if (next !== current) {
  writeFileSync(path, next);
  console.log("README.md: option table updated.");
}
