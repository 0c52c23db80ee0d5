#!/usr/bin/env node
// Writes docs/schema.md from the compiled schema (run `npm run build` first; `npm run docs:schema` does both).
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { renderSchemaDoc } = await import(pathToFileURL(join(root, "dist", "src", "graph", "schema-doc.js")).href);
const target = join(root, "docs", "schema.md");
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderSchemaDoc());
console.log(`wrote ${target}`);
