// Parsing of source strings (contract Part B §4.1, checklist items 62, 67-69): pure, no I/O.
import assert from "node:assert/strict";
import { homedir } from "node:os";
import { describe, test } from "node:test";
import { ScoutgraphError } from "../../src/errors.js";
import { parseSourceSpec } from "../../src/sources/registry.js";

function usage(source: string): string {
  try {
    parseSourceSpec(source);
  } catch (err) {
    assert.ok(err instanceof ScoutgraphError);
    assert.equal(err.code, "USAGE");
    return err.message;
  }
  assert.fail(`${JSON.stringify(source)} was accepted`);
}

describe("parseSourceSpec", () => {
  test("an empty or blank source is rejected", () => {
    assert.equal(usage(""), "Report source cannot be empty.");
    assert.equal(usage("   \t"), "Report source cannot be empty.");
  });

  test("a plain path is local, trimmed, with ~ expanded", () => {
    assert.deepEqual(parseSourceSpec("  ./reports "), { kind: "local", path: "./reports", uri: "./reports" });
    assert.equal(parseSourceSpec("~").uri, homedir());
    assert.equal(parseSourceSpec("~/scout/reports").uri, `${homedir()}/scout/reports`);
    assert.equal(parseSourceSpec("~other/reports").uri, "~other/reports");
    assert.equal(parseSourceSpec("C:\\reports").kind, "local");
    assert.equal(parseSourceSpec("reports:2024").kind, "local");
  });

  test("s3:// gives bucket and raw prefix; scheme is case-insensitive; leading slashes are dropped", () => {
    assert.deepEqual(parseSourceSpec("s3://bucket/scout/reports"), {
      kind: "cloud",
      scheme: "s3",
      bucket: "bucket",
      prefix: "scout/reports",
      uri: "s3://bucket/scout/reports",
      prefixSlashesStripped: false,
    });
    const upper = parseSourceSpec("S3://bucket///scout/");
    assert.equal(upper.kind, "cloud");
    assert.equal(upper.uri, "s3://bucket/scout/");
    assert.ok(upper.kind === "cloud" && upper.prefix === "scout/" && upper.prefixSlashesStripped);
    assert.equal(parseSourceSpec("s3://bucket").uri, "s3://bucket");
    assert.equal(parseSourceSpec("s3://bucket/").uri, "s3://bucket");
  });

  test("gs:// is parsed like s3://", () => {
    const spec = parseSourceSpec("Gs://b/p");
    assert.ok(spec.kind === "cloud");
    assert.deepEqual([spec.scheme, spec.bucket, spec.prefix, spec.uri], ["gs", "b", "p", "gs://b/p"]);
  });

  test("a missing bucket is rejected with the backend's wording", () => {
    assert.equal(usage("s3://"), "S3 report source must include a bucket name.");
    assert.equal(usage("s3:///prefix"), "S3 report source must include a bucket name.");
    assert.equal(usage("gs:///x"), "GCS report source must include a bucket name.");
  });

  test("azblob://account/container/prefix", () => {
    const spec = parseSourceSpec("AZBLOB://acct/cont//reports/2024");
    assert.ok(spec.kind === "cloud");
    assert.deepEqual([spec.account, spec.bucket, spec.prefix, spec.uri], ["acct", "cont", "reports/2024", "azblob://acct/cont/reports/2024"]);
    assert.equal(parseSourceSpec("azblob://acct/cont").uri, "azblob://acct/cont");
    const shape = "Azure Blob report source must look like azblob://<account>/<container>/<prefix>.";
    assert.equal(usage("azblob://acct"), shape);
    assert.equal(usage("azblob://acct/"), shape);
    assert.equal(usage("azblob:///cont/x"), shape);
  });

  test("other schemes are rejected, naming the supported ones", () => {
    const expected = (s: string) =>
      `Unsupported report source scheme '${s}'. Supported schemes are s3://, gs://, and azblob://. Use a plain filesystem path for local sources.`;
    assert.equal(usage("file:///tmp/reports"), expected("file"));
    assert.equal(usage("FTP://host/x"), expected("ftp"));
    assert.equal(usage("https://example.test/reports"), expected("https"));
  });
});
