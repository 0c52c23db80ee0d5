// Expressions, following the precedence of LadybugDB's grammar: OR, XOR, AND, NOT, one comparison,
// bitwise | & << >>, + -, * / %, ^, string/list/null operators, unary minus, property lookup, atoms.
// Functions must be on the allow-list; the only subqueries are EXISTS { MATCH ... } and
// COUNT { MATCH ... }.
import { ALLOWED_FUNCTIONS, ALLOWED_TYPES } from "./allow-list.js";
import { asciiUpper, type Cursor } from "./cursor.js";
import { parsePattern } from "./patterns.js";

const COMPARISON = ["=", "<>", "<", "<=", ">", ">="];

export function parseExpression(c: Cursor): void {
  c.nested(() => {
    binary(c, 0);
  });
}

// Binary levels from loosest to tightest; each entry says how its operator is spelled.
const LEVELS: { keywords?: string[]; puncts?: string[]; once?: boolean }[] = [
  { keywords: ["OR"] },
  { keywords: ["XOR"] },
  { keywords: ["AND"] },
  { puncts: COMPARISON, once: true },
  { puncts: ["|"] },
  { puncts: ["&"] },
  { puncts: ["<<", ">>"] },
  { puncts: ["+", "-"] },
  { puncts: ["*", "/", "%"] },
  { puncts: ["^"] },
];
const NOT_LEVEL = 3;

function binary(c: Cursor, level: number): void {
  if (level === NOT_LEVEL) while (c.keyword("NOT"));
  if (level >= LEVELS.length) return stringListNull(c);
  const op = LEVELS[level] ?? {};
  binary(c, level + 1);
  while ((op.keywords && c.keyword(...op.keywords)) || (op.puncts && c.punct(...op.puncts))) {
    binary(c, level + 1);
    if (op.once) break;
  }
}

function stringListNull(c: Cursor): void {
  unary(c);
  if (c.punct("=~") || c.keyword("CONTAINS")) return propertyOrLabels(c);
  if (c.isWord(0, "STARTS", "ENDS") && c.isWord(1, "WITH")) {
    c.keyword("STARTS", "ENDS");
    c.expectKeyword("WITH");
    return propertyOrLabels(c);
  }
  if (c.keyword("IS")) {
    c.keyword("NOT");
    c.expectKeyword("NULL");
    return;
  }
  for (;;) {
    if (c.keyword("IN")) propertyOrLabels(c);
    else if (c.punct("[")) subscript(c);
    else return;
  }
}

/** `[i]`, `[a..b]` or `[a:b]` (either bound may be left out of a slice). */
function subscript(c: Cursor): void {
  if (!c.isPunct(0, "..", ":")) parseExpression(c);
  if (c.punct("..", ":") && !c.isPunct(0, "]")) parseExpression(c);
  c.expectPunct("]");
}

function unary(c: Cursor): void {
  while (c.punct("-"));
  propertyOrLabels(c);
  c.punct("!");
}

function propertyOrLabels(c: Cursor): void {
  atom(c);
  while (c.punct(".")) {
    if (!c.punct("*")) c.name();
  }
}

function atom(c: Cursor): void {
  const t = c.peek();
  if (!t) return c.fail("expected an expression");
  if (t.kind === "number" || t.kind === "string" || t.kind === "param") {
    c.take();
    return;
  }
  if (c.punct("(")) {
    parseExpression(c);
    return c.expectPunct(")");
  }
  if (c.punct("[")) return list(c);
  if (c.punct("{")) return struct(c);
  if (c.keyword("TRUE", "FALSE", "NULL")) return;
  if (c.isWord(0, "CASE")) return caseExpression(c);
  if (c.isWord(0, "EXISTS", "COUNT") && c.isPunct(1, "{")) return subquery(c);
  if (c.isWord(0, "ALL", "ANY", "NONE", "SINGLE") && c.isPunct(1, "(")) return quantifier(c);
  if (c.isWord(0, "CAST") && c.isPunct(1, "(")) return cast(c);
  if (c.isName() && c.isPunct(1, "(")) return functionCall(c);
  if (c.isName()) return c.name();
  c.fail("expected an expression");
}

function list(c: Cursor): void {
  if (c.punct("]")) return;
  do parseExpression(c);
  while (c.punct(","));
  c.expectPunct("]");
}

/** `{key: value, ...}`: a struct literal (keys are names or strings). */
function struct(c: Cursor): void {
  do {
    if (c.peek()?.kind === "string") c.take();
    else c.name();
    c.expectPunct(":");
    parseExpression(c);
  } while (c.punct(","));
  c.expectPunct("}");
}

function caseExpression(c: Cursor): void {
  c.expectKeyword("CASE");
  if (!c.isWord(0, "WHEN")) parseExpression(c);
  if (!c.isWord(0, "WHEN")) c.fail("expected WHEN");
  while (c.keyword("WHEN")) {
    parseExpression(c);
    c.expectKeyword("THEN");
    parseExpression(c);
  }
  if (c.keyword("ELSE")) parseExpression(c);
  c.expectKeyword("END");
}

function subquery(c: Cursor): void {
  c.keyword("EXISTS", "COUNT");
  c.expectPunct("{");
  c.expectKeyword("MATCH");
  parsePattern(c, parseExpression);
  if (c.keyword("WHERE")) parseExpression(c);
  c.expectPunct("}");
}

/** ALL / ANY / NONE / SINGLE (x IN list WHERE predicate). */
function quantifier(c: Cursor): void {
  c.keyword("ALL", "ANY", "NONE", "SINGLE");
  c.expectPunct("(");
  c.name();
  c.expectKeyword("IN");
  parseExpression(c);
  c.expectKeyword("WHERE");
  parseExpression(c);
  c.expectPunct(")");
}

/** CAST(x AS TYPE) with an allow-listed type (optionally a list of it), or CAST(x, 'TYPE'). */
function cast(c: Cursor): void {
  c.keyword("CAST");
  c.expectPunct("(");
  parseExpression(c);
  if (c.punct(",")) parseExpression(c);
  else {
    c.expectKeyword("AS");
    const type = asciiUpper(c.peek());
    if (type === undefined || !ALLOWED_TYPES.has(type)) c.refuseHere(`CAST to \`${c.peek()?.text ?? ""}\` is not allowed`);
    c.take("type");
    while (c.punct("[")) c.expectPunct("]");
  }
  c.expectPunct(")");
}

function functionCall(c: Cursor): void {
  const name = asciiUpper(c.peek());
  if (name === undefined || !ALLOWED_FUNCTIONS.has(name)) {
    c.refuseHere(`function \`${c.peek()?.text ?? ""}\` is not allowed`, "docs/embedded-store.md lists the functions a query may call");
  }
  c.take("function");
  c.expectPunct("(");
  if (name === "COUNT" && c.punct("*")) return c.expectPunct(")");
  c.keyword("DISTINCT");
  if (c.punct(")")) return;
  do argument(c);
  while (c.punct(","));
  c.expectPunct(")");
}

/** An argument: an expression, or a lambda `x -> ...` / `(x, y) -> ...` (list_transform & co.). */
function argument(c: Cursor): void {
  const names = lambdaNames(c);
  if (names === 0) return parseExpression(c);
  const parenthesised = c.isPunct(0, "(");
  if (parenthesised) c.take();
  for (let i = 0; i < names; i++) {
    if (i > 0) c.expectPunct(",");
    c.name();
  }
  if (parenthesised) c.expectPunct(")");
  c.expectPunct("-");
  c.expectPunct(">");
  parseExpression(c);
}

/** How many names a lambda at the cursor binds (0: not a lambda). The arrow is `-` then `>` with no gap. */
function lambdaNames(c: Cursor): number {
  const arrowAt = (k: number): boolean => c.isPunct(k, "-") && c.isPunct(k + 1, ">") && c.peek(k + 1)?.gapBefore === false;
  if (c.isName(0) && arrowAt(1)) return 1;
  if (!c.isPunct(0, "(")) return 0;
  let k = 1;
  let count = 0;
  while (c.isName(k)) {
    count++;
    k++;
    if (c.isPunct(k, ")")) return arrowAt(k + 1) ? count : 0;
    if (!c.isPunct(k, ",")) return 0;
    k++;
  }
  return 0;
}
