// The query sandbox of the embedded store: user Cypher is accepted only when it parses as a graph
// read under an allow-list grammar, and the store then runs the canonical text the sandbox writes
// from its tokens (no comments, plain spaces, names that spell keywords quoted), never the user's.
// Anything else is a USAGE error: one line saying what is not allowed and where.
import { Cursor } from "./cursor.js";
import { tokenize } from "./lexer.js";
import { parseQuery } from "./query.js";
import { refuse } from "./refusal.js";

export { ALLOWED_CALLS, ALLOWED_FUNCTIONS, ALLOWED_TYPES } from "./allow-list.js";
export { REFUSAL_PREFIX } from "./refusal.js";

/** A query longer than this is refused (the sandbox parses it in memory). */
const MAX_QUERY_CHARS = 1_000_000;

/** The canonical text of `cypher` if it is an allowed read; throws a USAGE ScoutgraphError otherwise. */
export function sandboxReadQuery(cypher: string): string {
  if (cypher.length > MAX_QUERY_CHARS) refuse(`a query longer than ${MAX_QUERY_CHARS} characters is not allowed`, cypher, 0);
  const cursor = new Cursor(cypher, tokenize(cypher));
  parseQuery(cursor);
  return cursor.canonical();
}
