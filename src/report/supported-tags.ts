// The "also available under the supported tag(s)" note under the base table. It comes as backtick
// code spans (`a`, `b`) on one line or wrapped at spaces, or in glamour form ( a ,  b ) where a tag
// can be split after a hyphen across lines. Each line starts with `│`, except where a console
// narrower than the note hard-wrapped a line: the rest of it then starts a line with no prefix.
import { BAR } from "./cells.js";

const MARKER = "supported tag(s)";
const END = "If you want";
const LAST_WORDS = "flag.";

/** The tags of the note found among `lines` (the base section), in order; [] when there is none. */
export function parseSupportedTags(lines: readonly string[]): string[] {
  // Pieces are collected in an array and joined once: repeated string appends could go quadratic.
  const pieces: string[] = [];
  let previous = "";
  for (const raw of lines) {
    const line = raw.trimStart();
    const isNoteLine = line.startsWith(BAR);
    if (pieces.length === 0) {
      if (isNoteLine && line.includes(MARKER)) {
        previous = line.slice(BAR.length).trim();
        pieces.push(previous);
        if (previous.includes(END)) break;
      }
      continue;
    }
    // Blank lines (Windows console spacing) neither end the note nor add to it.
    if (line === "") continue;
    const part = isNoteLine ? line.slice(BAR.length).trim() : line.trim();
    // Glamour splits a tag after a hyphen: join those pieces without a space. A hard-wrapped
    // fragment that starts right at the line start was cut inside a word: no space either.
    const gluedWord = !isNoteLine && raw.length > 0 && raw[0] !== " ";
    if (!previous.endsWith("-") && !gluedWord) pieces.push(" ");
    pieces.push(part);
    previous = part;
    if (part.includes(END) || part.includes(LAST_WORDS)) break;
  }
  return pieces.length === 0 ? [] : tagsOf(pieces.join(""));
}

function tagsOf(note: string): string[] {
  const start = note.indexOf(MARKER) + MARKER.length;
  const endAt = note.indexOf(END, start);
  let list = (endAt >= 0 ? note.slice(start, endAt) : note.slice(start)).trim();
  if (list.endsWith(".")) list = list.slice(0, -1);
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const item of list.split(",")) {
    let tag = item.trim();
    if (tag.startsWith("`") && tag.endsWith("`") && tag.length >= 2) tag = tag.slice(1, -1).trim();
    // A repeated note line (console redraw) repeats tags: keep the first.
    if (tag !== "" && !/\s/.test(tag) && !seen.has(tag)) {
      seen.add(tag);
      tags.push(tag);
    }
  }
  return tags;
}
