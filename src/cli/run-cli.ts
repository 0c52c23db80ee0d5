// The scoutgraph command line: one file per command under cli/commands, options declared once in
// cli/options.ts, errors mapped to exit codes here (contract Part A D9).
import { Command } from "commander";
import { ScoutgraphError } from "../errors.js";
import { VERSION } from "../version.js";
import { registerCartographyForm } from "./cartography-form.js";
import { handleClosedStdout } from "./closed-stdout.js";
import { exitCodeOfError } from "./exit-codes.js";
import { configureUsageErrors } from "./usage-errors.js";
import { registerParseCommand } from "./commands/parse.js";
import { registerQueryCommand } from "./commands/query.js";
import { registerReportCommand } from "./commands/report.js";
import { registerScanCommand } from "./commands/scan.js";
import { registerSyncCommand } from "./commands/sync.js";

function buildProgram(): Command {
  const program = new Command("scoutgraph")
    .description(
      "Ingest `docker scout recommendations` reports into a Cartography-compatible graph and rank base-image updates across a fleet.\n" +
        "Without a command, runs as Cartography does: scoutgraph --selected-modules docker_scout --docker-scout-source SOURCE [--neo4j-uri URI ...]",
    )
    .version(VERSION)
    // Options before a command belong to the top-level (Cartography) form, options after it to the command.
    .enablePositionalOptions()
    .exitOverride();
  registerCartographyForm(program);
  registerSyncCommand(program);
  registerQueryCommand(program);
  registerReportCommand(program);
  registerScanCommand(program);
  registerParseCommand(program);
  // Subcommands throw commander errors too, so they reach runCli()'s mapping to exit codes.
  for (const command of program.commands) command.exitOverride();
  configureUsageErrors(program);
  return program;
}

/** Runs one command line; resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  handleClosedStdout();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    const code = (err as { code?: string; exitCode?: number }).code;
    if (code === "commander.helpDisplayed" || code === "commander.version" || code === "commander.help") return 0;
    if (typeof code === "string" && code.startsWith("commander.")) return 2;
    const message = err instanceof ScoutgraphError || err instanceof Error ? err.message : String(err);
    console.error(`scoutgraph: ${message}`);
    return exitCodeOfError(err);
  }
}
