// Turns the option table (options.ts) into commander options, and resolves each option's value:
// a flag beats its SCOUTGRAPH_ environment variable, which beats the default.
import { Option, type Command } from "commander";
import { ScoutgraphError } from "../errors.js";
import { envVarOf, isHidden, OPTIONS, optionsFor, type CommandName, type OptionDef } from "./options.js";

export type OptionValue = string | number | boolean | undefined;
export type ValueSource = "flag" | "env" | "default";

export interface ResolvedOptions {
  values: Record<string, OptionValue>;
  sources: Record<string, ValueSource | undefined>;
  /** Options given (by flag or environment) that are deprecated or ignored, for one warning each. */
  deprecated: OptionDef[];
  ignored: OptionDef[];
}

export function flagsOf(def: OptionDef): string {
  const short = def.short === undefined ? "" : `-${def.short}, `;
  const value = def.valueName === undefined ? "" : ` <${def.valueName}>`;
  return `${short}--${def.long}${value}`;
}

/** The help line of an option: description, choices, default and environment variable. */
export function helpTextOf(def: OptionDef): string {
  const notes: string[] = [];
  if (def.choices !== undefined) notes.push(`choices: ${def.choices.join(", ")}`);
  if (def.defaultDescription !== undefined) notes.push(`default: ${def.defaultDescription}`);
  else if (def.default !== undefined && def.default !== false) notes.push(`default: ${String(def.default)}`);
  notes.push(`env: ${envVarOf(def)}`);
  return `${def.description} (${notes.join("; ")})`;
}

/** Declare a command's options on commander, grouped in help as in the table. */
export function addOptions(cmd: Command, command: CommandName): Command {
  for (const def of optionsFor(command)) {
    const option = new Option(flagsOf(def), helpTextOf(def)).helpGroup(`${def.group} options:`);
    if (isHidden(def)) option.hideHelp();
    cmd.addOption(option);
  }
  return cmd;
}

const TRUE = new Set(["1", "true", "yes", "on"]);
const FALSE = new Set(["0", "false", "no", "off"]);

function parseValue(def: OptionDef, raw: unknown, origin: string): OptionValue {
  if (def.type === "boolean") {
    if (typeof raw === "boolean") return raw;
    const text = String(raw).trim().toLowerCase();
    if (TRUE.has(text)) return true;
    if (FALSE.has(text)) return false;
    throw usage(`${origin} expects true or false, got "${String(raw)}".`);
  }
  const text = String(raw);
  if (def.type === "integer") {
    if (!/^\s*-?\d+\s*$/.test(text)) throw usage(`${origin} expects an integer, got "${text}".`);
    return Number(text);
  }
  if (def.type === "choice" && def.choices !== undefined && !def.choices.includes(text)) {
    throw usage(`${origin} must be one of ${def.choices.join(", ")}, got "${text}".`);
  }
  return text;
}

function usage(message: string): ScoutgraphError {
  return new ScoutgraphError("USAGE", message);
}

/**
 * Resolve every option of `command` from commander's parsed flags and the environment. Pure apart
 * from its arguments, so precedence is unit-tested without spawning anything.
 */
export function resolveOptions(
  command: CommandName,
  flags: Record<string, unknown>,
  env: Record<string, string | undefined>,
): ResolvedOptions {
  const resolved: ResolvedOptions = { values: {}, sources: {}, deprecated: [], ignored: [] };
  for (const def of optionsFor(command)) {
    const envName = envVarOf(def);
    const fromEnv = env[envName];
    let value: OptionValue;
    let source: ValueSource | undefined;
    if (flags[def.key] !== undefined) {
      value = parseValue(def, flags[def.key], `--${def.long}`);
      source = "flag";
    } else if (fromEnv !== undefined && fromEnv !== "") {
      value = parseValue(def, fromEnv, envName);
      source = "env";
    } else if (def.default !== undefined) {
      value = def.default;
      source = "default";
    }
    resolved.values[def.key] = value;
    resolved.sources[def.key] = source;
  }
  dropRivalsFromEnv(resolved, optionsFor(command));
  for (const def of optionsFor(command)) {
    if (!isGiven(resolved, def.key)) continue;
    if (def.deprecated !== undefined) resolved.deprecated.push(def);
    if (def.ignored === true) resolved.ignored.push(def);
  }
  return resolved;
}

/** A flag wins over the environment variables of its rivals (--neo4j-uri over SCOUTGRAPH_STORE). */
function dropRivalsFromEnv(resolved: ResolvedOptions, defs: OptionDef[]): void {
  const flagged = new Set(defs.filter((d) => d.rivals !== undefined && resolved.sources[d.key] === "flag").map((d) => d.rivals));
  for (const def of defs) {
    if (def.rivals === undefined || !flagged.has(def.rivals) || resolved.sources[def.key] !== "env") continue;
    resolved.values[def.key] = def.default;
    resolved.sources[def.key] = def.default === undefined ? undefined : "default";
  }
}

/** How the user gave an option, for messages: its flag, or its environment variable. */
export function originOf(resolved: ResolvedOptions, key: string): string {
  const def = OPTIONS.find((d) => d.key === key);
  if (def === undefined) return key;
  return resolved.sources[key] === "env" ? envVarOf(def) : `--${def.long}`;
}

/** Whether the user chose a value (by flag or environment) rather than leaving the default. */
export function isGiven(resolved: ResolvedOptions, key: string): boolean {
  const source = resolved.sources[key];
  return source === "flag" || source === "env";
}
