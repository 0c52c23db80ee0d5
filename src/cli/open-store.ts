// Opens the GraphStore a StoreConfig names. Store adapters are imported lazily so that a Neo4j
// run never loads the embedded store's native binding, and the reverse.
import type { GraphStore } from "../stores/graph-store.js";
import type { StoreConfig } from "./store-config.js";

export async function openStore(config: StoreConfig, options: { readOnly?: boolean } = {}): Promise<GraphStore> {
  if (config.kind === "neo4j") {
    const { Neo4jGraphStore } = await import("../stores/neo4j/neo4j-graph-store.js");
    return new Neo4jGraphStore({ uri: config.uri, user: config.user, password: config.password, database: config.database });
  }
  const { EmbeddedGraphStore } = await import("../stores/embedded/embedded-graph-store.js");
  embeddedLoaded = await import("../stores/embedded/write-session.js");
  return new EmbeddedGraphStore({ path: config.path, readOnly: options.readOnly === true });
}

let embeddedLoaded: typeof import("../stores/embedded/write-session.js") | undefined;

/** Synchronously drop this process's embedded-store copies (for an exit that cannot wait). */
export function abandonEmbeddedWrites(): void {
  embeddedLoaded?.abandonAllSync();
}
