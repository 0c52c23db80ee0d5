// Report-source throughput and memory: reports/s read from the local S3 server (versitygw) with
// readReports at a given concurrency, and the peak RSS of a fresh process reading 1,000 vs 10,000
// reports, to show memory stays flat as the source grows.
// Usage: node dist/bench/sources.js [--count 10000] [--concurrency 8]   (npm run bench:sources)
// Starts the object-store servers if they are not up (and stops them again afterwards).
import { spawnSync } from "node:child_process";
import { connect } from "node:net";
import { join } from "node:path";
import pLimit from "p-limit";
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { openReportSource } from "../src/sources/registry.js";
import { readReports } from "../src/sources/read-reports.js";
import { REPO_ROOT } from "../test/support/fixtures.js";
import { S3_SERVER, s3Env, s3TestClient, setEnv, uniqueBucketName } from "../test/support/object-stores.js";
import { generateReport } from "./support/generate-reports.js";

function arg(flag: string, fallback: number): number {
  const i = process.argv.indexOf(flag);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} must be a positive integer`);
  return value;
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true"; // the SDK's Node 22 notice

const key = (i: number) => `bench/${String(i).padStart(6, "0")}.txt`;

/** Child mode: read every report under the source, print reports/s and peak RSS as JSON. */
async function child(source: string, concurrency: number): Promise<void> {
  setEnv(s3Env());
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = process.hrtime.bigint();
  const opened = await openReportSource(source, { endpoint: S3_SERVER.endpoint });
  let reports = 0;
  let bytes = 0;
  let failed = 0;
  for await (const outcome of readReports(opened, { concurrency })) {
    if (outcome.status === "read") {
      reports += 1;
      bytes += outcome.bytes.length;
    } else failed += 1;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(sampler);
  await opened.close();
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  (globalThis as { gc?: () => void }).gc?.();
  console.log(JSON.stringify({ reports, failed, bytes, seconds, peakRss: peak, heapAfterGc: process.memoryUsage().heapUsed }));
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function upload(bucket: string, count: number): Promise<number> {
  const client = s3TestClient();
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const limit = pLimit(16);
  let bytes = 0;
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      limit(async () => {
        const body = Buffer.from(generateReport(i), "utf8");
        bytes += body.length;
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: key(i), Body: body }));
      }),
    ),
  );
  client.destroy();
  return bytes;
}

interface ChildResult {
  reports: number;
  failed: number;
  bytes: number;
  seconds: number;
  peakRss: number;
  heapAfterGc: number;
}

/** A fresh process per run, so each peak RSS is that run's alone; `heapMb` caps the V8 heap. */
function runChild(source: string, concurrency: number, heapMb?: number): ChildResult {
  const flags = ["--expose-gc", ...(heapMb === undefined ? [] : [`--max-old-space-size=${heapMb}`])];
  const run = spawnSync(process.execPath, [...flags, join(REPO_ROOT, "dist", "bench", "sources.js"), "--child", source, String(concurrency)], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`bench child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}");
}

async function main(): Promise<void> {
  const count = arg("--count", 10_000);
  const concurrency = arg("--concurrency", 8);
  const s3Port = Number(new URL(S3_SERVER.endpoint).port);
  const wasUp = await accepts(s3Port);
  if (!wasUp && spawnSync(process.execPath, [join(REPO_ROOT, "scripts", "object-stores.mjs"), "start"], { stdio: "inherit" }).status !== 0) {
    throw new Error("could not start the object-store servers");
  }
  try {
    const bucket = uniqueBucketName("bench");
    const uploadStart = Date.now();
    const bytes = await upload(bucket, count);
    console.log(`uploaded ${count} generated reports (${(bytes / 1024 / 1024).toFixed(1)} MB) to s3://${bucket} in ${((Date.now() - uploadStart) / 1000).toFixed(1)} s`);
    const small = Math.floor(count / 10);
    // [source, expected reports, concurrency, V8 heap cap in MB]
    const all = `s3://${bucket}/bench/`;
    const runs: Array<[string, number, number, number | undefined]> = [
      [all, count, 1, undefined],
      [all, count, concurrency, undefined],
      [all, count, concurrency * 4, undefined],
      // Inside a small V8 heap: what a run holds does not grow with the number of reports.
      [all, count, concurrency, 64],
    ];
    if (count === 10_000) {
      // `bench/000` matches keys 000000-000999: the same reads, a tenth as many.
      runs.unshift([`s3://${bucket}/bench/000`, small, concurrency, undefined]);
      runs.splice(4, 0, [`s3://${bucket}/bench/000`, small, concurrency, 64]);
    }
    console.log("reports  concurrency  heap cap   seconds   reports/s   MB/s    peak RSS  heap after GC");
    for (const [source, expected, c, heapMb] of runs) {
      const r = runChild(source, c, heapMb);
      if (r.reports !== expected || r.failed !== 0) throw new Error(`expected ${expected} reports, read ${r.reports} (${r.failed} failed)`);
      console.log(
        `${String(r.reports).padStart(7)}  ${String(c).padStart(11)}  ${(heapMb === undefined ? "-" : `${heapMb} MB`).padStart(8)}  ${r.seconds.toFixed(2).padStart(8)}  ${Math.round(r.reports / r.seconds).toString().padStart(10)}  ${(r.bytes / 1024 / 1024 / r.seconds).toFixed(2).padStart(5)}  ${(r.peakRss / 1024 / 1024).toFixed(1).padStart(7)} MB  ${(r.heapAfterGc / 1024 / 1024).toFixed(1).padStart(9)} MB`,
      );
    }
  } finally {
    if (!wasUp) spawnSync(process.execPath, [join(REPO_ROOT, "scripts", "object-stores.mjs"), "stop"], { stdio: "inherit" });
  }
}

if (process.argv[2] === "--child") await child(process.argv[3] ?? "", Number(process.argv[4] ?? 8));
else await main();
