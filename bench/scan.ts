// `scoutgraph scan` throughput against the Docker Scout stand-in with a fixed per-scan delay: the
// pool and scan's own overhead, not Scout's speed (a real run takes seconds to minutes per image,
// contract docker-scout-cli.md §4.1). Runs the built CLI as a child process, as a nightly job would.
// Usage: node dist/bench/scan.js [--images 32] [--delay-ms 250]   (npm run bench:scan)
// Prints, per concurrency 1, 2, 4, 8: wall time, scans/s, the ideal scans/s (concurrency/delay),
// and the overhead per scan: wall x concurrency / images - delay (scan's planning, process
// start-up of the stand-in, reading and publishing the report, and its record).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI_PATH, EXAMPLES_DIR } from "../test/support/fixtures.js";
import { installStandIn } from "../test/support/scout-stand-in/install.js";

function arg(flag: string, fallback: number): number {
  const i = process.argv.indexOf(flag);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} must be a positive integer`);
  return value;
}

const images = arg("--images", 32);
const delayMs = arg("--delay-ms", 250);
const refs = Array.from({ length: images }, (_, i) => `bench.example.test/fleet/app-${String(i).padStart(3, "0")}:1.0`);
const standIn = installStandIn({
  defaultReport: join(EXAMPLES_DIR, "checkout-ruby-full.txt"),
  defaultDelayMs: delayMs,
  images: Object.fromEntries(refs.map((r) => [r, { outcome: "ok-cached" as const }])),
});

// The stand-in's own start-up (a node process): part of the measured overhead, and the share of
// it that a real Scout binary (a Go program) would replace with its own.
const t0 = process.hrtime.bigint();
const rounds = 5;
for (let i = 0; i < rounds; i++) spawnSync("docker-scout", ["version"], { env: { ...process.env, ...standIn.env } as NodeJS.ProcessEnv });
const standInStartMs = Number(process.hrtime.bigint() - t0) / 1e6 / rounds;

console.log(`scan benchmark: ${images} images, stand-in delay ${delayMs} ms per scan, stand-in start-up ${standInStartMs.toFixed(0)} ms`);
console.log("concurrency  wall (s)  scans/s  ideal/s  overhead/scan (ms)");
for (const concurrency of [1, 2, 4, 8]) {
  const dest = mkdtempSync(join(tmpdir(), "scoutgraph-bench-scan-"));
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI_PATH, "scan", "--docker-scout-source", dest, "--concurrency", String(concurrency), "--quiet", ...refs], {
    env: { ...process.env, ...standIn.env } as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  rmSync(dest, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`scan exited ${String(r.status)}: ${r.stderr}`);
  const overhead = (wallMs * concurrency) / images - delayMs;
  console.log(
    `${String(concurrency).padStart(11)}  ${(wallMs / 1000).toFixed(2).padStart(8)}  ${(images / (wallMs / 1000)).toFixed(2).padStart(7)}  ${((concurrency * 1000) / delayMs).toFixed(2).padStart(7)}  ${overhead.toFixed(0).padStart(18)}`,
  );
}
rmSync(standIn.dir, { recursive: true, force: true });
