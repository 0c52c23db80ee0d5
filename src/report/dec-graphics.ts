// A terminal without UTF-8 line drawing prints the boxes in the DEC special-graphics set: `x` for
// `│`, `q` for `─`, `n` for `┼` and `~` for the `•` bullet (S4 in the format notes). Letters
// cannot be told from drawing by themselves, so a report is read this way only when it is drawn
// so consistently: no `│` at all, and its `Target` (or base `Name`/`Digest`) row has an `x`
// where the bar goes. Bars are then restored only where the layout puts them: after a row label,
// at the start of a note line, and in the columns that the table's `qqqnqqq` rule row marks.
import { BAR, BULLET } from "./cells.js";

const LABELLED = /^(\s*[A-Za-z]+ +)x( |$)/;
const NOTE = /^(\s*)x /;
const RULE = /^\s*q+(?:nq+)+$/;
const ROW_LABELS = new Set(["Target", "digest", "Name", "Digest"]);

/** Whether the report's lines are drawn with DEC special graphics throughout. */
export function isDecDrawn(lines: readonly string[]): boolean {
  let labelled = false;
  for (const line of lines) {
    if (line.includes(BAR)) return false;
    const m = LABELLED.exec(line);
    if (m !== null && ROW_LABELS.has((m[1] as string).trim())) labelled = true;
  }
  return labelled;
}

function restoreBullets(cell: string): string {
  return cell.replace(/^(\s*)~ /, `$1${BULLET}`);
}

/** The lines with DEC drawing characters replaced by the Unicode box characters they stand for. */
export function undoDecGraphics(lines: readonly string[]): string[] {
  const out = [...lines];
  let columns: number[] | null = null;
  for (let i = 0; i < out.length; i++) {
    const line = out[i] as string;
    if (RULE.test(line)) {
      columns = [];
      for (let c = 0; c < line.length; c++) if (line[c] === "n") columns.push(c);
      out[i] = line.replaceAll("q", "─").replaceAll("n", "┼");
      // The column header row is the nearest non-blank line above the rule.
      for (let j = i - 1; j >= 0; j--) {
        if ((out[j] as string).trim() === "") continue;
        out[j] = restoreColumns(out[j] as string, columns);
        break;
      }
      continue;
    }
    if (line.trim() === "") continue;
    if (/^\s*(Refresh|Change) base image$/.test(line)) {
      columns = null;
      continue;
    }
    if (columns !== null) {
      out[i] = restoreColumns(line, columns);
      continue;
    }
    const labelled = LABELLED.exec(line);
    if (labelled !== null) {
      out[i] = `${labelled[1] as string}${BAR}${line.slice((labelled[1] as string).length + 1)}`;
      continue;
    }
    const note = NOTE.exec(line);
    if (note !== null) out[i] = `${note[1] as string}${BAR}${line.slice((note[1] as string).length + 1)}`;
  }
  return out;
}

function restoreColumns(line: string, columns: readonly number[]): string {
  // The rule row is plain ASCII in this drawing, so its indexes are the rows' indexes too.
  const chars = line.split("");
  for (const c of columns) if (chars[c] === "x") chars[c] = BAR;
  return chars.join("").split(BAR).map(restoreBullets).join(BAR);
}
