// The terminal renderer: aligned columns, ANSI colour when asked for. Report strings are stripped
// of control characters and escape sequences first, so a report cannot drive the terminal.
import type { CandidateRef, Counts, FleetReport } from "../types.js";
import { stripControls } from "./escape.js";
import { candidateLabel, candidatesOf, countsShort, fixHeadline, introducedText, plural, STATUS_TEXT, UNMATCHED_TEXT } from "./text.js";

export interface TableOptions {
  color: boolean;
}

type Style = "bold" | "dim" | "red" | "yellow" | "green" | "cyan";
const SGR: Record<Style, string> = { bold: "1", dim: "2", red: "31", yellow: "33", green: "32", cyan: "36" };

interface Cell {
  text: string;
  style?: Style;
  right?: boolean;
}

const MAX_CELL = 60;

function clip(text: string): string {
  const clean = stripControls(text);
  return clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL - 1)}…` : clean;
}

function severityStyle(c: Counts): Style | undefined {
  return c.critical > 0 ? "red" : c.high > 0 ? "yellow" : undefined;
}

export function renderTable(report: FleetReport, options: TableOptions): string {
  const paint = (text: string, style?: Style): string =>
    options.color && style ? `\u001b[${SGR[style]}m${text}\u001b[0m` : text;

  const grid = (headers: string[], rows: Cell[][]): string[] => {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.text.length ?? 0)));
    const line = (cells: Cell[]): string =>
      cells
        .map((c, i) => {
          const w = widths[i] ?? 0;
          const padded = c.right ? c.text.padStart(w) : c.text.padEnd(w);
          return paint(padded, c.style);
        })
        .join("  ")
        .trimEnd();
    return [paint(line(headers.map((h) => ({ text: h }))), "dim"), ...rows.map(line)];
  };
  const heading = (title: string): string => paint(title, "bold");
  const move = (c: CandidateRef | null): Cell => ({ text: c ? clip(candidateLabel(c)) : "-" });

  const { summary } = report;
  const out: string[] = [
    heading(
      `scoutgraph report: ${plural(summary.images, "image")} on ${plural(summary.bases, "base image")}, ` +
        `${summary.imagesWithUpdate} with an update, ${summary.imagesUpToDate} up to date (store: ${report.store})`,
    ),
  ];
  const f = report.filters;
  const active = [
    f.image !== null ? `--image ${f.image}` : "",
    f.base !== null ? `--base ${f.base}` : "",
    f.minSeverity !== "low" ? `--min-severity ${f.minSeverity}` : "",
  ].filter(Boolean);
  if (active.length > 0) out.push(paint(`filters: ${clip(active.join(" "))}`, "dim"));

  out.push("", heading("Top actions"));
  if (report.topActions.length === 0) out.push("  No base-image update fixes anything at this severity.");
  else
    out.push(
      ...grid(
        ["#", "BASE", "UPDATE TO", "IMAGES", "FIXED ACROSS THE FLEET", "INTRODUCED"],
        report.topActions.map((a) => [
          { text: String(a.position), right: true },
          { text: clip(a.base.id), style: "cyan" },
          move(a.to),
          { text: String(a.imageCount), right: true },
          { text: fixHeadline(a.fleetFixes), style: severityStyle(a.fleetFixes) },
          { text: introducedText(a.fleetIntroduces) },
        ]),
      ),
    );

  out.push("", heading("Base images"));
  out.push(
    ...grid(
      ["BASE", "IMAGES", "BEST UPDATE", "FIXES PER IMAGE", "FIXED ACROSS THE FLEET"],
      report.bases.map((b) => [
        { text: clip(b.id), style: "cyan" },
        { text: String(b.imageCount), right: true },
        move(b.bestUpdate),
        { text: b.bestUpdate ? countsShort(b.bestUpdate.fixes) : "-" },
        { text: b.bestUpdate ? fixHeadline(b.fleetFixes) : "up to date", style: b.bestUpdate ? severityStyle(b.fleetFixes) : "green" },
      ]),
    ),
  );

  const withUpdate = report.images.filter((i) => i.status === "update-available");
  const candidates = candidatesOf(report);
  out.push("", heading("Images with an update"));
  if (withUpdate.length === 0) out.push("  None.");
  else
    out.push(
      ...grid(
        ["IMAGE", "BASE", "RECOMMENDED", "FIXES", "INTRODUCES", "OTHER CANDIDATES"],
        withUpdate.map((i) => [
          { text: clip(i.name) },
          { text: clip(i.base.id), style: "cyan" },
          move(i.best),
          { text: i.best ? countsShort(i.best.fixes) : "-", style: i.best ? severityStyle(i.best.fixes) : undefined },
          { text: i.best ? introducedText(i.best.introduces) : "-" },
          { text: clip(candidates(i).others.map((c) => `${c.tag} ${countsShort(c.fixes)}`).join(", ") || "-") },
        ]),
      ),
    );

  const current = report.images.filter((i) => i.status !== "update-available");
  out.push("", heading("Images whose base is up to date"));
  if (current.length === 0) out.push("  None.");
  else
    out.push(
      ...grid(
        ["IMAGE", "BASE", "STATUS"],
        current.map((i) => [{ text: clip(i.name) }, { text: clip(i.base.id), style: "cyan" }, { text: STATUS_TEXT[i.status], style: "green" }]),
      ),
    );

  out.push("", heading("Reports that matched no image"));
  if (report.unmatchedReports.length === 0) out.push("  None.");
  else
    out.push(
      ...grid(
        ["TARGET", "DIGEST", "BASE", "WHY"],
        report.unmatchedReports.map((u) => [
          { text: clip(u.targetImage), style: "yellow" },
          { text: clip(u.targetDigest ?? "") || "-" },
          { text: clip(u.base.id), style: "cyan" },
          { text: UNMATCHED_TEXT[u.reason] },
        ]),
      ),
    );
  return `${out.join("\n")}\n`;
}
