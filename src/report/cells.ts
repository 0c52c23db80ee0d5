// Small readers for table cells and values, shared by the base table and the recommendation tables.
// All scan character by character: no regex can backtrack on a hostile 5 MB cell.
import type { VulnerabilityCounts } from "./types.js";

export const BAR = "│";
export const BULLET = "• ";

/** The cells of a `│`-separated row, each trimmed. */
export function splitCells(line: string): string[] {
  const cells = line.split(BAR);
  for (let i = 0; i < cells.length; i++) cells[i] = (cells[i] as string).trim();
  return cells;
}

/** An empty cell is an absent value (contract Part A D3). */
export function valueOrNull(cell: string | undefined): string | null {
  if (cell === undefined) return null;
  const value = cell.trim();
  return value === "" ? null : value;
}

/** `✓`, or `v` as a Windows console prints it. */
export function isCheckMark(cell: string | null | undefined): boolean {
  const value = cell?.trim();
  return value === "✓" || value === "v";
}

/** Counts from a `0C 6H 2M 1L [5?]` cell: each run of digits followed by C, H, M or L (`?` ignored). */
export function parseCounts(cell: string | undefined): VulnerabilityCounts {
  const counts: VulnerabilityCounts = { critical: 0, high: 0, medium: 0, low: 0 };
  if (cell === undefined) return counts;
  let digitsStart = -1;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digitsStart < 0) digitsStart = i;
      continue;
    }
    if (digitsStart >= 0) {
      const key = SEVERITY[cell[i] as string];
      // Digits preceded by a sign are a delta, not a count.
      const signed = digitsStart > 0 && (cell[digitsStart - 1] === "-" || cell[digitsStart - 1] === "+");
      // More than 9 digits is no count Docker Scout prints (and would lose precision).
      if (key !== undefined && !signed && i - digitsStart <= 9) counts[key] = Number(cell.slice(digitsStart, i));
      digitsStart = -1;
    }
  }
  return counts;
}

const SEVERITY: Record<string, keyof VulnerabilityCounts> = { C: "critical", H: "high", M: "medium", L: "low" };

export interface ImageRef {
  name: string;
  /** null when the reference has no tag. */
  tag: string | null;
  /** The `@sha256:...` part, or null. */
  digest: string | null;
}

/**
 * Splits an image reference (contract Part A D4): the tag follows the last `:` after the last `/`,
 * so a registry port is part of the name; an `@sha256:...` suffix is a digest, not a tag.
 */
export function splitImageRef(ref: string): ImageRef {
  const at = ref.indexOf("@");
  const digest = at >= 0 ? ref.slice(at + 1) : null;
  const named = at >= 0 ? ref.slice(0, at) : ref;
  const colon = named.lastIndexOf(":");
  if (colon > named.lastIndexOf("/")) return { name: named.slice(0, colon), tag: named.slice(colon + 1), digest };
  return { name: named, tag: null, digest };
}
