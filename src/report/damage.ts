// Bytes that were not valid in the file's encoding are read as U+FFFD. Damage in a benefit, a
// count, an alias or console chatter is read through (the caller warns); damage that touches an
// identity field (target image or digest, base name, tag or digest, a recommended tag) or a line
// the report's structure hangs on (a section title, `Benefits:`, a bar) makes the report malformed,
// so the run is partial and cleanup keeps the data that report held.
import { BAR, BULLET } from "./cells.js";
import { REPLACEMENT } from "./decode.js";
import type { ParsedReport } from "./types.js";

export interface ReportLayout {
  /** The Target line, or the header line for the legacy header. */
  firstLine: number;
  /** The `Base image is` line. */
  baseLine: number;
  /** The first section title, or lines.length. */
  sectionsStart: number;
}

/** Base rows whose damage changes no identity. */
const HARMLESS_BASE_ROWS = new Set(["Vulnerabilities", "Pushed", "Size", "Packages", "Flavor", "OS", "Runtime", "Slim"]);
/** Longest bar-less line that could be a damaged section title (`Refresh base image` plus damage). */
const TITLE_LIKE_LENGTH = 24;

/** Why damage makes the report unusable, or null when it can be read through. */
export function identityDamage(lines: readonly string[], layout: ReportLayout, report: ParsedReport): string | null {
  const fields = [report.target.image, report.target.digest, report.base_image?.name, report.base_image?.tag, report.base_image?.digest];
  if (fields.some((f) => f?.includes(REPLACEMENT) === true) || report.recommendations.some((r) => r.tag.includes(REPLACEMENT))) {
    return "bytes not valid in the file's encoding inside an identity field (image, digest or tag)";
  }
  for (let i = layout.firstLine; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line.includes(REPLACEMENT)) continue;
    const where = `line ${i - layout.firstLine + 1} of the report`;
    if (i <= layout.baseLine) return `bytes not valid in the file's encoding in the report header (${where})`;
    if (i < layout.sectionsStart ? !harmlessInBase(line) : !harmlessInTable(line)) {
      return `bytes not valid in the file's encoding where the report's structure or identity is read (${where})`;
    }
  }
  return null;
}

function harmlessInBase(line: string): boolean {
  const bar = line.indexOf(BAR);
  // A bar-less line could be a row whose bar was damaged, a damaged section title or note line:
  // only a row known to carry no identity is safe (a damaged note line costs a false failure).
  if (bar < 0) return HARMLESS_BASE_ROWS.has(line.trim().split(/\s/, 1)[0] ?? "");
  const key = line.slice(0, bar).trim();
  return key === "" || HARMLESS_BASE_ROWS.has(key);
}

/**
 * A bar-less line that could be a damaged section title or report header: short, or starting with
 * a title (a newline overwritten by a bad byte joins the title to the next line).
 */
function mayBeLandmark(text: string): boolean {
  return text.length <= TITLE_LIKE_LENGTH || LANDMARKS.some((l) => text.includes(l));
}

const LANDMARKS = ["Refresh base image", "Change base image", "ecommended fixes", "Base image is"];

function harmlessInTable(line: string): boolean {
  const cells = line.split(BAR).map((c) => c.trim());
  if (cells.length === 1) return !mayBeLandmark(cells[0] as string);
  // A table row has four cells; fewer means a bar itself was damaged.
  if (cells.length !== 4) return false;
  const [tag, details] = cells as [string, string];
  if (details.includes(REPLACEMENT) && !details.startsWith(BULLET)) return false;
  // The Tag cell of a `Benefits:` row is the recommended tag; elsewhere it is a label or an alias.
  return !(tag.includes(REPLACEMENT) && details === "Benefits:");
}
