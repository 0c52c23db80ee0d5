// `scoutgraph query "CYPHER"`: a read-only query against either store, printed as a table or JSON.
// Anything but a graph read is refused by the stores' sandboxes (a USAGE error, exit 2); rows are
// streamed to stdout, so a result of any size runs in bounded memory.
import type { Command } from "commander";
import { EXIT } from "../../errors.js";
import { cliLogging } from "../cli-logging.js";
import { openStore } from "../open-store.js";
import { addOptions, resolveOptions } from "../option-values.js";
import { BufferedSink } from "../buffered-sink.js";
import { writeRowsJson, writeTable } from "../render-table.js";
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
      const sink = new BufferedSink(process.stdout);
      try {
        await (resolved.values.json === true ? writeRowsJson : writeTable)(store.stream(cypher), sink);
      } finally {
        // What was printed before a failure still reaches the reader.
        await sink.flush();
      }
      process.exitCode = EXIT.OK;
    } finally {
      await store.close();
    }
  });
}
