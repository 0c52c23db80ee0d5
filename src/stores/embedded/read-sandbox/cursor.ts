// The parser's view of the tokens: look ahead, consume, and record what each word turned out to be
// (a keyword the grammar placed, a name, a function, a type). The canonical text is written from
// those roles, so a word can only reach the store as a bare keyword where the grammar put one.
import { LADYBUG_KEYWORDS } from "./allow-list.js";
import type { Token } from "./lexer.js";
import { refuse } from "./refusal.js";

export type Role = "keyword" | "name" | "function" | "type";

const ASCII_WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Deeper nesting than this is refused rather than risking the parser's stack. */
const MAX_DEPTH = 200;

/** A word's upper-case spelling when it is plain ASCII (keywords and allow-listed names are). */
export function asciiUpper(token: Token | undefined): string | undefined {
  return token?.kind === "word" && ASCII_WORD.test(token.text) ? token.text.toUpperCase() : undefined;
}

export class Cursor {
  private pos = 0;
  private depth = 0;
  private readonly roles = new Map<number, Role>();

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
  ) {}

  peek(ahead = 0): Token | undefined {
    return this.tokens[this.pos + ahead];
  }

  get atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  /** The token `ahead` is one of these keywords (ASCII, any case). */
  isWord(ahead: number, ...keywords: string[]): boolean {
    const upper = asciiUpper(this.peek(ahead));
    return upper !== undefined && keywords.includes(upper);
  }

  isPunct(ahead: number, ...puncts: string[]): boolean {
    const t = this.peek(ahead);
    return t?.kind === "punct" && puncts.includes(t.text);
  }

  isName(ahead = 0): boolean {
    const kind = this.peek(ahead)?.kind;
    return kind === "word" || kind === "escaped";
  }

  /** Consume the keyword if it is next; returns whether it was. */
  keyword(...keywords: string[]): boolean {
    if (!this.isWord(0, ...keywords)) return false;
    this.take("keyword");
    return true;
  }

  expectKeyword(keyword: string): void {
    if (!this.keyword(keyword)) this.fail(`expected ${keyword}`);
  }

  punct(...puncts: string[]): boolean {
    if (!this.isPunct(0, ...puncts)) return false;
    this.take();
    return true;
  }

  expectPunct(punct: string): void {
    if (!this.punct(punct)) this.fail(`expected \`${punct}\``);
  }

  /** A variable, label, property key or alias. */
  name(): void {
    if (!this.isName()) this.fail("expected a name");
    this.take("name");
  }

  /** Consume the next token (any kind), recording the role of a word. */
  take(role?: Role): Token {
    const token = this.peek();
    if (!token) this.fail("the query ends too early");
    if (role) this.roles.set(this.pos, role);
    this.pos++;
    return token;
  }

  nested<T>(parse: () => T): T {
    if (++this.depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels is not allowed`);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  fail(reason: string): never {
    const token = this.peek();
    if (!token) refuse(`${reason}, but the query ends`, this.text, this.text.length);
    refuse(`${reason}, found \`${token.text.slice(0, 40)}\``, this.text, token.start);
  }

  /** Refuse at the current token with a reason that already names it. */
  refuseHere(reason: string, hint?: string): never {
    refuse(reason, this.text, this.peek()?.start ?? this.text.length, hint);
  }

  /** The query as the store will run it: tokens only, one space where there was a gap. */
  canonical(): string {
    let out = "";
    this.tokens.forEach((token, i) => {
      const previous = this.tokens[i - 1];
      if (previous && (token.gapBefore || (wordLike(previous) && wordLike(token)))) out += " ";
      out += this.render(token, i);
    });
    return out;
  }

  private render(token: Token, i: number): string {
    const role = this.roles.get(i);
    switch (token.kind) {
      case "word":
        if (role === "keyword" || role === "type") return token.text.toUpperCase();
        if (role === "function") return token.text;
        if (role === "name") return quoteName(token.value);
        // Unreachable: the grammar consumes every word through a role.
        throw new Error(`read sandbox: word without a role at ${token.start}`);
      case "escaped":
        return quoteName(token.value);
      case "param":
        return `$${/^\d+$/.test(token.value) ? token.value : quoteName(token.value)}`;
      default:
        return token.text;
    }
  }
}

function wordLike(token: Token): boolean {
  return token.kind !== "punct";
}

/** A name as the store should read it: bare when it cannot be a keyword, else in backticks. */
export function quoteName(name: string): string {
  return ASCII_WORD.test(name) && !LADYBUG_KEYWORDS.has(name.toUpperCase()) ? name : `\`${name}\``;
}
