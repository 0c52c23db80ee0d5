import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { resolveSourceFlags } from "../../src/cli/source-flags.js";
import { ScoutgraphError } from "../../src/errors.js";

const usage = (fn: () => unknown, text: string) =>
  assert.throws(fn, (err: unknown) => err instanceof ScoutgraphError && err.code === "USAGE" && err.message === text);

describe("source flags (contract §4.4)", () => {
  test("--docker-scout-source is returned as given, with no warning", () => {
    assert.deepEqual(resolveSourceFlags({ source: "s3://b/p" }), { source: "s3://b/p" });
  });

  test("the source conflicts with any deprecated flag", () => {
    usage(
      () => resolveSourceFlags({ source: "x", s3Prefix: "" }),
      "Cannot use --docker-scout-source with deprecated source flags (--docker-scout-results-dir, --docker-scout-s3-bucket, --docker-scout-s3-prefix).",
    );
  });

  test("results-dir conflicts with the S3 flags; a prefix needs a bucket", () => {
    usage(
      () => resolveSourceFlags({ resultsDir: "d", s3Bucket: "b" }),
      "Cannot use both --docker-scout-results-dir and --docker-scout-s3-bucket/--docker-scout-s3-prefix. Use --docker-scout-source instead.",
    );
    usage(() => resolveSourceFlags({ s3Prefix: "p" }), "--docker-scout-s3-prefix requires --docker-scout-s3-bucket.");
  });

  test("deprecated flags resolve to a source with one deprecation warning", () => {
    const dir = resolveSourceFlags({ resultsDir: "reports" });
    assert.equal(dir.source, "reports");
    assert.match(dir.deprecation ?? "", /^DEPRECATED: --docker-scout-results-dir/);
    assert.equal(resolveSourceFlags({ s3Bucket: "b", s3Prefix: "/scout/x" }).source, "s3://b/scout/x");
    assert.equal(resolveSourceFlags({ s3Bucket: "b" }).source, "s3://b");
  });

  test("nothing given is no source; an empty source is rejected", () => {
    assert.deepEqual(resolveSourceFlags({}), { source: undefined });
    usage(() => resolveSourceFlags({ source: "" }), "Report source cannot be empty.");
  });
});
