// The contract's §10 seed (test/fixtures/context) in a real Neo4j, plus Docker Scout reports whose
// digests match its images: payments-api's multi-arch index (a0, the ImageManifestList: it links
// the platform images amd64 a1 and arm64 a2), web-frontend (c1) and the internal python-base (b1),
// both platform digests; batch-worker (d1) runs but has no report. python-base's report file is 30
// days old (for --max-age).
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { REPO_ROOT } from "../../support/fixtures.js";

const CONTEXT_DIR = join(REPO_ROOT, "test", "fixtures", "context");
const FLEET_DIR = join(REPO_ROOT, "test", "fixtures", "fleet");
export const ECR = "000000000000.dkr.ecr.us-east-1.amazonaws.com";
export const digest = (pair: string): string => `sha256:${pair.repeat(32)}`;

/** The statements of a seed file: split on `;` at a line end, `//` comment lines dropped. */
export function seedStatements(file: string): string[] {
  const text = readFileSync(join(CONTEXT_DIR, file), "utf8")
    .split("\n")
    .filter((l) => !l.trimStart().startsWith("//"))
    .join("\n");
  return text
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Block A then block B into an (empty) database: exactly the graph Cartography wrote (contract §10). */
export async function loadSeed(driver: Driver): Promise<void> {
  for (const file of ["seed-block-a.cypher", "seed-block-b.cypher"]) {
    for (const statement of seedStatements(file)) await driver.executeQuery(statement);
  }
}

export interface ContextReport {
  file: string;
  template: string;
  target: string;
  digest: string;
  ageDays?: number;
}

/** Reports whose target digests (Docker Scout's 12-hex short form) prefix the seed's images. */
export const CONTEXT_REPORTS: ContextReport[] = [
  { file: "payments-api.txt", template: "api.txt", target: `${ECR}/payments-api:1.4.2`, digest: "a0a0a0a0a0a0" },
  { file: "python-base.txt", template: "jobs.txt", target: `${ECR}/platform/python-base:3.12`, digest: "b1b1b1b1b1b1", ageDays: 30 },
  { file: "web-frontend.txt", template: "web-a.txt", target: `${ECR}/web-frontend:2.0.0`, digest: "c1c1c1c1c1c1" },
];

/** Write the reports into `dir` (from the fleet fixtures, target and digest replaced). */
export function writeContextReports(dir: string, reports: readonly ContextReport[] = CONTEXT_REPORTS): void {
  mkdirSync(dir, { recursive: true });
  for (const r of reports) {
    const text = readFileSync(join(FLEET_DIR, r.template), "utf8")
      .replace(/(Target {3}│ {2})\S+/, `$1${r.target}`)
      .replace(/(digest │ {2})\S+/, `$1${r.digest}`);
    const path = join(dir, r.file);
    writeFileSync(path, text);
    if (r.ageDays !== undefined) {
      const when = new Date(Date.now() - r.ageDays * 86_400_000);
      utimesSync(path, when, when);
    }
  }
}
