// Resolution of --docker-scout-source against the deprecated flags (contract §4.4, items 75-79).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ScoutgraphError } from "../../src/errors.js";
import { buildS3Source, resolveSourceFlags, type SourceFlagValues } from "../../src/sources/legacy-flags.js";

function usage(flags: SourceFlagValues): string {
  try {
    resolveSourceFlags(flags);
  } catch (err) {
    assert.ok(err instanceof ScoutgraphError);
    assert.equal(err.code, "USAGE");
    return err.message;
  }
  assert.fail(`${JSON.stringify(flags)} was accepted`);
}

const CONFLICT =
  "Cannot use --docker-scout-source with deprecated source flags (--docker-scout-results-dir, --docker-scout-s3-bucket, --docker-scout-s3-prefix).";

describe("resolveSourceFlags", () => {
  test("--docker-scout-source with any deprecated flag is a usage error (an empty string counts as given)", () => {
    assert.equal(usage({ source: "r", resultsDir: "d" }), CONFLICT);
    assert.equal(usage({ source: "r", s3Bucket: "b" }), CONFLICT);
    assert.equal(usage({ source: "r", s3Prefix: "p" }), CONFLICT);
    assert.equal(usage({ source: "r", resultsDir: "" }), CONFLICT);
  });

  test("--docker-scout-results-dir with the S3 flags is a usage error", () => {
    const message = "Cannot use both --docker-scout-results-dir and --docker-scout-s3-bucket/--docker-scout-s3-prefix. Use --docker-scout-source instead.";
    assert.equal(usage({ resultsDir: "d", s3Bucket: "b" }), message);
    assert.equal(usage({ resultsDir: "d", s3Prefix: "p" }), message);
  });

  test("a prefix without a bucket is a usage error", () => {
    assert.equal(usage({ s3Prefix: "p" }), "--docker-scout-s3-prefix requires --docker-scout-s3-bucket.");
  });

  test("--docker-scout-source is validated and returned as given, without warnings", () => {
    assert.deepEqual(resolveSourceFlags({ source: " ./reports " }), { source: " ./reports ", warnings: [] });
    assert.equal(usage({ source: "ftp://x" }).startsWith("Unsupported report source scheme 'ftp'."), true);
    assert.equal(usage({ source: "" }), "Report source cannot be empty.");
  });

  test("--docker-scout-results-dir works with one deprecation warning", () => {
    const resolved = resolveSourceFlags({ resultsDir: "/data/reports" });
    assert.equal(resolved.source, "/data/reports");
    assert.deepEqual(resolved.warnings, ["DEPRECATED: --docker-scout-results-dir will be removed in scoutgraph 1.0.0; use --docker-scout-source instead."]);
    assert.equal(resolveSourceFlags({ resultsDir: "s3://b/p" }).source, "s3://b/p");
  });

  test("--docker-scout-s3-bucket [--docker-scout-s3-prefix] becomes s3://B[/P] with one deprecation warning", () => {
    const warning = "DEPRECATED: --docker-scout-s3-bucket/--docker-scout-s3-prefix will be removed in scoutgraph 1.0.0; use --docker-scout-source instead.";
    assert.deepEqual(resolveSourceFlags({ s3Bucket: "b" }), { source: "s3://b", warnings: [warning] });
    assert.deepEqual(resolveSourceFlags({ s3Bucket: "b", s3Prefix: "/scout/" }), { source: "s3://b/scout/", warnings: [warning] });
    assert.equal(usage({ s3Bucket: "" }), "S3 report source must include a bucket name.");
  });

  test("nothing configured resolves to no source", () => {
    assert.deepEqual(resolveSourceFlags({}), { source: undefined, warnings: [] });
  });

  test("buildS3Source strips leading slashes of the prefix", () => {
    assert.equal(buildS3Source("b", undefined), "s3://b");
    assert.equal(buildS3Source("b", "//x/y"), "s3://b/x/y");
    assert.equal(buildS3Source("b", ""), "s3://b");
  });
});
