// Text normalisation before parsing (contract Part A D5): a UTF-8 BOM, ANSI escape sequences,
// CRLF / CR-only line endings and trailing blanks are removed, so every variant parses the same.

// CSI (`ESC [ params intermediates final`), OSC (`ESC ] ... BEL | ESC \`) and two-byte escapes.
// The character classes of each branch are disjoint, so matching is linear in the input.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[ -~]?/g;
const LINE_BREAK = /\r\n|\r|\n/;

/** Removes ANSI escape sequences (colours, cursor moves, hyperlinks). */
export function stripAnsi(text: string): string {
  return text.includes("\x1b") ? text.replace(ANSI, "") : text;
}

/** The text as lines: no BOM, no ANSI codes, no line-ending characters, no trailing blanks. */
export function normaliseLines(text: string): string[] {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = stripAnsi(noBom).split(LINE_BREAK);
  for (let i = 0; i < lines.length; i++) lines[i] = (lines[i] as string).trimEnd();
  return lines;
}
