// Console redraw damage: a terminal that redrew while the capture was taken repeats table rows
// (the same alias row a dozen times, a benefit twice). Docker Scout never prints two identical
// non-blank rows in a row, so a repeat of the previous non-blank row is dropped here; repeats that
// are not adjacent (a whole alias list printed again) are dropped value by value by the parser.
import { BAR } from "./cells.js";

/** The lines from `from` on without rows identical to the previous non-blank line. */
export function dropRepeatedRows(lines: readonly string[], from: number): string[] {
  const out: string[] = lines.slice(0, from);
  let previous: string | null = null;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === "") {
      out.push(line);
      continue;
    }
    if (line === previous && line.includes(BAR)) continue;
    previous = line;
    out.push(line);
  }
  return out;
}
