// A deterministic generator of realistic `docker scout recommendations` reports for benchmarks and
// round-trip tests: `generateReport(i)` always returns the same text for the same i, and every
// report's target digest is 12 hex characters unique to i (see `targetDigestFor`), so a benchmark can
// create the matching Image nodes. CLI: `node dist/bench/support/generate-reports.js --count N --out DIR`.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { BaseImage, ParsedReport, Recommendation, VulnerabilityCounts } from "../../src/report/types.js";
import { renderReport, type NoteForm, type RenderInput, type ReportFormat } from "./render-report.js";

/** mulberry32: a tiny seeded PRNG, so a report depends only on its index. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MASK48 = (1n << 48n) - 1n;

/** The 12-hex short target digest of report `index`: an odd-multiplier bijection on 48 bits, so unique per index. */
export function targetDigestFor(index: number): string {
  return ((BigInt(index) * 0x5deece66dn + 0xb5ad4eceda1cen) & MASK48).toString(16).padStart(12, "0");
}

/** The target image reference of report `index`. */
export function targetImageFor(index: number): string {
  const registries = ["ghcr.io/northwind-labs", "registry.internal.example:8443/platform/apps", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team", "docker.io/orbit"];
  return `${registries[index % registries.length]}/service-${index}:${1 + (index % 7)}.${index % 13}.${index % 5}`;
}

/** A stable file name for report `index`, sorted in index order. */
export function reportFileName(index: number): string {
  return `report-${String(index).padStart(6, "0")}.txt`;
}

interface Family {
  name: string;
  versions: string[];
  variants: { suffix: string; flavor: string | null; os: string | null; slim: boolean }[];
  runtime: boolean;
}

const FAMILIES: Family[] = [
  { name: "node", versions: ["18", "20", "22", "24", "25"], variants: [{ suffix: "-alpine", flavor: "alpine", os: "3.21", slim: false }, { suffix: "-slim", flavor: "debian", os: "12", slim: true }, { suffix: "-bookworm", flavor: "debian", os: "12", slim: false }], runtime: true },
  { name: "python", versions: ["3.9", "3.11", "3.12", "3.13"], variants: [{ suffix: "-slim-bookworm", flavor: "debian", os: "12", slim: true }, { suffix: "-alpine", flavor: "alpine", os: "3.22", slim: false }], runtime: true },
  { name: "ruby", versions: ["3.1", "3.2", "3.3", "3.4"], variants: [{ suffix: "-alpine", flavor: "alpine", os: "3.21", slim: false }, { suffix: "-slim", flavor: "debian", os: "12", slim: true }], runtime: true },
  { name: "golang", versions: ["1.22", "1.23", "1.24", "1.25"], variants: [{ suffix: "-alpine", flavor: "alpine", os: "3.22", slim: false }, { suffix: "-bookworm", flavor: null, os: null, slim: false }], runtime: true },
  { name: "php", versions: ["8.2", "8.3", "8.4"], variants: [{ suffix: "-fpm-alpine", flavor: "alpine", os: "3.21", slim: false }, { suffix: "-apache", flavor: "debian", os: "12", slim: false }], runtime: true },
  { name: "redis", versions: ["7.2", "7.4", "8.0"], variants: [{ suffix: "-alpine", flavor: "alpine", os: "3.21", slim: false }], runtime: false },
  { name: "nginx", versions: ["1.26", "1.27", "1.28"], variants: [{ suffix: "-alpine", flavor: "alpine", os: null, slim: false }], runtime: true },
  { name: "registry.example.test:5000/mirror/haproxy", versions: ["2.8", "3.0", "3.2"], variants: [{ suffix: "-alpine", flavor: "alpine", os: "3.21", slim: false }], runtime: true },
];

const BENEFITS = [
  "Same OS detected", "Minor runtime version update", "Major runtime version update", "Newer image for same tag",
  "Tag was pushed more recently", "Image has similar size", "Image contains 9 fewer packages", "Tag is preferred tag",
  "Image contains similar number of packages", "Image is smaller by 2.1 MB",
];
const REASONS = ["Tag is preferred tag", "Minor runtime version update", "Major runtime version update", "Image has same number of vulnerabilities"];
const PUSHED = ["2 days ago", "6 days ago", "1 week ago", "3 weeks ago", "1 month ago", "4 months ago"];

function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)] as T;
}

function hex(r: () => number, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) s += Math.floor(r() * 16).toString(16);
  return s;
}

function counts(r: () => number, scale: number): VulnerabilityCounts {
  return { critical: Math.floor(r() * 2 * scale), high: Math.floor(r() * 6 * scale), medium: Math.floor(r() * 12 * scale), low: Math.floor(r() * 40 * scale) };
}

function recommendation(r: () => number, section: "refresh" | "change", fam: Family, version: string, variant: Family["variants"][number]): Recommendation {
  const tag = `${version}${variant.suffix}`;
  const patch = `${version}.${Math.floor(r() * 20)}`;
  const aliasCount = Math.floor(r() * 8);
  const aliases = [`${patch}${variant.suffix}`, `${version}${variant.suffix}${variant.os ?? ""}`, `${version.split(".")[0]}${variant.suffix}`, variant.suffix.slice(1), `${patch}${variant.suffix}${variant.os ?? ""}`, `latest${variant.suffix}`, `current${variant.suffix}`].slice(0, aliasCount);
  // Docker Scout lists each alias once (a repeat is console damage, which the parser drops).
  aliases.splice(0, aliases.length, ...new Set(aliases));
  const benefits = BENEFITS.filter(() => r() < 0.5);
  if (r() < 0.5) benefits.push(`Image introduces no new vulnerability but removes ${1 + Math.floor(r() * 9)}`);
  benefits.push(`${tag} was pulled ${1 + Math.floor(r() * 300)}K times last month`);
  return {
    section, tag, alternative_tags: aliases, benefits, vulnerabilities: counts(r, 0.5),
    size: `${10 + Math.floor(r() * 300)} MB`, flavor: variant.flavor, os: variant.os, runtime: fam.runtime ? patch : null,
    slim: variant.slim, pushed: pick(r, PUSHED),
  };
}

/** The report model of `index` and how it is printed; `renderReport(generateModel(i))` is `generateReport(i)`. */
export function generateModel(index: number): RenderInput {
  const r = rng(index * 2654435761 + 17);
  const fam = pick(r, FAMILIES);
  const variant = pick(r, fam.variants);
  const version = pick(r, fam.versions);
  const refTag = `${version}${variant.suffix}`;
  const base: BaseImage = {
    name: fam.name, tag: refTag, digest: `sha256:${hex(r, 64)}`, vulnerabilities: counts(r, 1),
    size: `${10 + Math.floor(r() * 300)} MB`, flavor: variant.flavor, os: variant.os,
    runtime: fam.runtime ? `${version}.${Math.floor(r() * 10)}` : null,
    alternative_tags: [`${version}.${Math.floor(r() * 10)}${variant.suffix}`, `${refTag}${variant.os ?? "-x"}`, `${version.split(".")[0]}${variant.suffix}`].slice(0, Math.floor(r() * 4)),
    ref_tag: refTag, slim: variant.slim, pushed: pick(r, PUSHED), packages: String(20 + Math.floor(r() * 300)),
  };
  const mode = r();
  const sections = mode < 0.1 ? { refresh: true, change: false } : mode < 0.2 ? { refresh: false, change: true } : { refresh: true, change: true };
  const recs: Recommendation[] = [];
  if (sections.refresh && r() < 0.7) recs.push(recommendation(r, "refresh", fam, version, variant));
  if (sections.change) {
    const n = r() < 0.15 ? 0 : 1 + Math.floor(r() * 5);
    for (let i = 0; i < n; i++) recs.push(recommendation(r, "change", fam, pick(r, fam.versions), pick(r, fam.variants)));
  }
  const notes: NoteForm[] = ["backticks-one-line", "backticks-wrapped", "glamour", "none"];
  const format: ReportFormat = {
    lineEnding: r() < 0.15 ? "\r\n" : "\n",
    trailingSpaces: r() < 0.4,
    ansi: r() < 0.1,
    note: pick(r, notes),
    blockPadding: r() < 0.7,
    windowsMarks: r() < 0.1,
  };
  const report: ParsedReport = {
    target: { image: targetImageFor(index), digest: targetDigestFor(index) },
    base_image: base, recommendations: recs, is_report: true,
  };
  return { report, format, sections, reasons: REASONS };
}

/** The text of generated report `index` (deterministic). */
export function generateReport(index: number): string {
  return renderReport(generateModel(index));
}

/** Writes reports `start .. start+count-1` into `dir` as `reportFileName(i)`; returns the paths. */
export function writeReports(dir: string, count: number, start = 0): string[] {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = start; i < start + count; i++) {
    const path = join(dir, reportFileName(i));
    writeFileSync(path, generateReport(i));
    paths.push(path);
  }
  return paths;
}

function main(argv: string[]): void {
  const arg = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const count = Number(arg("--count") ?? "100");
  const start = Number(arg("--start") ?? "0");
  const out = arg("--out");
  if (out === undefined || !Number.isInteger(count) || count < 0 || !Number.isInteger(start) || start < 0) {
    console.error("usage: generate-reports --count N --out DIR [--start S]");
    process.exitCode = 2;
    return;
  }
  writeReports(resolve(out), count, start);
  console.log(`wrote ${count} reports to ${resolve(out)}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
