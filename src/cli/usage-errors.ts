// Usage mistakes get one line and a pointer to --help, not the whole help text: an unknown command
// gets "did you mean", a password given as a flag gets the options that take one (and is never
// echoed), any other parse error gets its own message and the command's --help.
import type { Command } from "commander";

/** Edit distance with adjacent transpositions (optimal string alignment); names are short. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((d[i - 1]?.[j] ?? 0) + 1, (d[i]?.[j - 1] ?? 0) + 1, (d[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (d[i - 2]?.[j - 2] ?? 0) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return d[a.length]?.[b.length] ?? 0;
}

/** The closest of `names` to `word`, when it is close enough to be a typo. */
export function closest(word: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    const dist = name.startsWith(word) && word.length >= 2 ? 0.5 : distance(word.toLowerCase(), name);
    if (dist < bestDistance) [best, bestDistance] = [name, dist];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

const PASSWORD_FLAG = /unknown option '--(neo4j-)?password(=[^']*)?'/;

/** The one-line message for a commander error on `command` (undefined path = the top level). */
export function usageLine(raw: string, commandPath: string, commandNames: readonly string[], operands: readonly string[]): string {
  const message = raw.trim().replace(/^error: /, "");
  const help = `Run '${commandPath} --help' for the options.`;
  if (PASSWORD_FLAG.test(message)) {
    return "scoutgraph: the Neo4j password is never a command-line argument (it would show in the process list and shell history); use --neo4j-password-env-var NAME (with --neo4j-user) or --neo4j-password-prompt.";
  }
  if (commandPath === "scoutgraph" && /^too many arguments/.test(message)) {
    const word = operands[0] ?? "";
    const suggestion = closest(word, commandNames);
    const hint = suggestion === undefined ? `Commands: ${commandNames.join(", ")}.` : `Did you mean ${suggestion}?`;
    return `scoutgraph: unknown command '${word}'. ${hint}\nRun 'scoutgraph --help' for the commands.`;
  }
  return `scoutgraph: ${message}\n${help}`;
}

/** Installs the one-line messages on the program and every command. */
export function configureUsageErrors(program: Command): void {
  const names = program.commands.map((c) => c.name()).filter((n) => n !== "help");
  for (const cmd of [program, ...program.commands]) {
    const path = cmd === program ? "scoutgraph" : `scoutgraph ${cmd.name()}`;
    cmd.showHelpAfterError(false);
    cmd.configureOutput({
      outputError: (text, write) => write(`${usageLine(text, path, names, cmd === program ? cmd.args : [])}\n`),
    });
  }
}
