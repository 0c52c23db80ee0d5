// Targeted cases for the parser beyond the sample files: header forms, malformed reports, image
// references, wrapped benefits, empty cells, line endings.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { splitImageRef } from "../../src/report/cells.js";
import { parseReport } from "../../src/report/parse-report.js";
import { isMalformed, isParsed, type ParsedReport } from "../../src/report/types.js";

const REPORT = [
  "  Target   │  registry.example.test:5000/team/app:1.2.3",
  "    digest │  0123456789ab",
  "",
  "## Recommended fixes",
  "",
  "  Base image is  node:22-alpine",
  "",
  "  Name            │  22-alpine",
  "  Digest          │  sha256:aaaa",
  "  Vulnerabilities │    1C     6H     2M     1L",
  "  Size            │ 59 MB",
  "",
  "Refresh base image",
  "  Rebuild the image using a newer base image version.",
  "",
  "   Tag    │ Details │ Pushed │ Vulnerabilities",
  "──────────┼─────────┼────────┼────────────────",
  "   22-alpine          │ Benefits:                       │ 2 days ago │    0C     4H     2M     1L",
  "  Newer image         │ • Same OS detected              │            │   -1     -2",
  "  Also known as:      │ • Image introduces no new       │            │",
  "  • 22.1-alpine       │   vulnerability but removes 2   │            │",
  "                      │ • Tag was pushed more recently  │            │",
  "                      │                                 │            │",
  "                      │ Image details:                  │            │",
  "                      │ • Size: 60 MB                   │            │",
  "                      │ • Flavor:                       │            │",
  "                      │ • Slim: v                       │            │",
  "   slim               │ Benefits:                       │            │",
  "                      │ • Tag is using slim variant     │            │",
  "                      │ Image details:                  │            │",
  "                      │ • Size: 20 MB                   │            │",
].join("\n");

/** Docker Scout always prints a section; short texts get an up-to-date one so they are complete. */
const UP_TO_DATE = "\nRefresh base image\n  ✓ This image version is up to date.\n";

function parsed(text: string): ParsedReport {
  const result = parseReport(text.includes("Refresh base image") ? text : text + UP_TO_DATE);
  assert.ok(isParsed(result), `expected a parsed report, got ${JSON.stringify(result)}`);
  return result;
}

describe("parseReport", () => {
  test("reads target, base and recommendations of a compact report", () => {
    const r = parsed(REPORT);
    assert.deepEqual(r.target, { image: "registry.example.test:5000/team/app:1.2.3", digest: "0123456789ab" });
    assert.equal(r.base_image?.name, "node");
    assert.deepEqual(r.base_image?.vulnerabilities, { critical: 1, high: 6, medium: 2, low: 1 });
    assert.deepEqual(r.recommendations.map((x) => x.tag), ["22-alpine", "slim"]);
  });

  test("joins a wrapped benefit with a space (D8) and keeps the next bullet separate", () => {
    const [first] = parsed(REPORT).recommendations;
    assert.deepEqual(first?.benefits, ["Same OS detected", "Image introduces no new vulnerability but removes 2", "Tag was pushed more recently"]);
    assert.deepEqual(first?.alternative_tags, ["22.1-alpine"]);
  });

  test("an empty detail is absent (D3), `v` reads as a check mark, an empty vulnerability cell is all zeros", () => {
    const [first, second] = parsed(REPORT).recommendations;
    assert.equal(first?.flavor, null);
    assert.equal(first?.size, "60 MB");
    assert.equal(first?.slim, true);
    assert.equal(second?.pushed, null);
    assert.deepEqual(second?.vulnerabilities, { critical: 0, high: 0, medium: 0, low: 0 });
  });

  test("text without the header is not a report, even with Target and Base image rows", () => {
    const cves = "  Target            │  app:1\n    digest          │  0123456789ab\n  Base image        │  ruby:3.2\n";
    assert.deepEqual(parseReport(cves), { target: null, base_image: null, recommendations: [], is_report: false });
    assert.equal(parseReport("").is_report, false);
    assert.equal(parseReport("Recommended fixes are great").is_report, false);
  });

  test("the header counts after ANSI codes are removed", () => {
    const r = parseReport("  Target │ a:1\n    digest │ 0123456789ab\n\x1b[1;38;5;75m## Recommended fixes\x1b[0m\n  Base image is  \x1b[38;5;209m node:22 \x1b[0m\n  Digest │ sha256:bb\n" + UP_TO_DATE);
    assert.ok(isParsed(r));
    assert.equal(r.base_image?.tag, "22");
  });

  test("a header without a Target line is malformed", () => {
    const r = parseReport("## Recommended fixes\n\n  Base image is  node:22\n");
    assert.ok(isMalformed(r));
    assert.match(r.error, /Target/);
    assert.equal(r.target, null);
  });

  test("a report cut before `Base image is` is malformed, keeping its target", () => {
    const truncated = REPORT.slice(0, REPORT.indexOf("  Base image is"));
    const r = parseReport(truncated);
    assert.ok(isMalformed(r));
    assert.match(r.error, /Base image is/);
    assert.equal(r.target?.digest, "0123456789ab");
  });

  test("`Base image is` inside a recommendation section does not count", () => {
    const r = parseReport("  Target │ a:1\n    digest │ d\n## Recommended fixes\nRefresh base image\n  Base image is  node:22\n");
    assert.ok(isMalformed(r));
  });

  test("the legacy 2023 header gives the target image and no digest", () => {
    const r = parsed("Recommended fixes for image  kiosk:2023.10 \n\n  Base image is  ruby:3.0-alpine\n  Digest │ sha256:cc\n");
    assert.deepEqual(r.target, { image: "kiosk:2023.10", digest: null });
  });

  test("an empty digest cell is null and does not swallow the next line (D3)", () => {
    const r = parsed("  Target   │\n    digest │\n## Recommended fixes\n  Base image is  node:22\n  Digest │ sha256:cc\n");
    assert.deepEqual(r.target, { image: null, digest: null });
  });

  test("an unresolved base (empty repository or empty Digest) gives base_image null", () => {
    assert.equal(parsed("  Target │ a:1\n  digest │ d\n## Recommended fixes\n  Base image is  :nonroot\n  Digest │\n").base_image, null);
    assert.equal(parsed("  Target │ a:1\n  digest │ d\n## Recommended fixes\n  Base image is  node:22\n  Digest │\n").base_image, null);
    assert.equal(parsed("  Target │ a:1\n  digest │ d\n## Recommended fixes\n  Base image is\n").base_image, null);
  });

  test("base references: registry port, nested path, @sha256 digest, no tag", () => {
    const base = (ref: string, name?: string) =>
      parsed(`  Target │ a:1\n  digest │ d\n## Recommended fixes\n  Base image is  ${ref}\n${name === undefined ? "" : `  Name │  ${name}\n`}  Digest │ sha256:cc\n`).base_image;
    assert.deepEqual([base("registry:5000/a/b/node:25-alpine")?.name, base("registry:5000/a/b/node:25-alpine")?.tag], ["registry:5000/a/b/node", "25-alpine"]);
    assert.deepEqual([base("registry:5000/node")?.name, base("registry:5000/node")?.tag], ["registry:5000/node", "latest"]);
    assert.deepEqual([base("node@sha256:abc", "25-alpine")?.name, base("node@sha256:abc", "25-alpine")?.tag], ["node", "25-alpine"]);
    assert.deepEqual([base("node:25@sha256:abc")?.name, base("node:25@sha256:abc")?.ref_tag], ["node", "25"]);
    assert.equal(base("node@sha256:abc"), null, "no tag anywhere: the identity name:tag cannot be formed");
    const named = base("node:18-alpine", "hydrogen-alpine3.18");
    assert.deepEqual([named?.tag, named?.ref_tag], ["hydrogen-alpine3.18", "18-alpine"]);
  });

  test("CR-only, CRLF and BOM texts parse like LF", () => {
    const lf = parseReport(REPORT);
    assert.deepEqual(parseReport(REPORT.replaceAll("\n", "\r")), lf);
    assert.deepEqual(parseReport(REPORT.replaceAll("\n", "\r\n")), lf);
    assert.deepEqual(parseReport(`\ufeff${REPORT}`), lf);
  });

  test("a supported-tags note wrapped without backticks, with a tag split after a hyphen", () => {
    const r = parsed(
      "  Target │ a:1\n  digest │ d\n## Recommended fixes\n  Base image is  rust:1.84-slim\n  Digest │ sha256:cc\n\n" +
        "  │ The base image is also available under the supported tag(s)  1.84.1-slim-\n  │ bookworm ,  1-\n  │ slim . If you want to display\n  │ recommendations specifically for a different tag.\n",
    );
    assert.deepEqual(r.base_image?.alternative_tags, ["1.84.1-slim-bookworm", "1-slim"]);
  });
});

describe("splitImageRef", () => {
  test("splits at the last `:` after the last `/` (D4)", () => {
    assert.deepEqual(splitImageRef("host:8443/a/b/c:tag"), { name: "host:8443/a/b/c", tag: "tag", digest: null });
    assert.deepEqual(splitImageRef("host:8443/a/b/c"), { name: "host:8443/a/b/c", tag: null, digest: null });
    assert.deepEqual(splitImageRef("a/b:1@sha256:ff"), { name: "a/b", tag: "1", digest: "sha256:ff" });
    assert.deepEqual(splitImageRef(":nonroot"), { name: "", tag: "nonroot", digest: null });
  });
});
