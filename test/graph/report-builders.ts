// Small builders of ParsedReport values for the graph tests, and the parsed fixture reports.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isParsed, parseReport } from "../../src/report/index.js";
import type { BaseImage, ParsedReport, Recommendation, VulnerabilityCounts } from "../../src/report/types.js";
import { FIXTURE_REPORTS_DIR } from "../support/fixtures.js";

export function counts(critical = 0, high = 0, medium = 0, low = 0): VulnerabilityCounts {
  return { critical, high, medium, low };
}

export function baseImage(overrides: Partial<BaseImage> = {}): BaseImage {
  return {
    name: "node",
    tag: "22-alpine",
    digest: "sha256:" + "a".repeat(64),
    vulnerabilities: counts(),
    size: "50 MB",
    flavor: "alpine",
    os: "3.21",
    runtime: "22",
    alternative_tags: [],
    ref_tag: overrides.tag ?? "22-alpine",
    slim: false,
    pushed: null,
    packages: null,
    ...overrides,
  };
}

export function recommendation(overrides: Partial<Recommendation> = {}): Recommendation {
  return {
    section: "change",
    tag: "22-slim",
    alternative_tags: [],
    benefits: ["Tag is preferred tag"],
    vulnerabilities: counts(),
    size: "60 MB",
    flavor: null,
    os: null,
    runtime: "22",
    slim: false,
    pushed: null,
    ...overrides,
  };
}

export function report(overrides: { image?: string; digest?: string | null; base?: BaseImage | null; recommendations?: Recommendation[] } = {}): ParsedReport {
  return {
    target: { image: overrides.image ?? "registry.example.test/app:1.0", digest: overrides.digest === undefined ? "5798b274cbad" : overrides.digest },
    base_image: overrides.base === undefined ? baseImage() : overrides.base,
    recommendations: overrides.recommendations ?? [],
    is_report: true,
  };
}

/** A fixture report parsed by the project's parser; `edit` changes the text first. */
export function parsedFixture(name: string, edit: (text: string) => string = (t) => t): ParsedReport {
  const text = edit(readFileSync(join(FIXTURE_REPORTS_DIR, `${name}.txt`), "utf8"));
  const result = parseReport(text);
  if (!isParsed(result)) throw new Error(`fixture ${name} did not parse`);
  return result;
}

/** Cartography's MOCK_GITLAB_RECOMMENDATION_RAW: the ECR sample with the GitLab digest. */
export function cartographyGitlabSample(): ParsedReport {
  return parsedFixture("cartography-sample", (t) => t.replace("ecr000000000000", "gl00000000000000"));
}

export const BASE_ALTERNATIVE_TAGS = ["25-alpine3.23", "alpine", "alpine3.23", "current-alpine", "current-alpine3.23"];
export const NODE_25_ALPINE_TAGS = [...BASE_ALTERNATIVE_TAGS, "25.8.1-alpine", "25.8.1-alpine3.23", "25.8-alpine", "25.8-alpine3.23"];
export const SLIM_TAGS = [
  "25.8.1-slim",
  "25.8-slim",
  "current-slim",
  "25-slim",
  "bookworm-slim",
  "25-bookworm-slim",
  "25.8-bookworm-slim",
  "25.8.1-bookworm-slim",
  "current-bookworm-slim",
];
export const BENEFITS_25_ALPINE = [
  "Same OS detected",
  "Minor runtime version update",
  "Newer image for same tag",
  "Image contains 9 fewer packages",
  "Tag was pushed more recently",
  "Image has similar size",
  "Image introduces no new vulnerability but removes 2",
];
export const BENEFITS_SLIM = ["Tag is preferred tag", "Tag was pushed more recently", "Tag is using slim variant", "slim was pulled 17K times last month"];
