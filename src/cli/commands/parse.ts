// `scoutgraph parse PATH...`: placeholder until the parser lands (issue 2).
import type { Command } from "commander";

export function registerParseCommand(program: Command): void {
  program
    .command("parse")
    .description("Parse docker scout recommendations reports and print what was found.")
    .argument("<path...>", "report files or folders")
    .option("--json", "print the parse as JSON")
    .action(() => {
      throw new Error("parse is not implemented yet");
    });
}
