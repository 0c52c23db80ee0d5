// `scoutgraph parse PATH...`: reads reports from files, folders or bucket URLs and prints what the
// parser finds, as a readable summary or as JSON (the fixture shape). Nothing is written anywhere.
// Exit codes (contract Part A D9): 0 all read and none malformed, 3 otherwise, 2 for a missing PATH,
// 1 when PATH holds no report at all (empty, or only non-reports), as sync.
import { stat } from "node:fs/promises";
import type { Command } from "commander";
import { escapeControls } from "../../text/controls.js";
import { EXIT, ScoutgraphError } from "../../errors.js";
import { describeDamage, parseReportBytes } from "../../report/parse-bytes.js";
import { isMalformed, type ParseResult, type VulnerabilityCounts } from "../../report/types.js";
import { readReports } from "../../sources/read-reports.js";
import { openReportSource, parseSourceSpec } from "../../sources/registry.js";
import { noReportMessage } from "../../sync/no-report.js";
import { PROBLEM_IS_FAILURE } from "../../sources/report-source.js";

/**
 * What is printed for one file: a parse result, an array of them when the file holds several
 * reports (in file order), or `{ error }` when the file could not be read.
 */
type FileResult = ParseResult | ParseResult[] | { error: string };

interface Output {
  /** Called once per file, in order. */
  file(uri: string, result: FileResult): Promise<void>;
  end(): Promise<void>;
}

/** Set when stdout's reader went away (`scoutgraph parse DIR | head`): stop writing, quietly. */
let stdoutClosed = false;

function watchStdout(): void {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
    stdoutClosed = true;
  });
}

async function write(text: string): Promise<void> {
  if (stdoutClosed || process.stdout.write(text)) return;
  // Respect back-pressure: a folder of thousands of reports piped to `jq` must not pile up in memory.
  await new Promise<void>((resolve) => {
    const done = () => {
      process.stdout.off("drain", done);
      process.stdout.off("error", done);
      resolve();
    };
    process.stdout.once("drain", done);
    process.stdout.once("error", done);
  });
}

function jsonOutput(single: boolean): Output {
  let count = 0;
  return {
    async file(uri, result) {
      if (single) return write(`${JSON.stringify(result, null, 2)}\n`);
      const entry = JSON.stringify({ file: uri, result }, null, 2).replace(/\n/g, "\n  ");
      await write(`${count++ === 0 ? "[\n" : ",\n"}  ${entry}`);
    },
    async end() {
      if (!single) await write(count === 0 ? "[]\n" : "\n]\n");
    },
  };
}

const SEVERITIES = [["critical", "C"], ["high", "H"], ["medium", "M"], ["low", "L"]] as const;

function counts(v: VulnerabilityCounts): string {
  return SEVERITIES.map(([k, letter]) => `${v[k]}${letter}`).join(" ");
}

/** What a recommendation fixes: the base count minus its count, where positive (Cartography's `fix_*`). */
function fixes(base: VulnerabilityCounts, rec: VulnerabilityCounts): string {
  const parts = SEVERITIES.filter(([k]) => base[k] - rec[k] > 0).map(([k, letter]) => `${base[k] - rec[k]}${letter}`);
  return parts.length === 0 ? "fixes nothing" : `fixes ${parts.join(" ")}`;
}

function summary(uri: string, result: FileResult): string {
  if (Array.isArray(result)) return result.map((r, i) => summary(`${uri} (report ${i + 1} of ${result.length})`, r)).join("\n");
  if ("error" in result && !("is_report" in result)) return `${uri}\n  unreadable: ${result.error}\n`;
  if (!result.is_report) return `${uri}\n  not a report\n`;
  if (isMalformed(result)) return `${uri}\n  malformed report: ${result.error}\n`;
  const lines = [uri, `  target      ${result.target.image ?? "(unnamed)"}${result.target.digest === null ? "" : `  digest ${result.target.digest}`}`];
  const base = result.base_image;
  if (base === null) {
    lines.push("  base image  not determined by Docker Scout (nothing to recommend)");
    return `${lines.join("\n")}\n`;
  }
  lines.push(`  base image  ${base.name}:${base.tag}  ${counts(base.vulnerabilities)}`);
  if (base.alternative_tags.length > 0) lines.push(`  also        ${base.alternative_tags.join(", ")}`);
  lines.push(`  recommendations: ${result.recommendations.length === 0 ? "none (up to date)" : result.recommendations.length}`);
  const width = result.recommendations.reduce((w, r) => Math.max(w, r.tag.length), 0);
  for (const r of result.recommendations) {
    lines.push(`    ${r.section.padEnd(7)}  ${r.tag.padEnd(width)}  ${counts(r.vulnerabilities)}  ${fixes(base.vulnerabilities, r.vulnerabilities)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Report text and file names with their control characters shown, not obeyed; line breaks kept. */
function escapeLines(text: string): string {
  return text.split("\n").map(escapeControls).join("\n");
}

function textOutput(): Output {
  let count = 0;
  return {
    async file(uri, result) {
      await write(`${count++ === 0 ? "" : "\n"}${escapeLines(summary(uri, result))}`);
    },
    async end() {},
  };
}

/** Fails fast, before any output, on a PATH that names nothing (a usage error, exit 2). */
async function checkPaths(paths: string[]): Promise<boolean> {
  let singleFile = false;
  for (const path of paths) {
    const spec = parseSourceSpec(path);
    if (spec.kind !== "local") continue;
    try {
      singleFile = (await stat(spec.path)).isFile();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new ScoutgraphError("USAGE", `${path}: no such file or folder.`, { subject: path });
      singleFile = false;
    }
  }
  return paths.length === 1 && singleFile;
}


/** Parses every report under `paths` into `out`; says whether anything failed and how much was seen. */
async function parsePaths(paths: string[], out: Output): Promise<{ failed: boolean; files: number; reports: number }> {
  let failed = false;
  let files = 0;
  let reports = 0;
  const fail = (uri: string, message: string): FileResult => {
    failed = true;
    console.error(escapeControls(`scoutgraph: ${message.includes(uri) ? message : `${uri}: ${message}`}`));
    return { error: message };
  };
  for (const path of paths) {
    const source = await openReportSource(path);
    try {
      for await (const outcome of readReports(source)) {
        const uri = outcome.ref.uri;
        files += 1;
        if (outcome.status === "failed") await out.file(uri, fail(uri, outcome.error.message));
        else if (outcome.status === "skipped") {
          if (PROBLEM_IS_FAILURE[outcome.problem.kind]) await out.file(uri, fail(uri, outcome.problem.message));
          else console.error(escapeControls(`scoutgraph: ${outcome.problem.message}`));
        } else {
          // Binary content is "not a report" (contract D6), like any other text without the header.
          const file = parseReportBytes(outcome.bytes);
          const several = file.results.length > 1;
          reports += file.results.filter((r) => r.is_report).length;
          const bad = file.results.filter(isMalformed);
          if (file.damage !== null && file.encoding !== null) {
            const damage = describeDamage(file.encoding, file.damage);
            if (bad.length === 0 && file.results[0]?.is_report === true) console.error(escapeControls(`scoutgraph: warning: ${uri}: read with replacement characters: ${damage}`));
            else if (bad.length > 0) console.error(escapeControls(`scoutgraph: ${uri}: ${damage}`));
          }
          file.results.forEach((r, i) => {
            if (isMalformed(r)) fail(uri, `${several ? `report ${i + 1} of ${file.results.length}: ` : ""}malformed report: ${r.error}`);
          });
          await out.file(uri, several ? file.results : (file.results[0] as ParseResult));
        }
      }
    } catch (err) {
      // The source as a whole cannot be listed (missing bucket, denied): report it, go on with the others.
      if (!(err instanceof ScoutgraphError) || err.code !== "SOURCE") throw err;
      await out.file(source.uri, fail(source.uri, err.message));
    } finally {
      await source.close();
    }
  }
  await out.end();
  return { failed, files, reports };
}

export function registerParseCommand(program: Command): void {
  program
    .command("parse")
    .description("Parse docker scout recommendations reports and print what was found (nothing is written).")
    .argument("<path...>", "report files or folders (read recursively, hidden entries skipped), or s3://, gs://, azblob:// sources")
    .option(
      "--json",
      "print each parse as JSON: one object for a single file, else an array of { file, result }; a file holding several reports gives an array of results, in file order",
    )
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const single = await checkPaths(paths);
      watchStdout();
      const { failed, files, reports } = await parsePaths(paths, opts.json === true ? jsonOutput(single) : textOutput());
      // Like sync: a PATH with no report at all (empty, or only non-reports) is exit 1, with sync's line.
      const noReport = failed ? null : noReportMessage(paths.join(", "), files, reports);
      if (noReport !== null) console.error(escapeControls(`scoutgraph: ${noReport}`));
      process.exitCode = failed ? EXIT.PARTIAL : noReport !== null ? EXIT.FATAL : EXIT.OK;
    });
}
