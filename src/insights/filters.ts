// The report's filters: --image is a glob when it contains `*`, `?` or `[`, else a substring; both
// case-insensitive and matched against an image's display name and its id. --base matches a base
// image's repository (`node`) or its full id (`node:20-alpine`), case-insensitively.

const GLOB_CHARS = /[*?[]/;

export function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

type Token = { kind: "any" } | { kind: "one" } | { kind: "char"; char: string } | { kind: "class"; negate: boolean; ranges: [string, string][] };

/** Thrown for a glob that cannot mean anything, e.g. the reversed range `[z-a]`. */
export class GlobError extends Error {}

/** A glob over the whole string: `*` any run, `?` one character, `[abc]`/`[a-z]`/`[!abc]` a class. */
export function parseGlob(glob: string): Token[] {
  const tokens: Token[] = [];
  // Classes keep their case: a range is between code points as written (`[a-A]` is reversed, as
  // in a regular expression), and matching folds case per character (matchesOne).
  const chars = [...glob];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === "*") {
      if (tokens.at(-1)?.kind !== "any") tokens.push({ kind: "any" }); // ** is *
    } else if (ch === "?") tokens.push({ kind: "one" });
    else if (ch === "[") {
      const close = chars.indexOf("]", i + 2);
      if (close === -1) {
        tokens.push({ kind: "char", char: ch });
        continue;
      }
      let body = chars.slice(i + 1, close);
      const negate = body[0] === "!" || body[0] === "^";
      if (negate) body = body.slice(1);
      const ranges: [string, string][] = [];
      for (let j = 0; j < body.length; j++) {
        const from = body[j] as string;
        const to = body[j + 2];
        if (body[j + 1] === "-" && to !== undefined) {
          if (to < from) throw new GlobError(`the range ${from}-${to} in [${body.join("")}] is reversed; write [${to}-${from}]`);
          ranges.push([from, to]);
          j += 2;
        } else ranges.push([from, from]);
      }
      tokens.push({ kind: "class", negate, ranges });
      i = close;
    } else tokens.push({ kind: "char", char: ch.toLowerCase() });
  }
  return tokens;
}

function matchesOne(token: Token, ch: string): boolean {
  switch (token.kind) {
    case "one":
      return true;
    case "char":
      return token.char === ch;
    case "class":
      // `ch` is lower case; like a case-insensitive regular expression, either case may fall in the range.
      return token.ranges.some(([from, to]) => [ch, ch.toUpperCase()].some((c) => c >= from && c <= to)) !== token.negate;
    case "any":
      return false;
  }
}

/**
 * Whole-string match by the classic wildcard walk: on a mismatch, only the last `*` is retried one
 * character further. Time is at most name length x pattern length, never exponential (a regex
 * with several `.*` backtracks: a 100 KB name against '*web-*web-*-prod' ran for minutes).
 */
export function globMatches(tokens: readonly Token[], text: string): boolean {
  const chars = [...text.toLowerCase()];
  let t = 0;
  let c = 0;
  let starToken = -1;
  let starChar = 0;
  while (c < chars.length) {
    const token = tokens[t];
    if (token !== undefined && token.kind !== "any" && matchesOne(token, chars[c] as string)) {
      t++;
      c++;
    } else if (token?.kind === "any") {
      starToken = t++;
      starChar = c;
    } else if (starToken >= 0) {
      t = starToken + 1;
      c = ++starChar;
    } else return false;
  }
  while (tokens[t]?.kind === "any") t++;
  return t === tokens.length;
}

export function imageMatcher(pattern: string | null): (name: string, id: string) => boolean {
  if (pattern === null || pattern === "") return () => true;
  if (isGlob(pattern)) {
    const tokens = parseGlob(pattern);
    return (name, id) => globMatches(tokens, name) || globMatches(tokens, id);
  }
  const needle = pattern.toLowerCase();
  return (name, id) => name.toLowerCase().includes(needle) || id.toLowerCase().includes(needle);
}

export function baseMatcher(base: string | null): (name: string, id: string) => boolean {
  if (base === null || base === "") return () => true;
  const wanted = base.toLowerCase();
  return (name, id) => name.toLowerCase() === wanted || id.toLowerCase() === wanted;
}
