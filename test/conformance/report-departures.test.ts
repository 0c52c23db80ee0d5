// The conformance script's departure rules are detected from each report file's bytes, not its
// name (scripts/conformance/report-departures.mjs): on the project's samples they give exactly the
// expected rule set per file, renamed or copied bytes give the same rules, and every rule names a
// docs/divergences.md section that exists. Runs without Cartography or Neo4j.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, test } from "node:test";
import { FIXTURE_REPORTS_DIR, IN_PRACTICE_DIR, REPO_ROOT } from "../support/fixtures.js";

interface Rule {
  scope: "all" | string[];
  doc: string;
  why: string;
  cartographyFails?: boolean;
}
interface Departures {
  RULES: Record<string, Rule>;
  detectDepartures(bytes: Uint8Array, options?: { broken?: string }): { rules: Set<string>; bases: Set<string> };
}
const mod = (await import(pathToFileURL(join(REPO_ROOT, "scripts", "conformance", "report-departures.mjs")).href)) as Departures;

const GLAMOUR = "note-without-backticks";
const EXPECTED: Record<string, string[]> = {
  "reports/audit-log-distroless-base-unresolved.txt": ["unresolved-base"],
  "reports/cartography-sample.txt": [],
  "reports/checkout-cves-not-a-report.txt": [],
  "reports/checkout-ruby-full.txt": [],
  "reports/edge-cache-rust-wrapped-tags.txt": [GLAMOUR],
  "reports/intranet-php-only-refresh.txt": [GLAMOUR],
  "reports/kiosk-ruby-legacy-header.txt": ["legacy-header", GLAMOUR],
  "reports/newsletter-python-only-update.txt": [],
  "reports/portal-php-apache-crlf-unspecified.txt": [],
  "reports/project-readme-not-a-report.txt": [],
  "reports/session-store-redis-up-to-date.txt": [],
  "reports/tcp-gateway-haproxy-registry-port.txt": [],
  "reports/tile-server-golang-ansi-console.txt": ["ansi", GLAMOUR],
  "in-practice/ci-log-second-report-truncated.txt": ["several-reports", "malformed", GLAMOUR],
  "in-practice/ci-log-three-reports.txt": ["several-reports", "legacy-header", GLAMOUR],
  "in-practice/emptied-report.txt": [],
  "in-practice/orders-api-console-redraw.txt": [GLAMOUR, "console-repeats"],
  "in-practice/orders-api-cp1252-in-base-digest.txt": ["invalid-bytes", "malformed", GLAMOUR],
  "in-practice/orders-api-dec-graphics.txt": ["dec-graphics", GLAMOUR],
  "in-practice/orders-api-latin1-in-benefit.txt": ["invalid-bytes", GLAMOUR],
  "in-practice/orders-api-latin1-in-tag.txt": ["invalid-bytes", "malformed", GLAMOUR],
  "in-practice/orders-api-truncated-after-base.txt": ["malformed", GLAMOUR],
  "in-practice/orders-api-truncated-after-refresh-title.txt": ["malformed", GLAMOUR],
  "in-practice/orders-api-truncated-before-vulnerabilities.txt": ["malformed", GLAMOUR],
  "in-practice/orders-api-truncated-in-aliases.txt": ["malformed", GLAMOUR],
  "in-practice/orders-api-utf16be-bom.txt": ["utf16", GLAMOUR],
  "in-practice/orders-api-utf16le-bom.txt": ["utf16", GLAMOUR],
  "in-practice/orders-api-utf16le-no-bom.txt": ["utf16", GLAMOUR],
  "in-practice/orders-api-utf8-bom.txt": ["utf8-bom", GLAMOUR],
  "in-practice/orders-api-utf8.txt": [GLAMOUR],
  "in-practice/screenshot.png": ["cartography-read-failure"],
  "in-practice/warehouse-node-console-wrapped.txt": [GLAMOUR, "console-wrapped-note"],
  "in-practice/warehouse-node-console.txt": [GLAMOUR],
  "in-practice/warehouse-node-empty-target.txt": ["empty-target", GLAMOUR],
};

const DIRS: Record<string, string> = { reports: FIXTURE_REPORTS_DIR, "in-practice": IN_PRACTICE_DIR };
const pathOf = (key: string): string => {
  const [dir, file] = key.split("/") as [string, string];
  return join(DIRS[dir] as string, file);
};
const sorted = (s: Iterable<string>): string[] => [...s].sort();

describe("conformance departure rules", () => {
  test("every sample file is in the table", () => {
    for (const [dir, path] of Object.entries(DIRS)) {
      for (const f of readdirSync(path).filter((n) => !n.endsWith(".json") && !n.endsWith(".md") && !n.startsWith("."))) {
        assert.ok(`${dir}/${f}` in EXPECTED, `${dir}/${f} has no expected rule set`);
      }
    }
  });

  for (const [key, expected] of Object.entries(EXPECTED)) {
    test(`${key}: ${expected.join(", ") || "no departure"}`, () => {
      assert.deepEqual(sorted(mod.detectDepartures(readFileSync(pathOf(key))).rules), sorted(expected));
    });
  }

  test("rules are a property of the bytes: a broken rule is left out, the rest stays", () => {
    const bytes = readFileSync(pathOf("in-practice/orders-api-utf16le-bom.txt"));
    assert.deepEqual(sorted(mod.detectDepartures(bytes, { broken: "utf16" }).rules), [GLAMOUR]);
    // The same report re-encoded as UTF-8 (as its twin) no longer has the utf16 rule.
    const utf8 = Buffer.from(new TextDecoder("utf-16le").decode(bytes), "utf8");
    assert.ok(!mod.detectDepartures(utf8).rules.has("utf16"));
  });

  test("the base names a file's rules cover come from its text", () => {
    assert.deepEqual(sorted(mod.detectDepartures(readFileSync(pathOf("in-practice/ci-log-three-reports.txt"))).bases), ["node", "python", "ruby"]);
    assert.deepEqual(sorted(mod.detectDepartures(readFileSync(pathOf("in-practice/orders-api-truncated-after-base.txt"))).bases), ["python"]);
  });

  test("every rule has a scope and a docs/divergences.md reference", () => {
    const doc = readFileSync(join(REPO_ROOT, "docs", "divergences.md"), "utf8");
    for (const [name, rule] of Object.entries(mod.RULES)) {
      // A rule with no property scope must do something else: explain a skipped cleanup.
      assert.ok(rule.scope === "all" || rule.scope.length > 0 || rule.cartographyFails === true, name);
      assert.match(rule.doc, /^docs\/divergences\.md#(parsing|sources) \(.+\)$/, name);
      const section = (/\((.+?)[,)]/.exec(rule.doc) as RegExpExecArray)[1] as string;
      assert.ok(doc.includes(section), `${name}: docs/divergences.md has no "${section}"`);
    }
  });
});
