// `scoutgraph report`: what to update, ranked, for the whole fleet. Reads the graph (either store),
// builds the FleetReport (src/insights) and renders it as a table, JSON, CSV, markdown or HTML.
import { stat, writeFile } from "node:fs/promises";
import { dirname, resolve as resolvePath } from "node:path";
import { GlobError, isGlob, parseGlob } from "../../insights/filters.js";
import { escapeControls } from "../../text/controls.js";
import type { Command } from "commander";
import { EXIT, ScoutgraphError } from "../../errors.js";
import { contextLines } from "../../insights/context/describe-context.js";
import { failsGate, generateFleetReport, hasDockerScoutData } from "../../insights/index.js";
import { FORMATS, parseSections, render, type Format, type ReportSection } from "../../insights/render/index.js";
import { DEFAULT_TABLE_WIDTH } from "../../insights/render/table.js";
import { SEVERITIES, type ReportFilters, type Severity } from "../../insights/types.js";
import { parseDuration } from "../../scan/plan.js";
import { cliLogging } from "../cli-logging.js";
import { openStore } from "../open-store.js";
import { addOptions, resolveOptions, type ResolvedOptions } from "../option-values.js";
import { describeStore, storeConfigOf } from "../store-config.js";
import { PROCESS_IO, type CliIO } from "../sync-runner.js";

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or output goes to a file. */
export function useColor(stdout: { isTTY?: boolean }, env: Record<string, string | undefined>, toFile: boolean): boolean {
  return !toFile && stdout.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === "");
}

interface ReportOptions {
  format: Format;
  output: string | null;
  filters: ReportFilters;
  failOn: Severity | null;
  limit: number | undefined;
  sections: ReportSection[] | undefined;
}

function severityOf(value: unknown, flag: string): Severity {
  const s = String(value) as Severity;
  if (!SEVERITIES.includes(s)) throw new ScoutgraphError("USAGE", `${flag} must be one of ${SEVERITIES.join(", ")}, got "${String(value)}".`);
  return s;
}

/** The table's width: the terminal's, else (a pipe, a file) the default, so the same columns show. */
export function tableWidth(stdout: { isTTY?: boolean; columns?: number }, toFile: boolean): number {
  return !toFile && stdout.isTTY === true && typeof stdout.columns === "number" && stdout.columns > 0 ? stdout.columns : DEFAULT_TABLE_WIDTH;
}

function reportOptions(resolved: ResolvedOptions): ReportOptions {
  const v = resolved.values;
  const format = String(v.format ?? "table") as Format;
  if (!FORMATS.includes(format)) throw new ScoutgraphError("USAGE", `--format must be one of ${FORMATS.join(", ")}, got "${format}".`);
  const minSeverity = severityOf(v.minSeverity ?? "low", "--min-severity");
  const top = Number(v.top ?? 5);
  if (!Number.isInteger(top) || top < 1) throw new ScoutgraphError("USAGE", `--top expects a positive integer, got "${String(v.top)}".`);
  const text = (x: unknown): string | null => (typeof x === "string" && x !== "" ? x : null);
  const limit = v.limit === undefined ? undefined : Number(v.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw new ScoutgraphError("USAGE", `--limit expects 0 (all) or a positive integer, got "${String(v.limit)}".`);
  const sections = text(v.sections);
  const rankBy = text(v.rankBy);
  if (rankBy !== null && rankBy !== "exposure" && rankBy !== "fixes") throw new ScoutgraphError("USAGE", `--rank-by must be exposure or fixes, got "${rankBy}".`);
  const groupBy = text(v.groupBy);
  if (groupBy !== null && groupBy !== "owner") throw new ScoutgraphError("USAGE", `--group-by must be owner, got "${groupBy}".`);
  let maxAgeSeconds: number | null = null;
  const maxAge = text(v.maxAge);
  if (maxAge !== null) {
    try {
      maxAgeSeconds = parseDuration(maxAge) / 1000;
    } catch (err) {
      throw new ScoutgraphError("USAGE", `--max-age: ${(err as Error).message}.`);
    }
  }
  return {
    format,
    output: text(v.output),
    filters: {
      image: text(v.image),
      base: text(v.base),
      minSeverity,
      top,
      running: v.running === true,
      exposed: v.exposed === true,
      rankBy,
      groupBy,
      maxAgeSeconds,
    },
    failOn: text(v.failOn) === null ? null : severityOf(v.failOn, "--fail-on"),
    limit,
    sections: sections === null ? undefined : parseSections(sections),
  };
}

/** `--output` into a folder that does not exist is a configuration error (exit 2), found before any work. */
async function assertFolderExists(output: string): Promise<void> {
  const folder = dirname(resolvePath(output));
  const stats = await stat(folder).catch(() => undefined);
  if (stats === undefined || !stats.isDirectory()) {
    throw new ScoutgraphError("USAGE", `--output ${escapeControls(output)}: the folder ${escapeControls(folder)} does not exist.`);
  }
}

export async function executeReport(resolved: ResolvedOptions, io: CliIO & { stdout: { isTTY?: boolean; columns?: number } }): Promise<number> {
  const options = reportOptions(resolved);
  if (options.filters.image !== null && isGlob(options.filters.image)) {
    try {
      parseGlob(options.filters.image);
    } catch (err) {
      if (!(err instanceof GlobError)) throw err;
      throw new ScoutgraphError("USAGE", `--image ${escapeControls(options.filters.image)}: ${err.message}.`);
    }
  }
  if (options.output !== null) await assertFolderExists(options.output);
  const { log } = cliLogging(resolved, io);
  const config = await storeConfigOf(resolved, io.env, log);
  const store = await openStore(config, { readOnly: true });
  try {
    await store.verifyConnectivity();
    if (!(await hasDockerScoutData(store))) {
      const where = config.kind === "neo4j" ? ` --neo4j-uri ${config.uri} --create-target-images` : config.path === "./scoutgraph-db" ? "" : ` --store ${config.path}`;
      throw new ScoutgraphError("NO_DATA", `no Docker Scout data in ${describeStore(config)} yet: load reports first with \`scoutgraph sync --docker-scout-source SOURCE${where}\`.`);
    }
    const report = await generateFleetReport(store, { filters: options.filters });
    for (const line of contextLines(report)) log.info(line);
    const toFile = options.output !== null;
    const text = render(report, options.format, {
      color: useColor(io.stdout, io.env, toFile),
      width: tableWidth(io.stdout, toFile),
      limit: options.limit,
      sections: options.sections,
    });
    if (options.output === null) io.stdout.write(text);
    else {
      await writeFile(options.output, text);
      log.info(`Wrote the ${options.format} report to ${options.output}`);
    }
    if (options.failOn !== null && failsGate(report, options.failOn)) {
      log.warn(`--fail-on ${options.failOn}: an image in the report has an update fixing ${options.failOn} vulnerabilities or worse.`);
      return EXIT.GATE;
    }
    return EXIT.OK;
  } finally {
    await store.close();
  }
}

export function registerReportCommand(program: Command): void {
  const cmd = program
    .command("report")
    .description(
      "Rank base-image updates across the fleet: per image, per base image, and the top actions by critical then high vulnerabilities fixed.",
    );
  addOptions(cmd, "report").action(async (_opts, command: Command) => {
    const resolved = resolveOptions("report", command.opts(), PROCESS_IO.env);
    process.exitCode = await executeReport(resolved, { ...PROCESS_IO, stdout: process.stdout });
  });
}
