// The stand-in's command line: `docker scout …`, `docker-scout …` and the plugin shape
// `docker-scout scout …` (contract §6.1), and the `recommendations` flags of §1.3 parsed the way
// cobra/pflag does (`--x v`, `--x=v`, `-o v`, `-o=v`, flags on either side of the argument, `--`).

export type Invocation =
  | { kind: "metadata" }
  | { kind: "version" }
  | { kind: "not-installed" }
  | { kind: "usage"; message: string }
  | { kind: "recommendations"; flags: RecommendationFlags; positional: string | undefined };

export interface RecommendationFlags {
  onlyRefresh: boolean;
  onlyUpdate: boolean;
  org?: string;
  output?: string;
  platform?: string;
  ref?: string;
  tag?: string;
  debug: boolean;
}

const STRING_FLAGS: Record<string, keyof RecommendationFlags> = { org: "org", output: "output", o: "output", platform: "platform", ref: "ref", tag: "tag" };
const BOOL_FLAGS: Record<string, keyof RecommendationFlags> = { "only-refresh": "onlyRefresh", "only-update": "onlyUpdate", debug: "debug", "verbose-debug": "debug" };

export function parseInvocation(as: "docker" | "docker-scout", argv: readonly string[], installed: boolean): Invocation {
  let rest = [...argv];
  if (as === "docker") {
    if (rest[0] !== "scout") return { kind: "usage", message: `docker: '${rest[0] ?? ""}' is not a docker command.` };
    if (!installed) return { kind: "not-installed" };
    rest = rest.slice(1);
  } else {
    if (rest[0] === "docker-cli-plugin-metadata") return { kind: "metadata" };
    if (rest[0] === "scout") rest = rest.slice(1); // the plugin shape the docker binary uses
  }
  const command = rest[0];
  if (command === "version") return { kind: "version" };
  if (command !== "recommendations") return { kind: "usage", message: `unknown command "${command ?? ""}" for "docker scout"` };
  return parseRecommendations(rest.slice(1));
}

function parseRecommendations(args: readonly string[]): Invocation {
  const flags: RecommendationFlags = { onlyRefresh: false, onlyUpdate: false, debug: false };
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    const match = /^(--?)([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (match === null || !arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }
    const [, dashes, name = "", inline] = match;
    const long = dashes === "--";
    if ((long && name.length === 1) || (!long && name !== "o")) return { kind: "usage", message: `unknown shorthand flag: '${name[0] ?? ""}' in ${arg}` };
    const stringKey = STRING_FLAGS[name];
    const boolKey = BOOL_FLAGS[name];
    if (stringKey !== undefined) {
      const value = inline ?? args[++i];
      if (value === undefined) return { kind: "usage", message: `flag needs an argument: ${arg}` };
      (flags as unknown as Record<string, unknown>)[stringKey] = value;
    } else if (boolKey !== undefined) {
      if (inline !== undefined && inline !== "true" && inline !== "false") return { kind: "usage", message: `invalid argument "${inline}" for "${arg}"` };
      (flags as unknown as Record<string, unknown>)[boolKey] = inline !== "false";
    } else {
      return { kind: "usage", message: `unknown flag: --${name}` };
    }
  }
  if (positionals.length > 1) return { kind: "usage", message: `accepts at most 1 arg(s), received ${positionals.length}` };
  return { kind: "recommendations", flags, positional: positionals[0] };
}

export const PREFIXES = ["image://", "local://", "registry://", "oci-dir://", "archive://", "fs://"] as const;

export function splitPrefix(reference: string): { prefix: string; bare: string } {
  const prefix = PREFIXES.find((p) => reference.startsWith(p));
  return prefix === undefined ? { prefix: "image://", bare: reference } : { prefix, bare: reference.slice(prefix.length) };
}
