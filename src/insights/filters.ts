// The report's filters: --image is a glob when it contains `*`, `?` or `[`, else a substring; both
// case-insensitive and matched against an image's display name and its id. --base matches a base
// image's repository (`node`) or its full id (`node:20-alpine`), case-insensitively.

const GLOB_CHARS = /[*?[]/;

export function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

/** A glob over the whole string: `*` any run, `?` one character, `[abc]`/`[!abc]` a class. */
export function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === "*") out += ".*";
    else if (ch === "?") out += ".";
    else if (ch === "[") {
      const close = glob.indexOf("]", i + 2);
      if (close === -1) {
        out += "\\[";
        continue;
      }
      let body = glob.slice(i + 1, close);
      const negate = body.startsWith("!") || body.startsWith("^");
      if (negate) body = body.slice(1);
      out += `[${negate ? "^" : ""}${body.replace(/[\\\]^]/g, "\\$&")}]`;
      i = close;
    } else out += ch.replace(/[.+^${}()|\\/\]]/g, "\\$&");
  }
  return new RegExp(`^${out}$`, "is");
}

export function imageMatcher(pattern: string | null): (name: string, id: string) => boolean {
  if (pattern === null || pattern === "") return () => true;
  if (isGlob(pattern)) {
    const re = globToRegExp(pattern);
    return (name, id) => re.test(name) || re.test(id);
  }
  const needle = pattern.toLowerCase();
  return (name, id) => name.toLowerCase().includes(needle) || id.toLowerCase().includes(needle);
}

export function baseMatcher(base: string | null): (name: string, id: string) => boolean {
  if (base === null || base === "") return () => true;
  const wanted = base.toLowerCase();
  return (name, id) => name.toLowerCase() === wanted || id.toLowerCase() === wanted;
}
