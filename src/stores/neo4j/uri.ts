// Checks a Neo4j URI before any driver sees it: the driver accepts `bolt://host:notaport` (and
// connects to 7687), takes a password from `bolt://user:pw@host` and puts the whole URI into its
// errors. A URI is refused unless it is scheme://host[:port] with a Bolt scheme; the refusal never
// repeats a URI that carries user info, since that is where a password would be.
import { ScoutgraphError } from "../../errors.js";

export const NEO4J_SCHEMES = ["bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"] as const;

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;

function refuse(message: string): ScoutgraphError {
  return new ScoutgraphError("USAGE", message);
}

/**
 * Throws a USAGE error unless `uri` is a usable Neo4j URI. `name` says where it came from
 * (`--neo4j-uri` or its environment variable) and starts every message.
 */
export function checkNeo4jUri(uri: string, name: string): void {
  const scheme = SCHEME.exec(uri)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    throw refuse(`${name} needs a scheme, e.g. bolt://${/^[\w.[\]:-]+$/.test(uri) ? uri : "localhost:7687"} (or neo4j://, neo4j+s:// for Aura).`);
  }
  const authority = uri.slice(uri.indexOf("://") + 3).split(/[/?#]/, 1)[0] ?? "";
  if (authority.includes("@")) {
    // Do not echo it: the part before @ may be a password.
    throw refuse(`${name} must not contain a user name or password; use --neo4j-user with --neo4j-password-env-var NAME or --neo4j-password-prompt.`);
  }
  if (scheme === "http" || scheme === "https") {
    throw refuse(`${name}: scoutgraph talks to Neo4j over Bolt, not HTTP; use bolt://${authority.replace(/:\d+$/, "")}:7687 (Bolt's port), not the browser's ${scheme}:// address.`);
  }
  if (!(NEO4J_SCHEMES as readonly string[]).includes(scheme)) {
    throw refuse(`${name}: unknown scheme "${scheme}://"; use one of ${NEO4J_SCHEMES.map((s) => `${s}://`).join(", ")}.`);
  }
  const hostPort = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]+)(?::(.*))?$/.exec(authority);
  if (hostPort === null || hostPort[1] === undefined || hostPort[1] === "") {
    throw refuse(`${name} has no host name: ${uri}`);
  }
  const port = hostPort[2];
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    throw refuse(`${name}: "${port}" is not a port number (1-65535) in ${uri}`);
  }
}
