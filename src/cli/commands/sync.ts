// `scoutgraph sync --docker-scout-source SOURCE`: the main job (see sync-runner.ts).
import type { Command } from "commander";
import { addOptions, resolveOptions } from "../option-values.js";
import { executeSync, PROCESS_IO } from "../sync-runner.js";

export function registerSyncCommand(program: Command): void {
  const cmd = program
    .command("sync")
    .description("Load Docker Scout recommendation reports into the graph, link them to images, and clean up what is stale.");
  addOptions(cmd, "sync").action(async (_opts, command: Command) => {
    const resolved = resolveOptions("sync", command.opts(), PROCESS_IO.env);
    process.exitCode = await executeSync(resolved, PROCESS_IO, "usage-error");
  });
}
