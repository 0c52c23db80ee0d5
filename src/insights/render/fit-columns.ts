// Fitting a text table into a width: each column has a natural width (its widest cell); when the
// total is too wide, flexible columns shrink (their cells are cut in the middle) down to a minimum,
// then the least important columns are dropped. Pure: widths in, widths out.

export interface ColumnSpec {
  header: string;
  right?: boolean;
  /** May be cut (in the middle, or at the end with `cut: "end"`) down to `min` characters. */
  flexible?: boolean;
  /** Where a too-long cell is cut: the middle (default, keeps an image's tag) or the end (prose reads from its start). */
  cut?: "middle" | "end";
  min?: number;
  /** Dropped when even the shrunk table is too wide: 1 first, then 2, …; absent = never dropped. */
  dropOrder?: number;
}

export interface FittedColumn {
  /** Index into the spec list. */
  index: number;
  width: number;
}

export const GAP = 2;

/** Characters a string takes on a terminal (code points: wide East Asian glyphs count as one). */
export function textWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * Cut `s` to `width` characters with a `…` in the middle, keeping more of the end: the part of an
 * image reference after its last `/` (the repository's last segment and the tag) survives whenever
 * it fits. `registry.example:8443/platform/apps/service-9945:6.1.3` -> `registry.ex…/service-9945:6.1.3`.
 */
export function truncateMiddle(s: string, width: number): string {
  const chars = Array.from(s);
  if (chars.length <= width) return s;
  if (width <= 1) return width === 1 ? "…" : "";
  const avail = width - 1;
  const slash = s.lastIndexOf("/");
  const last = slash === -1 ? 0 : Array.from(s.slice(slash)).length;
  let tail = Math.ceil(avail * 0.6);
  if (last > tail) tail = Math.min(last, avail - Math.min(4, Math.floor(avail / 4)));
  const head = avail - tail;
  return `${chars.slice(0, head).join("")}…${chars.slice(chars.length - tail).join("")}`;
}

/** Cut `s` to `width` characters, ending in `…`: for prose, which reads from its start. */
export function truncateEnd(s: string, width: number): string {
  const chars = Array.from(s);
  if (chars.length <= width) return s;
  return width <= 1 ? (width === 1 ? "…" : "") : `${chars.slice(0, width - 1).join("").trimEnd()}…`;
}

/**
 * Which columns to show and how wide, so that a line is at most `width` characters: flexible
 * columns shrink to their `min`; if that is not enough the next column in `dropOrder` goes (and the
 * rest grow back); with nothing left to drop they shrink to their header's width.
 */
export function fitColumns(specs: readonly ColumnSpec[], cells: readonly string[][], width: number): FittedColumn[] {
  const natural = specs.map((s, i) => cells.reduce((w, r) => Math.max(w, textWidth(r[i] ?? "")), textWidth(s.header)));
  let cols: FittedColumn[] = specs.map((_, index) => ({ index, width: natural[index] ?? 0 }));
  const total = (): number => cols.reduce((sum, c) => sum + c.width, 0) + GAP * Math.max(0, cols.length - 1);
  const soft = (c: FittedColumn): number => {
    const s = specs[c.index] as ColumnSpec;
    return s.flexible ? Math.min(natural[c.index] ?? 0, Math.max(s.min ?? 8, textWidth(s.header))) : (natural[c.index] ?? 0);
  };
  const hard = (c: FittedColumn): number => (specs[c.index]?.flexible ? Math.min(natural[c.index] ?? 0, Math.max(4, textWidth(specs[c.index]?.header ?? ""))) : soft(c));
  // Shrink the widest column above its floor one character at a time, so the cut is shared fairly.
  const shrink = (floor: (c: FittedColumn) => number): boolean => {
    let excess = total() - width;
    while (excess > 0) {
      let widest: FittedColumn | undefined;
      for (const c of cols) if (c.width > floor(c) && (widest === undefined || c.width > widest.width)) widest = c;
      if (widest === undefined) return false;
      widest.width--;
      excess--;
    }
    return true;
  };
  for (;;) {
    if (shrink(soft)) return cols;
    const droppable = cols.filter((c) => specs[c.index]?.dropOrder !== undefined);
    if (droppable.length === 0) {
      shrink(hard); // what still does not fit, the terminal wraps
      return cols;
    }
    const drop = droppable.reduce((a, b) => ((specs[b.index]?.dropOrder ?? 0) < (specs[a.index]?.dropOrder ?? 0) ? b : a));
    cols = cols.filter((c) => c !== drop).map((c) => ({ index: c.index, width: natural[c.index] ?? 0 }));
  }
}

/** Prose wrapped at spaces into lines of at most `width` characters (a longer word is cut in the middle). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = truncateMiddle(word, width);
    if (line !== "" && textWidth(line) + 1 + textWidth(w) > width) {
      lines.push(line);
      line = w;
    } else line = line === "" ? w : `${line} ${w}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}
