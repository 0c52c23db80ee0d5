// The statement: reading clauses (MATCH, OPTIONAL MATCH, UNWIND, CALL of an allow-listed table
// function), WITH, RETURN with ORDER BY / SKIP / LIMIT, joined by UNION; one statement, an optional
// final `;`. A word that starts anything else (COPY, LOAD, EXPORT, CREATE, CHECKPOINT, ...) is
// named in the refusal.
import { ALLOWED_CALLS } from "./allow-list.js";
import { asciiUpper, type Cursor } from "./cursor.js";
import { parseExpression } from "./expressions.js";
import { parsePattern } from "./patterns.js";

export const ALLOWED_CLAUSES = "MATCH, OPTIONAL MATCH, WHERE, UNWIND, WITH, RETURN, ORDER BY, SKIP, LIMIT, UNION and CALL of show_tables, table_info, show_connection";

export function parseQuery(c: Cursor): void {
  if (c.atEnd) c.refuseHere("the query is empty");
  singleQuery(c);
  while (c.keyword("UNION")) {
    c.keyword("ALL");
    singleQuery(c);
  }
  if (c.punct(";") && !c.atEnd) c.fail("one statement only: nothing may follow `;`");
  if (!c.atEnd) notAllowed(c, "after RETURN");
}

function singleQuery(c: Cursor): void {
  for (;;) {
    if (c.keyword("OPTIONAL")) {
      c.expectKeyword("MATCH");
      match(c);
    } else if (c.keyword("MATCH")) match(c);
    else if (c.keyword("UNWIND")) {
      parseExpression(c);
      c.expectKeyword("AS");
      c.name();
    } else if (c.isWord(0, "CALL")) {
      call(c);
    } else if (c.keyword("WITH")) {
      projection(c);
      if (c.keyword("WHERE")) parseExpression(c);
    } else if (c.keyword("RETURN")) return projection(c);
    else notAllowed(c, "here");
  }
}

function match(c: Cursor): void {
  parsePattern(c, parseExpression);
  if (c.keyword("WHERE")) parseExpression(c);
}

function call(c: Cursor): void {
  c.keyword("CALL");
  const name = asciiUpper(c.peek());
  if (name === undefined || !ALLOWED_CALLS.has(name) || !c.isPunct(1, "(")) {
    c.refuseHere(`CALL \`${c.peek()?.text ?? ""}\` is not allowed`, "CALL runs only show_tables(), table_info(...) and show_connection(...)");
  }
  c.take("function");
  c.expectPunct("(");
  if (!c.punct(")")) {
    do parseExpression(c);
    while (c.punct(","));
    c.expectPunct(")");
  }
  if (c.keyword("WHERE")) parseExpression(c);
  if (c.keyword("YIELD")) {
    do {
      c.name();
      if (c.keyword("AS")) c.name();
    } while (c.punct(","));
  }
}

function projection(c: Cursor): void {
  c.keyword("DISTINCT");
  if (!c.punct("*")) item(c);
  while (c.punct(",")) item(c);
  if (c.keyword("ORDER")) {
    c.expectKeyword("BY");
    do {
      parseExpression(c);
      c.keyword("ASC", "ASCENDING", "DESC", "DESCENDING");
    } while (c.punct(","));
  }
  if (c.keyword("SKIP")) parseExpression(c);
  if (c.keyword("LIMIT")) parseExpression(c);
}

function item(c: Cursor): void {
  parseExpression(c);
  if (c.keyword("AS")) c.name();
}

/** Refuse the token at the cursor, naming a statement keyword as such. */
function notAllowed(c: Cursor, where: string): never {
  const word = asciiUpper(c.peek());
  if (word !== undefined && STATEMENT_WORDS.has(word)) {
    c.refuseHere(`\`${word}\` is not allowed`, `it runs graph reads only: ${ALLOWED_CLAUSES}`);
  }
  const token = c.peek();
  c.refuseHere(`\`${token?.text.slice(0, 40) ?? ""}\` is not allowed ${where}`, `it runs graph reads only: ${ALLOWED_CLAUSES}`);
}

const STATEMENT_WORDS = new Set(
  `LOAD COPY EXPORT IMPORT INSTALL UNINSTALL UPDATE FORCE ATTACH DETACH USE CHECKPOINT BEGIN COMMIT ROLLBACK
   COMMIT_SKIP_CHECKPOINT ROLLBACK_SKIP_CHECKPOINT CREATE MERGE SET DELETE REMOVE DROP ALTER COMMENT ANALYZE
   EXPLAIN PROFILE FOREACH CALL`.split(/\s+/),
);
