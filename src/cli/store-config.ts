// Which graph store the options select, and its credentials: Neo4j when --neo4j-uri is given,
// otherwise the embedded store at --store. The password comes from an environment variable or a
// prompt, never from the command line, and is never logged. The URI is checked before any driver
// sees it (stores/neo4j/uri.ts): a password inside it is refused, never echoed.
import { ScoutgraphError } from "../errors.js";
import { checkNeo4jUri } from "../stores/neo4j/uri.js";
import type { SyncLogger } from "../sync/logger.js";
import { isGiven, originOf, type ResolvedOptions } from "./option-values.js";
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
    throw new ScoutgraphError(
      "USAGE",
      `${originOf(resolved, "store")} (the embedded store) and ${originOf(resolved, "neo4jUri")} (Neo4j) select different stores; give one of them.`,
    );
  }
  checkNeo4jUri(uri, originOf(resolved, "neo4jUri"));
  const user = v.neo4jUser as string | undefined;
  const envVar = v.neo4jPasswordEnvVar as string | undefined;
  if (envVar !== undefined && user === undefined) {
    throw new ScoutgraphError(
      "USAGE",
      `${originOf(resolved, "neo4jPasswordEnvVar")} needs --neo4j-user: without a user no credentials are sent, so the password would be ignored.`,
    );
  }
  let password: string | undefined;
  if (v.neo4jPasswordPrompt === true) {
    password = await prompt();
  } else if (user !== undefined && envVar !== undefined) {
    password = env[envVar];
    if (password === undefined || password === "") {
      log.warn(`Neo4j username was provided but a password could not be found: the environment variable ${envVar} is not set.`);
    }
  } else if (user !== undefined) {
    log.warn("Neo4j username was provided but a password could not be found: give --neo4j-password-env-var NAME or --neo4j-password-prompt.");
  }
  return { kind: "neo4j", uri, user, password, database: v.neo4jDatabase as string | undefined };
}

/** The store for logs and summaries, without credentials (a URI with user info never gets this far). */
export function describeStore(config: StoreConfig): string {
  return config.kind === "embedded" ? `embedded (${config.path})` : `neo4j (${config.uri}${config.database ? `, database ${config.database}` : ""})`;
}
