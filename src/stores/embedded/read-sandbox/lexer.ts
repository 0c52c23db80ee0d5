// Splits user Cypher into tokens the way LadybugDB's lexer does (its Cypher.g4): strings with its
// escapes, backtick-quoted names, numbers, parameters, words and operators. Whitespace (LadybugDB's
// set: U+001C-U+001F, U+00A0, U+2028 ... and U+0085, U+FEFF) and comments are not tokens: they only
// mark a gap, so the canonical text the store runs never contains them. Whatever else appears is
// refused here, before any parser sees it.
import { refuse } from "./refusal.js";

export type TokenKind = "word" | "escaped" | "string" | "number" | "param" | "punct";

export interface Token {
  kind: TokenKind;
  /** The source text of the token. */
  text: string;
  /** A word's text; a quoted name's body; a parameter's name. */
  value: string;
  start: number;
  /** Whitespace or a comment came before it. */
  gapBefore: boolean;
}

// eslint-disable-next-line no-control-regex -- LadybugDB counts U+001C-U+001F as whitespace
const WHITESPACE = /[\t\n\v\f\r \x1c-\x1f\x85\u180e\u2028\u2029\ufeff\p{Zs}]+/uy;
const LINE_COMMENT = /\/\/[^\n\r]*/y;
const BLOCK_COMMENT = /\/\*[\s\S]*?\*\//y;
// LadybugDB's StringLiteral: any character but the quote and the backslash, or one of its escapes.
const ESCAPE = String.raw`\\(?:[\\'"bBfFnNrRtT]|[xX][0-9A-Fa-f]{2}|[uU](?:[0-9A-Fa-f]{8}|[0-9A-Fa-f]{4}))`;
const SINGLE_QUOTED = new RegExp(String.raw`'(?:[^'\\]|${ESCAPE})*'`, "y");
const DOUBLE_QUOTED = new RegExp(String.raw`"(?:[^"\\]|${ESCAPE})*"`, "y");
const ESCAPED_NAME = /`([^`]*)`/y;
const NUMBER = /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE]-?\d+)?/y;
const NAME = String.raw`[\p{ID_Start}\p{Pc}][\p{ID_Continue}\p{Sc}]*`;
const WORD = new RegExp(NAME, "uy");
const PARAM = new RegExp(String.raw`\$(${NAME}|\d+)`, "uy");
const PUNCT = /<>|<=|>=|=~|\.\.|>>|<<|[()[\]{},.:;|&+\-*/%^=<>!]/y;
// Control characters have no use inside a string or a name and C strings end at NUL.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/** The first character at `at`, as a readable description. */
function describeChar(text: string, at: number): string {
  const cp = text.codePointAt(at) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  return cp > 0x20 && cp !== 0x7f ? `\`${String.fromCodePoint(cp)}\` (${hex})` : hex;
}

function match(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  let gap = false;
  while (at < text.length) {
    const space = match(WHITESPACE, text, at) ?? match(LINE_COMMENT, text, at) ?? match(BLOCK_COMMENT, text, at);
    if (space) {
      at += space[0].length;
      gap = true;
      continue;
    }
    if (text.startsWith("/*", at)) refuse("the comment that starts here is never closed", text, at);
    const token = readToken(text, at);
    tokens.push({ ...token, start: at, gapBefore: gap });
    at += token.text.length;
    gap = false;
  }
  return tokens;
}

function readToken(text: string, at: number): Omit<Token, "start" | "gapBefore"> {
  const c = text[at];
  if (c === "'" || c === '"') {
    const m = match(c === "'" ? SINGLE_QUOTED : DOUBLE_QUOTED, text, at);
    if (!m) refuse("this string is not closed or has an escape LadybugDB does not know", text, at);
    if (CONTROL.test(m[0])) refuse("a string holds a control character", text, at);
    // Newer LadybugDB reads '' inside a string as a quote: adjacent strings would lex differently.
    if (text[at + m[0].length] === c) refuse("a quote right after a string is ambiguous", text, at + m[0].length);
    return { kind: "string", text: m[0], value: m[0] };
  }
  if (c === "`") {
    const m = match(ESCAPED_NAME, text, at);
    if (!m) refuse("this quoted name is not closed", text, at);
    const body = m[1] ?? "";
    if (body === "" || CONTROL.test(body)) refuse("a quoted name must not be empty or hold control characters", text, at);
    if (text[at + m[0].length] === "`") refuse("a backtick inside a quoted name is not supported", text, at);
    return { kind: "escaped", text: m[0], value: body };
  }
  const number = match(NUMBER, text, at);
  if (number) return { kind: "number", text: number[0], value: number[0] };
  const param = match(PARAM, text, at);
  if (param) return { kind: "param", text: param[0], value: param[1] ?? "" };
  const word = match(WORD, text, at);
  if (word) return { kind: "word", text: word[0], value: word[0] };
  if (text.startsWith("!=", at)) refuse("`!=` is not Cypher: write `<>`", text, at);
  const punct = match(PUNCT, text, at);
  if (punct) return { kind: "punct", text: punct[0], value: punct[0] };
  refuse(`the character ${describeChar(text, at)} is not allowed here`, text, at);
}
