// Escaping for every output format. Every string that came from a report (tags, benefits, image
// names, digests) is untrusted input and goes through one of these before it reaches an output.
// The terminal-control rules are shared with logs and the CLI's other outputs (src/text/controls.ts).
import { stripControls } from "../../text/controls.js";

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
  const longest = Math.max(0, ...Array.from(clean.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = clean.startsWith("`") || clean.endsWith("`") || (clean.startsWith(" ") && clean.endsWith(" ")) ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}

export { stripControls };
