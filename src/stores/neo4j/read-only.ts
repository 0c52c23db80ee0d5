// The `query` command runs user Cypher: it must not write. The server refuses writes in a READ
// transaction; this check gives the clear message first. Words in strings, quoted names, comments,
// property accesses (`n.set`) and map keys (`{set: 1}`) are not clauses.
import { ScoutgraphError } from "../../errors.js";

const WRITE_CLAUSE = /(?<![\w.$])(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|LOAD\s+CSV|ALTER|GRANT|DENY|REVOKE|TERMINATE|IN\s+TRANSACTIONS)(?![\w$])(?!\s*:)/i;

/** Cypher with string literals, quoted names and comments blanked, so only clauses remain. */
function stripLiterals(cypher: string): string {
  return cypher.replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`[^`]*`|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, " ");
}

export function assertReadOnly(cypher: string): void {
  const found = WRITE_CLAUSE.exec(stripLiterals(cypher));
  if (found) {
    throw new ScoutgraphError("USAGE", `query is read-only: \`${found[1]?.toUpperCase()}\` is not allowed`);
  }
}
