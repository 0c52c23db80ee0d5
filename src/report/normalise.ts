// Text normalisation before parsing (contract Part A D5): a UTF-8 BOM, ANSI escape sequences,
// CRLF / CR-only line endings and trailing blanks are removed, so every variant parses the same.

// CSI (`ESC [ params intermediates final`), OSC (`ESC ] ... BEL | ESC \`) and two-byte escapes.
// The character classes of each branch are disjoint, so matching is linear in the input.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\r\n]*(?:\x07|\x1b\\)?|\x1b[ -~]?/g;

/** Removes ANSI escape sequences (colours, cursor moves, hyperlinks). */
export function stripAnsi(text: string): string {
  return text.includes("\x1b") ? text.replace(ANSI, "") : text;
}

/** The text as lines: no BOM, no ANSI codes, no line-ending characters, no trailing blanks. */
export function normaliseLines(text: string): string[] {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const clean = stripAnsi(noBom);
  const lines = clean.includes("\r") ? splitAnyLineEnding(clean) : clean.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    // trimEnd only where there is something to trim: most lines have no trailing blank.
    if (line.length > 0 && isBlank(line.charCodeAt(line.length - 1))) lines[i] = line.trimEnd();
  }
  return lines;
}

function isBlank(code: number): boolean {
  return code <= 32 || code === 0xa0 || code === 0xfeff || code === 0x3000 || code === 0x2028 || code === 0x2029 || (code >= 0x2000 && code <= 0x200a) || code === 0x1680 || code === 0x202f || code === 0x205f || code === 0x85;
}

/** Splits at CRLF, CR or LF in one pass (a regex split or replace is several times slower on big files). */
function splitAnyLineEnding(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    lines.push(text.slice(start, i));
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  lines.push(text.slice(start));
  return lines;
}
