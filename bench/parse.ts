// Parser throughput: decode + parse of a few thousand generated reports, beside the floor of merely
// decoding the same bytes and splitting them into lines. Prints MB/s, reports/s and the ratio.
// Usage: node dist/bench/parse.js [--count N] [--rounds R]   (npm run bench:parse)
import { decodeReport } from "../src/report/decode.js";
import { parseReport } from "../src/report/parse-report.js";
import { generateReport } from "./support/generate-reports.js";

function arg(flag: string, fallback: number): number {
  const i = process.argv.indexOf(flag);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} must be a positive integer`);
  return value;
}

const count = arg("--count", 3000);
const rounds = arg("--rounds", 5);
const files = Array.from({ length: count }, (_, i) => Buffer.from(generateReport(i), "utf8"));
const bytes = files.reduce((n, b) => n + b.length, 0);

/** Best of `rounds` timings (the machine may be shared; the best run is the least disturbed). */
function best(label: string, work: () => number): number {
  let bestMs = Infinity;
  let check = 0;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    check = work();
    bestMs = Math.min(bestMs, Number(process.hrtime.bigint() - start) / 1e6);
  }
  const mbs = bytes / 1024 / 1024 / (bestMs / 1000);
  const rps = count / (bestMs / 1000);
  console.log(`${label.padEnd(28)} ${bestMs.toFixed(1).padStart(8)} ms  ${mbs.toFixed(1).padStart(7)} MB/s  ${Math.round(rps).toString().padStart(8)} reports/s  (check ${check})`);
  return bestMs;
}

console.log(`${count} generated reports, ${(bytes / 1024 / 1024).toFixed(1)} MB, best of ${rounds} rounds`);
const floor = best("floor: decode + split lines", () => {
  let lines = 0;
  for (const file of files) lines += (decodeReport(file) ?? "").split("\n").length;
  return lines;
});
const parse = best("decode + parseReport", () => {
  let recommendations = 0;
  for (const file of files) {
    const result = parseReport(decodeReport(file) ?? "");
    if (result.is_report) recommendations += result.recommendations.length;
  }
  return recommendations;
});
console.log(`parser / floor time ratio: ${(parse / floor).toFixed(2)}x (target: within 3x)`);
