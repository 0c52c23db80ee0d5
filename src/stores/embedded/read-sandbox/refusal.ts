// How the sandbox says no: one line naming what is not allowed and where (line:column), as a USAGE
// error (the CLI exits 2).
import { ScoutgraphError } from "../../../errors.js";

export const REFUSAL_PREFIX = "query refused by the read-only sandbox";

/** Line and column (1-based, in code points) of offset `at` of `text`. */
export function position(text: string, at: number): string {
  const before = text.slice(0, at);
  const lines = before.split(/\r\n|[\n\r\u2028\u2029\x85]/);
  const last = lines[lines.length - 1] ?? "";
  return `line ${lines.length}, column ${[...last].length + 1}`;
}

/** `hint` follows the position: what would have been allowed instead. */
export function refuse(reason: string, text: string, at: number, hint?: string): never {
  throw new ScoutgraphError("USAGE", `${REFUSAL_PREFIX}: ${reason} (${position(text, at)})${hint ? `; ${hint}` : ""}`);
}
