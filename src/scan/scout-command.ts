// The Scout command line scan runs (contract §1.1, §1.3). Pure.

export const DEFAULT_SCOUT_COMMAND = "docker scout";

/**
 * `docker scout` (the Docker CLI plugin) or a path to the standalone `docker-scout`, split on
 * whitespace (no shell: nothing in it is interpreted). A path with spaces cannot be given; put
 * such a binary on PATH instead.
 */
export function parseScoutCommand(text: string): string[] {
  const words = text.trim().split(/\s+/).filter((w) => w !== "");
  if (words.length === 0) throw new Error("the Scout command is empty");
  return words;
}

/** Scout flags scan passes through (contract §1.3); booleans as `--flag`, strings as `--flag=v`. */
export interface PassThrough {
  platform?: string;
  onlyRefresh?: boolean;
  onlyUpdate?: boolean;
  org?: string;
}

/** `… recommendations [flags] --output FILE -- REFERENCE`: `--` so that no reference is read as a flag. */
export function recommendationsArgv(command: readonly string[], reference: string, output: string, flags: PassThrough): string[] {
  const argv = [...command, "recommendations"];
  if (flags.platform !== undefined) argv.push(`--platform=${flags.platform}`);
  if (flags.onlyRefresh === true) argv.push("--only-refresh");
  if (flags.onlyUpdate === true) argv.push("--only-update");
  if (flags.org !== undefined) argv.push(`--org=${flags.org}`);
  argv.push(`--output=${output}`, "--", reference);
  return argv;
}

export function versionArgv(command: readonly string[]): string[] {
  return [...command, "version"];
}

/** `version: v1.23.1 (go1.22.3 - linux/amd64)` → `1.23.1`. */
export function parseScoutVersion(stdout: string): string | null {
  return /^\s*version:\s*v?(\d+\.\d+\.\d+[^\s(]*)/m.exec(stdout)?.[1] ?? null;
}
