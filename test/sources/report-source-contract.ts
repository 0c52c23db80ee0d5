// One contract for every ReportSource adapter, run against a real backend (a folder, or an
// object-store server on 127.0.0.1). Each adapter's *.test.ts calls describeReportSourceContract
// with what its backend can do; checks that make no sense for a backend (a raw key prefix, bad
// credentials, a failing server for a local folder) are simply not registered for it.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ScoutgraphError } from "../../src/errors.js";
import type { SourceOptions } from "../../src/sources/options.js";
import { readReports } from "../../src/sources/read-reports.js";
import type { ReportRef, ReportSource } from "../../src/sources/report-source.js";
import { startFaultProxy, type FaultProxy } from "../support/fault-proxy.js";
import type { Objects } from "../support/object-stores.js";

export interface ContractBackend {
  name: string;
  /** Creates a fresh bucket (or folder) holding `objects`; returns its name. */
  createBucket(objects: Objects): Promise<string>;
  /** The source string for a bucket and a raw prefix. */
  sourceString(bucket: string, prefix: string): string;
  /** Opens a source string against the backend (or the given endpoint, e.g. a fault proxy). */
  open(source: string, options: SourceOptions, endpoint?: string): Promise<ReportSource>;
  /** Words the "missing bucket" error must contain. */
  missingWords: RegExp;
  /** Raw key prefixes (`reports` matches `reports-old/`) and `/`-terminated keys; cloud only. */
  keyPrefixes?: boolean;
  /** The real server's endpoint, for the fault proxy; cloud only. */
  endpoint?: string;
  /** Runs `fn` with credentials the server rejects; cloud only. */
  withBadCredentials?<T>(fn: () => Promise<T>): Promise<T>;
}

export const SAMPLE_REPORT = "## Recommended fixes\n\n  Base image is  node:25-alpine\n";

// Keys chosen so that code-point order differs from per-folder order ("a-c" < "a/b") and from
// UTF-16 order (U+1F600 sorts after U+FF5E in code points, before it in UTF-16 code units).
export const ORDER_KEYS = [
  "reports/Z.txt",
  "reports/a-c.txt",
  "reports/a/b.txt",
  "reports/a/c/d.txt",
  "reports/b.txt",
  "reports/\u00e9.txt",
  "reports/\uff5e.txt",
  "reports/\u{1F600}.txt",
];

/** The expected order, computed from UTF-8 bytes (what object stores sort by), not with the code under test. */
export function utf8Sorted(names: string[]): string[] {
  return [...names].sort((a, b) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")));
}

export async function listAll(source: ReportSource): Promise<ReportRef[]> {
  const refs: ReportRef[] = [];
  for await (const ref of source.list()) refs.push(ref);
  return refs;
}

export async function rejectsWith(promise: Promise<unknown>, code: string, pattern: RegExp): Promise<ScoutgraphError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof ScoutgraphError, `expected a ScoutgraphError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    assert.match(err.message, pattern);
    return err;
  }
  assert.fail(`expected a ${code} error matching ${pattern}`);
}

export function describeReportSourceContract(backend: ContractBackend): void {
  describe(`ReportSource contract: ${backend.name}`, () => {
    const sized = Buffer.alloc(2000, 0x61);
    const binary = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x81, 0x00, 0x10]);
    let bucket = "";
    const objects: Objects = {
      ...Object.fromEntries(ORDER_KEYS.map((k, i) => [k, `${SAMPLE_REPORT}# ${i} ${k}\n`])),
      "reports/binary.bin": binary,
      "reports/too-large.txt": sized,
      "reports-old/old.txt": "old report",
      "other/ignored.txt": "outside the prefix",
    };
    if (backend.keyPrefixes === true) objects["reports/folder-marker/"] = "";

    before(async () => {
      bucket = await backend.createBucket(objects);
    });

    const open = (prefix: string, options: SourceOptions = {}, endpoint?: string) => backend.open(backend.sourceString(bucket, prefix), options, endpoint);

    test("lists nested keys in code-point order, with sizes, skipping folder markers", async () => {
      const source = await open("reports/");
      try {
        const names = (await listAll(source)).map((r) => r.name.split("\\").join("/"));
        const expected = utf8Sorted([...ORDER_KEYS, "reports/binary.bin", "reports/too-large.txt"]).map((n) => n.slice("reports/".length));
        const relative = names.map((n) => (n.startsWith("reports/") ? n.slice("reports/".length) : n));
        assert.deepEqual(relative, expected);
      } finally {
        await source.close();
      }
    });

    test("reads the bytes of each object, including a non-report binary one", async () => {
      const source = await open("reports/");
      try {
        const refs = await listAll(source);
        const bin = refs.find((r) => r.name.endsWith("binary.bin"));
        assert.ok(bin !== undefined);
        // The listing says when each object last changed (a report's age for `report --max-age`).
        for (const ref of refs) assert.ok(typeof ref.modified === "number" && Math.abs(ref.modified - Date.now() / 1000) < 86_400, `${ref.name} modified ${ref.modified}`);
        assert.deepEqual(await source.read(bin), binary);
        const first = refs[0];
        assert.ok(first !== undefined);
        assert.equal((await source.read(first)).toString("utf8"), `${SAMPLE_REPORT}# 0 reports/Z.txt\n`);
      } finally {
        await source.close();
      }
    });

    test("flags an object over the size cap instead of reading it, and read() enforces the cap", async () => {
      const source = await open("reports/", { maxReportBytes: 1000 });
      try {
        const refs = await listAll(source);
        const big = refs.find((r) => r.name.endsWith("too-large.txt"));
        assert.ok(big !== undefined);
        assert.equal(big.size, 2000);
        assert.equal(big.problem?.kind, "too-large");
        assert.match(big.problem?.message ?? "", /too-large\.txt: 2000 bytes is over the 1000 bytes report size cap/);
        assert.equal(refs.filter((r) => r.problem !== undefined).length, 1);
        await rejectsWith(source.read({ uri: big.uri, name: big.name }), "READ", /too-large\.txt.*size cap/);
      } finally {
        await source.close();
      }
    });

    test("readReports yields every outcome in listing order with bounded concurrency", async () => {
      const source = await open("reports/", { maxReportBytes: 1000 });
      try {
        const listed = (await listAll(source)).map((r) => r.name);
        const outcomes = [];
        for await (const outcome of readReports(source, { concurrency: 3 })) outcomes.push(outcome);
        assert.deepEqual(
          outcomes.map((o) => o.ref.name),
          listed,
        );
        assert.deepEqual(
          outcomes.map((o) => o.status),
          listed.map((n) => (n.endsWith("too-large.txt") ? "skipped" : "read")),
        );
      } finally {
        await source.close();
      }
    });

    test("a missing bucket or folder is one SOURCE error naming the source", async () => {
      const source = await backend.open(backend.sourceString(`${bucket}-missing`, "reports/"), {});
      try {
        const err = await rejectsWith(listAll(source), "SOURCE", backend.missingWords);
        assert.ok(err.message.includes(`${bucket}-missing`), err.message);
        assert.equal(err.subject, source.uri);
      } finally {
        await source.close();
      }
    });

    if (backend.keyPrefixes === true) {
      test("a prefix is a raw string prefix: `reports` also matches `reports-old/`", async () => {
        const source = await open("reports");
        try {
          const names = (await listAll(source)).map((r) => r.name);
          assert.ok(names.includes("reports-old/old.txt"));
          assert.ok(!names.includes("other/ignored.txt"));
          assert.equal(names.length, ORDER_KEYS.length + 3);
          assert.deepEqual(names, utf8Sorted(names));
        } finally {
          await source.close();
        }
      });

      test("an empty prefix lists the whole bucket; uris name bucket and key", async () => {
        const source = await open("");
        try {
          const refs = await listAll(source);
          assert.equal(refs.length, ORDER_KEYS.length + 4);
          assert.equal(source.uri, backend.sourceString(bucket, ""));
          const other = refs.find((r) => r.name === "other/ignored.txt");
          assert.equal(other?.uri, `${backend.sourceString(bucket, "")}/other/ignored.txt`);
        } finally {
          await source.close();
        }
      });

      test("a prefix that matches nothing lists nothing (the empty-source error is the pipeline's)", async () => {
        const source = await open("nothing-here/");
        try {
          assert.deepEqual(await listAll(source), []);
        } finally {
          await source.close();
        }
      });
    }

    if (backend.endpoint !== undefined) {
      const endpoint = backend.endpoint;
      let proxy: FaultProxy;
      before(async () => {
        proxy = await startFaultProxy(endpoint);
      });
      after(async () => {
        await proxy.close();
      });

      test("pagination: a small page size lists everything over several requests", async () => {
        const source = await open("", { pageSize: 2 }, proxy.url);
        try {
          proxy.reset();
          const refs = await listAll(source);
          assert.equal(refs.length, ORDER_KEYS.length + 4);
          assert.deepEqual(
            refs.map((r) => r.name),
            utf8Sorted(refs.map((r) => r.name)),
          );
          assert.ok(proxy.requests >= Math.ceil(refs.length / 2), `only ${proxy.requests} listing requests`);
        } finally {
          await source.close();
        }
      });

      test("a listing request that fails once is retried", async () => {
        const source = await open("reports/", { maxAttempts: 3 }, proxy.url);
        try {
          proxy.reset();
          proxy.fail(1, 503);
          const refs = await listAll(source);
          assert.equal(refs.length, ORDER_KEYS.length + 2);
          assert.ok(proxy.requests >= 2);
        } finally {
          await source.close();
        }
      });

      test("a server that keeps failing the listing gives one SOURCE error after the configured attempts", async () => {
        const source = await open("reports/", { maxAttempts: 2 }, proxy.url);
        try {
          proxy.reset();
          proxy.fail(Infinity, 503);
          const err = await rejectsWith(listAll(source), "SOURCE", /Cannot list/);
          assert.ok(err.message.includes(source.uri), err.message);
          assert.equal(proxy.requests, 2);
        } finally {
          proxy.reset();
          await source.close();
        }
      });

      test("a read that fails once is retried; one that keeps failing is a READ error naming the object", async () => {
        const source = await open("reports/", { maxAttempts: 2 }, proxy.url);
        try {
          const refs = await listAll(source);
          const ref = refs[1];
          assert.ok(ref !== undefined);
          proxy.fail(1, 503);
          assert.match((await source.read(ref)).toString("utf8"), /Recommended fixes/);
          proxy.fail(Infinity, 500);
          const err = await rejectsWith(source.read(ref), "READ", /Failed to read/);
          assert.equal(err.subject, ref.uri);
          assert.ok(err.message.includes(ref.uri), err.message);
        } finally {
          proxy.reset();
          await source.close();
        }
      });
    }

    if (backend.withBadCredentials !== undefined) {
      const withBad = backend.withBadCredentials.bind(backend);
      test("bad credentials are one SOURCE error at listing", async () => {
        await withBad(async () => {
          const source = await open("reports/", { maxAttempts: 1 });
          try {
            const err = await rejectsWith(listAll(source), "SOURCE", /credentials|denied/i);
            assert.ok(err.message.includes(source.uri), err.message);
          } finally {
            await source.close();
          }
        });
      });
    }
  });
}
