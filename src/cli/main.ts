#!/usr/bin/env node
// The scoutgraph command line: one file per command under cli/commands, errors mapped to exit codes.
import { Command } from "commander";
import { VERSION } from "../version.js";
import { registerParseCommand } from "./commands/parse.js";

export function buildProgram(): Command {
  const program = new Command("scoutgraph")
    .description(
      "Ingest `docker scout recommendations` reports into a Cartography-compatible graph and rank base-image updates across a fleet.",
    )
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  registerParseCommand(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    const code = (err as { code?: string; exitCode?: number }).code;
    if (code === "commander.helpDisplayed" || code === "commander.version" || code === "commander.help") return 0;
    if (typeof code === "string" && code.startsWith("commander.")) return 2;
    console.error(`scoutgraph: ${(err as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv);
