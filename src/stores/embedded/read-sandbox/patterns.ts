// Graph patterns of MATCH and EXISTS/COUNT subqueries: `p = (a:L {k: v})-[r:T*1..3]->(b)`, with
// LadybugDB's recursive forms (SHORTEST, ALL SHORTEST, TRAIL, ACYCLIC, `(r, n | WHERE ...)`).
// Expressions are parsed by the caller's function, so patterns and expressions stay apart.
import type { Cursor } from "./cursor.js";

type Expression = (c: Cursor) => void;

export function parsePattern(c: Cursor, expression: Expression): void {
  do {
    if (c.isName() && c.isPunct(1, "=")) {
      c.name();
      c.take();
    }
    node(c, expression);
    while (c.isPunct(0, "-", "<")) {
      relationship(c, expression);
      node(c, expression);
    }
  } while (c.punct(","));
}

function node(c: Cursor, expression: Expression): void {
  c.expectPunct("(");
  if (c.isName()) c.name();
  if (c.punct(":")) labels(c, true);
  if (c.punct("{")) properties(c, expression);
  c.expectPunct(")");
}

/** `A|B` (relationship types) or also `A:B` (node labels), after the first `:`. */
function labels(c: Cursor, node: boolean): void {
  c.name();
  for (;;) {
    if (c.punct("|")) c.punct(":");
    else if (!(node && c.punct(":"))) return;
    c.name();
  }
}

function properties(c: Cursor, expression: Expression): void {
  if (c.punct("}")) return;
  do {
    c.name();
    c.expectPunct(":");
    expression(c);
  } while (c.punct(","));
  c.expectPunct("}");
}

function relationship(c: Cursor, expression: Expression): void {
  const left = c.punct("<");
  c.expectPunct("-");
  if (c.punct("[")) {
    if (c.isName()) c.name();
    if (c.punct(":")) labels(c, false);
    if (c.punct("*")) recursive(c, expression);
    if (c.punct("{")) properties(c, expression);
    c.expectPunct("]");
  }
  c.expectPunct("-");
  if (c.punct(">") && left) c.fail("a relationship has one direction");
}

function recursive(c: Cursor, expression: Expression): void {
  if (c.keyword("ALL")) c.expectKeyword("SHORTEST");
  else c.keyword("SHORTEST", "TRAIL", "ACYCLIC");
  const integer = (): boolean => {
    if (!/^\d+$/.test(c.peek()?.text ?? "") || c.peek()?.kind !== "number") return false;
    c.take();
    return true;
  };
  integer();
  if (c.punct("..")) integer();
  if (c.isPunct(0, "(") && c.isName(1)) {
    c.take();
    c.name();
    c.expectPunct(",");
    c.name();
    if (c.punct("|")) {
      c.expectKeyword("WHERE");
      expression(c);
    }
    c.expectPunct(")");
  }
}
