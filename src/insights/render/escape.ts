// Escaping for every output format. Every string that came from a report (tags, benefits, image
// names, digests) is untrusted input and goes through one of these before it reaches an output.
// The terminal-control rules are shared with logs and the CLI's other outputs (src/text/controls.ts).
import { hasControls, stripControls } from "../../text/controls.js";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or attribute content in HTML. */
export function escapeHtml(value: string): string {
  return HTML_SPECIAL.test(value) ? value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string) : value;
}
const HTML_SPECIAL = /[&<>"']/;

/**
 * JSON that is safe inside an HTML `<script>` element: `<`, `>` and `&` cannot close the element or
 * open a comment, and U+2028/U+2029 cannot end a JavaScript line.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// Spreadsheet formula triggers (OWASP "CSV injection"), also after leading blanks.
const FORMULA_START = /^[\s\u00a0]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** One CSV cell: always quoted; a cell a spreadsheet would read as a formula gets a leading `'`. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const inert = FORMULA_START.test(value) || /^[\t\r]/.test(value) ? `'${value}` : value;
  return `"${inert.replace(/"/g, '""')}"`;
}

/**
 * Report text for GitHub-flavoured markdown (a table cell or a list item), as a code span: inside
 * one, nothing is markup, HTML, an autolink (`https://…`, `www.…`, e-mail), an @mention or an
 * issue reference (`#12`), which escaping characters cannot prevent on GitHub because mentions and
 * references are found in the rendered HTML. The fence is longer than any run of backticks inside;
 * `|` is escaped for the table (GFM unescapes it inside code spans in tables); control characters go.
 */
export function markdownCode(value: string): string {
  const clean = stripControls(value).replace(/\|/g, "\\|");
  if (clean.trim() === "") return "";
  let longest = 0;
  for (const m of clean.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = "`".repeat(longest + 1);
  const pad = clean.startsWith("`") || clean.endsWith("`") || (clean.startsWith(" ") && clean.endsWith(" ")) ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}

export { stripControls };

// eslint-disable-next-line no-control-regex
const CONTROL_CHAR = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Report text with its control characters and bidi overrides made visible instead of obeyed or
 * dropped: C0 as their U+2400 pictures (ESC -> ␛), DEL as ␡, the rest as `<U+202E>`. The HTML
 * page's script does the same for the text it renders (html-script.ts).
 */
export function showControls(value: string): string {
  return hasControls(value)
    ? value.replace(CONTROL_CHAR, (c) => {
        const n = c.charCodeAt(0);
        if (n < 32) return String.fromCharCode(0x2400 + n);
        if (n === 127) return "\u2421";
        return `<U+${n.toString(16).toUpperCase().padStart(4, "0")}>`;
      })
    : value;
}
