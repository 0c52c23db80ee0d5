// Renders a report model as the text `docker scout recommendations` writes, in one of the layouts
// seen in real captures (backtick or glamour note, padding, CRLF, ANSI console), so benchmarks and
// round-trip tests run the parser over realistic bytes.
import type { ParsedReport, Recommendation, VulnerabilityCounts } from "../../src/report/types.js";

export type NoteForm = "backticks-one-line" | "backticks-wrapped" | "glamour" | "none";

export interface ReportFormat {
  lineEnding: "\n" | "\r\n";
  /** Pad every line with trailing spaces, as newer scout versions do. */
  trailingSpaces: boolean;
  /** A live terminal capture: progress lines and ANSI SGR colours. */
  ansi: boolean;
  note: NoteForm;
  /** Three empty padding rows at the end of each table block. */
  blockPadding: boolean;
  /** Windows console: `v` in place of `✓`. */
  windowsMarks: boolean;
}

const BAR = "│";
const ESC = "\x1b";

function code(text: string, format: ReportFormat): string {
  return format.ansi ? `${ESC}[38;5;209;48;5;237m ${text} ${ESC}[0m` : ` ${text}`;
}

export function formatCounts(v: VulnerabilityCounts): string {
  return [`${v.critical}C`, `${v.high}H`, `${v.medium}M`, `${v.low}L`].map((f, i) => f.padStart(i === 0 ? 6 : 7)).join("");
}

function formatDelta(current: VulnerabilityCounts, next: VulnerabilityCounts): string {
  const keys = ["critical", "high", "medium", "low"] as const;
  const cells = keys.map((k, i) => {
    const d = next[k] - current[k];
    const text = d === 0 ? "" : d > 0 ? `+${d}` : `${d}`;
    return text.padStart(i === 0 ? 5 : 7);
  });
  return cells.join("").trimEnd();
}

function wrapWords(words: string[], width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

function renderNote(tags: string[], format: ReportFormat): string[] {
  if (format.note === "none" || tags.length === 0) return [];
  const head = "The base image is also available under the supported tag(s)";
  const tail = "If you want to display recommendations specifically for a different tag, please re-run the command using the";
  if (format.note === "backticks-one-line") {
    return [`  ${BAR} ${head} ${tags.map((t) => `\`${t}\``).join(", ")}. ${tail} \`--tag\` flag.`];
  }
  if (format.note === "backticks-wrapped") {
    const words = [...head.split(" "), ...tags.map((t, i) => `\`${t}\`${i === tags.length - 1 ? "." : ","}`), ...tail.split(" "), "`--tag`", "flag."];
    return wrapWords(words, 72).map((l) => `  ${BAR} ${l}`);
  }
  // Glamour: code spans padded with spaces, lines wrapped at 78 columns, tags split after a hyphen.
  const flat = `${head}  ${tags.join(" ,  ")} . ${tail}  --tag  flag.`;
  const lines: string[] = [];
  let rest = flat;
  while (rest.length > 78) {
    let cut = rest.lastIndexOf(" ", 78);
    const hyphen = rest.lastIndexOf("-", 78);
    if (hyphen > cut && hyphen < 78 && rest[hyphen + 1] !== " " && rest[hyphen + 1] !== "-" && rest[hyphen - 1] !== "-" && rest[hyphen - 1] !== " ") cut = hyphen + 1;
    if (cut <= 0) cut = 78;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== "") lines.push(rest);
  return lines.map((l) => `  ${BAR} ${l}`);
}

interface Row {
  tag: string;
  details: string;
  pushed: string;
  vulns: string;
}

function blockRows(rec: Recommendation, base: VulnerabilityCounts, reason: string, format: ReportFormat): Row[] {
  const mark = format.windowsMarks ? "v" : "✓";
  const tagCol = [` ${rec.tag}`, reason];
  if (rec.alternative_tags.length > 0) tagCol.push("Also known as:", ...rec.alternative_tags.map((t) => `• ${t}`));
  const details = ["Benefits:", ...rec.benefits.map((b) => `• ${b}`), "", "Image details:"];
  if (rec.size !== null) details.push(`• Size: ${rec.size}`);
  if (rec.flavor !== null) details.push(`• Flavor: ${rec.flavor}`);
  if (rec.os !== null) details.push(`• OS: ${rec.os}`);
  if (rec.runtime !== null) details.push(`• Runtime: ${rec.runtime}`);
  if (rec.slim) details.push(`• Slim: ${mark}`);
  if (format.blockPadding) details.push("", "", "");
  const count = Math.max(tagCol.length, details.length);
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    rows.push({
      tag: tagCol[i] ?? "",
      details: details[i] ?? "",
      pushed: i === 0 ? (rec.pushed ?? "") : "",
      vulns: i === 0 ? formatCounts(rec.vulnerabilities) : i === 1 ? formatDelta(base, rec.vulnerabilities) : "",
    });
  }
  return rows;
}

function renderTable(recs: Recommendation[], base: VulnerabilityCounts, reasons: string[], format: ReportFormat): string[] {
  const rows = recs.flatMap((r, i) => blockRows(r, base, reasons[i % reasons.length] ?? "", format));
  // A reduce, not Math.max(...): a report may have hundreds of thousands of rows.
  const widest = (min: number, cell: (r: Row) => string): number => rows.reduce((w, r) => Math.max(w, cell(r).length), min);
  const tw = widest(3, (r) => r.tag);
  const dw = widest(53, (r) => r.details);
  const pw = widest(6, (r) => r.pushed);
  const vw = 30;
  const centre = (s: string, w: number) => s.padStart(Math.floor((w + s.length) / 2)).padEnd(w);
  const lines = [
    `${centre("Tag", tw + 3)}${BAR}${centre("Details", dw + 2)}${BAR}${centre("Pushed", pw + 2)}${BAR}${centre("Vulnerabilities", vw)}`,
    `${"─".repeat(tw + 3)}┼${"─".repeat(dw + 2)}┼${"─".repeat(pw + 2)}┼${"─".repeat(vw)}`,
  ];
  for (const r of rows) {
    lines.push(`  ${r.tag.padEnd(tw)} ${BAR} ${r.details.padEnd(dw)} ${BAR} ${r.pushed.padEnd(pw)} ${BAR}${r.vulns.padEnd(vw)}`);
  }
  return lines;
}

export interface RenderInput {
  report: ParsedReport;
  format: ReportFormat;
  /** Which sections are printed: `--only-refresh` / `--only-update` drop one. */
  sections: { refresh: boolean; change: boolean };
  /** Tag-column reason labels, cycled over the blocks. */
  reasons: string[];
}

export function renderReport(input: RenderInput): string {
  const { report, format } = input;
  const base = report.base_image;
  const mark = format.windowsMarks ? "v" : "✓";
  const lines: string[] = [];
  if (format.ansi) {
    lines.push(`    ${ESC}[1;32m${mark}${ESC}[0m Image stored for indexing`, `    ${ESC}[1;32m${mark}${ESC}[0m Indexed 120 packages`, "");
  }
  lines.push(`  Target   ${BAR} ${code(report.target.image ?? "", format)}`, `    digest ${BAR} ${code(report.target.digest ?? "", format)}`, "");
  lines.push(format.ansi ? `${ESC}[1;38;5;75m## Recommended fixes${ESC}[0m` : "## Recommended fixes", "");
  if (base === null) throw new Error("renderReport needs a resolved base image");
  lines.push(`  Base image is ${code(`${base.name}:${base.ref_tag}`, format)}`, "");
  const row = (key: string, value: string | null) => {
    if (value !== null) lines.push(`  ${key.padEnd(15)} ${BAR} ${value}`);
  };
  row("Name", code(base.tag, format));
  row("Digest", base.digest === null ? null : code(base.digest, format));
  lines.push(`  ${"Vulnerabilities".padEnd(15)} ${BAR}${formatCounts(base.vulnerabilities)}`);
  row("Pushed", base.pushed);
  row("Size", base.size);
  row("Packages", base.packages);
  row("Flavor", base.flavor);
  row("OS", base.os);
  row("Runtime", base.runtime);
  if (base.slim) row("Slim", mark);
  lines.push("", "", ...renderNote(base.alternative_tags, format), "", "", "");
  const refresh = report.recommendations.filter((r) => r.section === "refresh");
  const change = report.recommendations.filter((r) => r.section === "change");
  if (input.sections.refresh) {
    lines.push("Refresh base image", "  Rebuild the image using a newer base image version. Updating this may result in breaking changes.", "", "");
    if (refresh.length === 0) lines.push(`  ${mark} This image version is up to date.`);
    else for (const line of renderTable(refresh, base.vulnerabilities, ["Newer image for same tag"], format)) lines.push(line);
    lines.push("", "");
  }
  if (input.sections.change) {
    lines.push("Change base image", "  The list displays new recommended tags in descending order, where the top results are rated as most suitable.", "", "");
    if (change.length === 0) lines.push(`  ${mark} There are no tag recommendations at this time.`);
    else for (const line of renderTable(change, base.vulnerabilities, input.reasons, format)) lines.push(line);
  }
  const body = format.trailingSpaces ? lines.map((l) => (l === "" ? l : `${l}   `)) : lines.map((l) => l.trimEnd());
  return body.join(format.lineEnding) + format.lineEnding;
}
