// Paths to the sample reports copied into the project (test/fixtures/reports) and to the built CLI.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The repository root, whether this runs from test/ or from dist/test/. */
export const REPO_ROOT = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
export const FIXTURE_REPORTS_DIR = join(REPO_ROOT, "test", "fixtures", "reports");
/** Report files as they reach a folder in practice: encodings, several reports, damage, truncation. */
export const IN_PRACTICE_DIR = join(REPO_ROOT, "test", "fixtures", "reports-in-practice");
export const EXAMPLES_DIR = join(REPO_ROOT, "examples", "reports");
export const CLI_PATH = join(REPO_ROOT, "dist", "src", "cli", "main.js");
