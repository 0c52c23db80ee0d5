// Opens the GraphStore a StoreConfig names. Store adapters are imported lazily so that a Neo4j
// run never loads the embedded store's native binding, and the reverse.
import { ScoutgraphError } from "../errors.js";
import type { GraphStore } from "../stores/graph-store.js";
import type { StoreConfig } from "./store-config.js";

export async function openStore(config: StoreConfig, options: { readOnly?: boolean } = {}): Promise<GraphStore> {
  if (config.kind === "neo4j") {
    const { Neo4jGraphStore } = await import("../stores/neo4j/neo4j-graph-store.js");
    return new Neo4jGraphStore({ uri: config.uri, user: config.user, password: config.password, database: config.database });
  }
  const { EmbeddedGraphStore } = await import("../stores/embedded/embedded-graph-store.js");
  embeddedLoaded = await import("../stores/embedded/write-session.js");
  const bufferPoolBytes = bufferPoolFromEnv(process.env.SCOUTGRAPH_BUFFER_POOL_MB);
  return new EmbeddedGraphStore({ path: config.path, readOnly: options.readOnly === true, ...(bufferPoolBytes ? { bufferPoolBytes } : {}) });
}

/** SCOUTGRAPH_BUFFER_POOL_MB: the embedded store's buffer pool in MiB (docs/operations.md); unset: the store's default. */
export function bufferPoolFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  if (!/^[0-9]+$/.test(value) || Number(value) < 64 || Number(value) > 1_048_576) {
    throw new ScoutgraphError("USAGE", `SCOUTGRAPH_BUFFER_POOL_MB must be a whole number of MiB from 64 to 1048576, not ${JSON.stringify(value)}`);
  }
  return Number(value) * 1024 * 1024;
}

let embeddedLoaded: typeof import("../stores/embedded/write-session.js") | undefined;

/** Synchronously drop this process's embedded-store copies (for an exit that cannot wait). */
export function abandonEmbeddedWrites(): void {
  embeddedLoaded?.abandonAllSync();
}
