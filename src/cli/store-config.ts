// Which graph store the options select, and its credentials: Neo4j when --neo4j-uri is given,
// otherwise the embedded store at --store. The password comes from an environment variable or a
// prompt, never from the command line, and is never logged.
import { ScoutgraphError } from "../errors.js";
import type { SyncLogger } from "../sync/logger.js";
import { isGiven, type ResolvedOptions } from "./option-values.js";
import { promptPassword } from "./password.js";

export type StoreConfig =
  | { kind: "embedded"; path: string }
  | { kind: "neo4j"; uri: string; user: string | undefined; password: string | undefined; database: string | undefined };

export async function storeConfigOf(
  resolved: ResolvedOptions,
  env: Record<string, string | undefined>,
  log: SyncLogger,
  prompt: () => Promise<string> = promptPassword,
): Promise<StoreConfig> {
  const v = resolved.values;
  const uri = v.neo4jUri as string | undefined;
  if (uri === undefined) return { kind: "embedded", path: String(v.store) };
  if (isGiven(resolved, "store")) {
    throw new ScoutgraphError("USAGE", "--store (the embedded store) and --neo4j-uri (Neo4j) select different stores; give one of them.");
  }
  const user = v.neo4jUser as string | undefined;
  let password: string | undefined;
  if (v.neo4jPasswordPrompt === true) {
    password = await prompt();
  } else if (user !== undefined && v.neo4jPasswordEnvVar !== undefined) {
    password = env[String(v.neo4jPasswordEnvVar)];
  }
  if (user !== undefined && password === undefined) {
    log.warn("Neo4j username was provided but a password could not be found.");
  }
  return { kind: "neo4j", uri, user, password, database: v.neo4jDatabase as string | undefined };
}

/** The store for logs and summaries, without credentials. */
export function describeStore(config: StoreConfig): string {
  return config.kind === "embedded" ? `embedded (${config.path})` : `neo4j (${config.uri}${config.database ? `, database ${config.database}` : ""})`;
}
