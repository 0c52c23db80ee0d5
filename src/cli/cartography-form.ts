// The Cartography-compatible top-level form, so a Cartography command line runs unchanged:
//   scoutgraph --neo4j-uri ... --selected-modules docker_scout --docker-scout-source SRC
// scoutgraph provides two of Cartography's modules: docker_scout (the sync) and create-indexes
// (which the sync does anyway; accepted because Cartography's docs recommend running it first).
import type { Command } from "commander";
import { EXIT, ScoutgraphError } from "../errors.js";
import { cliLogging } from "./cli-logging.js";
import { openStore } from "./open-store.js";
import { addOptions, resolveOptions } from "./option-values.js";
import { storeConfigOf } from "./store-config.js";
import { executeSync, PROCESS_IO } from "./sync-runner.js";

export const MODULES = ["create-indexes", "docker_scout"] as const;

/** The modules of --selected-modules, validated; undefined means "all", as in Cartography. */
export function parseSelectedModules(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(",").map((s) => s.trim()).filter((s) => s !== "");
  const unknown = names.filter((n) => !(MODULES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new ScoutgraphError(
      "USAGE",
      `--selected-modules: unknown module(s) ${unknown.map((n) => `"${n}"`).join(", ")}; scoutgraph provides only ${MODULES.join(" and ")}.`,
    );
  }
  if (names.length === 0) throw new ScoutgraphError("USAGE", `--selected-modules is empty; scoutgraph provides ${MODULES.join(" and ")}.`);
  return names;
}

export function registerCartographyForm(program: Command): void {
  addOptions(program, "cartography").action(async () => {
    if (process.argv.length <= 2) {
      program.outputHelp({ error: true });
      process.exitCode = EXIT.USAGE;
      return;
    }
    const io = PROCESS_IO;
    const resolved = resolveOptions("cartography", program.opts(), io.env);
    const modules = parseSelectedModules(resolved.values.selectedModules as string | undefined);
    if (modules === undefined || modules.includes("docker_scout")) {
      process.exitCode = await executeSync(resolved, io, "skip");
      return;
    }
    // Only create-indexes: prepare the store and stop.
    const { log } = cliLogging(resolved, io);
    const store = await openStore(await storeConfigOf(resolved, io.env, log));
    try {
      await store.verifyConnectivity();
      await store.prepare();
      log.info("Indexes created.");
    } finally {
      await store.close();
    }
    process.exitCode = EXIT.OK;
  });
}
