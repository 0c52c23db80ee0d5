// `scoutgraph query "CYPHER"`: a read-only query against either store, printed as a table or JSON.
// Write clauses are refused by the stores (a USAGE error, exit 2).
import type { Command } from "commander";
import { EXIT } from "../../errors.js";
import { cliLogging } from "../cli-logging.js";
import { openStore } from "../open-store.js";
import { addOptions, resolveOptions } from "../option-values.js";
import { renderRowsJson, renderTable } from "../render-table.js";
import { storeConfigOf } from "../store-config.js";
import { PROCESS_IO } from "../sync-runner.js";

export function registerQueryCommand(program: Command): void {
  const cmd = program
    .command("query")
    .description("Run a read-only Cypher query against the graph and print the rows.")
    .argument("<cypher>", "the Cypher query (read-only: MATCH ... RETURN ...)");
  addOptions(cmd, "query").action(async (cypher: string, _opts, command: Command) => {
    const io = PROCESS_IO;
    const resolved = resolveOptions("query", command.opts(), io.env);
    const { log } = cliLogging(resolved, { ...io, stderr: { write: (t: string) => io.stderr.write(t) } });
    const store = await openStore(await storeConfigOf(resolved, io.env, log), { readOnly: true });
    try {
      // Fail in a second on an unreachable server, not after the driver's 30 s of retries.
      await store.verifyConnectivity();
      const rows = await store.query(cypher);
      io.stdout.write(resolved.values.json === true ? renderRowsJson(rows) : renderTable(rows));
      process.exitCode = EXIT.OK;
    } finally {
      await store.close();
    }
  });
}
