// The markdown renderer, for a ticket or a pull-request comment (GitHub-flavoured tables). By
// default it fits one GitHub comment (MARKDOWN_BUDGET characters): the summary and top actions
// always, then as many base, image and unmatched-report rows as fit, each table followed by how
// many rows were left out. Report text is a code span (escape.ts markdownCode): it cannot break a
// table, inject HTML, or become a link, a mention or an issue reference.
import { contextMarkdownRow, markdownText } from "./context-render.js";
import { contextSections } from "./context-sections.js";
import type { CandidateRef, FleetReport } from "../types.js";
import { markdownCode } from "./escape.js";
import { truncateMiddle } from "./fit-columns.js";
import { REPORT_SECTIONS, SECTION_TITLES, type ReportSection } from "./sections.js";
import {
  CANDIDATE_LEGEND,
  candidateLabel,
  candidatesOf,
  countsShort,
  fixHeadline,
  imagesByFixes,
  introducedText,
  plural,
  STATUS_TEXT,
  thousands,
  UNMATCHED_TEXT,
} from "./text.js";
import { appendAll } from "../../text/append-all.js";

/** A GitHub comment holds 65,536 characters; the rest is headroom for what a bot adds around it. */
export const MARKDOWN_BUDGET = 64_000;

export interface MarkdownOptions {
  /** Rows per table (bases, images, unmatched reports); 0 for all; absent: as many as fit the budget. */
  limit?: number | undefined;
  sections?: readonly ReportSection[] | undefined;
}

interface Table {
  section: ReportSection;
  title: string;
  /** Lines between the title and the table (markdown already). */
  intro?: string[];
  header: string[];
  /** Empty when the section has nothing to list. */
  rows: string[][];
  empty: string;
  /** Rows always shown (the top actions), whatever the budget. */
  always?: boolean;
  what: string;
}

/** Report text as a code span, cut in the middle past MAX_CELL so one hostile name cannot fill the comment. */
const MAX_CELL = 300;
const code = (s: string): string => markdownCode(truncateMiddle(s, MAX_CELL));
const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
const move = (c: CandidateRef | null): string => (c ? code(candidateLabel(c)) : "-");
const or = (s: string, fallback: string): string => (s === "" ? fallback : s);

type CoreSection = Exclude<ReportSection, "context" | "coverage">;

function tables(report: FleetReport): Record<CoreSection, Table> {
  const candidates = candidatesOf(report);
  return {
    top: {
      section: "top",
      title: SECTION_TITLES.top,
      header: ["#", "Base", "Update to", "Images", "Fixed across the fleet", "Introduced"],
      rows: report.topActions.map((a) => [
        String(a.position),
        code(a.base.id),
        move(a.to),
        thousands(a.imageCount),
        fixHeadline(a.fleetFixes),
        introducedText(a.fleetIntroduces),
      ]),
      empty: "No base-image update fixes anything at this severity.",
      always: true,
      what: "top actions",
    },
    bases: {
      section: "bases",
      title: SECTION_TITLES.bases,
      header: ["Base", "Images", "Best update", "Fixes per image", "Fixed across the fleet", "Other candidates"],
      rows: report.bases.map((b) => [
        code(b.id),
        thousands(b.imageCount),
        move(b.bestUpdate),
        b.bestUpdate ? countsShort(b.bestUpdate.fixes) : "-",
        b.bestUpdate ? fixHeadline(b.fleetFixes) : "up to date",
        or(
          b.candidates
            .filter((c) => c.id !== b.bestUpdate?.id)
            .map((c) => `${code(c.tag)} (${countsShort(c.fixes)})`)
            .join(", "),
          "-",
        ),
      ]),
      empty: "None.",
      what: "base images",
    },
    images: {
      section: "images",
      title: "Images, by what their update fixes",
      header: ["Image", "Base", "Update to", "Fixes", "Introduces", "Benefits"],
      rows: imagesByFixes(report.images, report.rankedBy === "exposure").map((i) => [
        code(i.name),
        code(i.base.id),
        i.best ? move(i.best) : STATUS_TEXT[i.status],
        i.best ? countsShort(i.best.fixes) : "-",
        i.best ? introducedText(i.best.introduces) : "-",
        or((candidates(i).best?.benefits ?? []).map(code).filter(Boolean).join("<br>"), "-"),
      ]),
      empty: "None.",
      what: "images",
    },
    unmatched: {
      section: "unmatched",
      title: SECTION_TITLES.unmatched,
      header: ["Target", "Digest", "Base", "Why"],
      rows: report.unmatchedReports.map((u) => [or(code(u.targetImage), "-"), or(code(u.targetDigest ?? ""), "-"), code(u.base.id), UNMATCHED_TEXT[u.reason]]),
      empty: "None.",
      what: "reports",
    },
  };
}

const moreLine = (left: number, what: string): string =>
  `_… and ${thousands(left)} more ${what}: \`scoutgraph report --format html\` or \`--format csv\` lists them all._`;

export function renderMarkdown(report: FleetReport, options: MarkdownOptions = {}): string {
  const { summary } = report;
  const fix = summary.fleetFixable;
  const head = [
    "## Base image updates",
    "",
    `${plural(summary.images, "image")} on ${plural(summary.bases, "base image")}: ` +
      `**${thousands(summary.imagesWithUpdate)}** with an update, ${thousands(summary.imagesUpToDate)} up to date, ` +
      `${plural(summary.unmatchedReports, "report")} matched no image.`,
    "",
    `Fixable across the fleet by each base's best update: **${thousands(fix.critical)} critical**, **${thousands(fix.high)} high** ` +
      `(${thousands(fix.medium)} medium, ${thousands(fix.low)} low).`,
  ];
  const foot = [
    "",
    `<sub>${CANDIDATE_LEGEND} Data synced ${report.syncedAt ?? "(unknown)"}; scoutgraph report ${report.generatedAt}, store ${report.store}.</sub>`,
  ];
  const core = tables(report);
  const chosen = (options.sections ?? REPORT_SECTIONS).flatMap((s): Table[] =>
    s === "context" || s === "coverage"
      ? contextSections(report, [s]).map((c) => ({
          section: s,
          title: markdownText(c.title),
          intro: c.intro.map(markdownText),
          header: c.headers,
          rows: c.rows.map(contextMarkdownRow),
          empty: markdownText(c.empty),
          what: c.what,
        }))
      : [core[s]],
  );
  const fixed = (t: Table): string[] => ["", `### ${t.title}`, "", ...(t.intro && t.intro.length > 0 ? [...t.intro, ""] : [])];
  const tableHead = (t: Table): string[] => [line(t.header), `|${t.header.map(() => " --- ").join("|")}|`];
  const size = (lines: string[]): number => lines.reduce((n, l) => n + l.length + 1, 0);

  // What every section needs whatever its rows: title, table header, a "more" line.
  let budget = MARKDOWN_BUDGET - size(head) - size(foot);
  for (const t of chosen) budget -= size([...fixed(t), ...tableHead(t), moreLine(t.rows.length, t.what)]);
  for (const t of chosen) if (t.always) budget -= size(t.rows.map(line));

  const body: string[] = [];
  const flexible = chosen.filter((t) => !t.always && t.rows.length > 0);
  chosen.forEach((t) => {
    body.push(...fixed(t));
    if (t.rows.length === 0) {
      body.push(t.empty);
      return;
    }
    let count = t.rows.length;
    if (!t.always) {
      if (options.limit !== undefined && options.limit > 0) count = Math.min(count, options.limit);
      else if (options.limit === undefined) {
        // An equal share of what is left for each table still to come; a table's unused share passes on.
        const share = Math.floor(budget / Math.max(1, flexible.length - flexible.indexOf(t)));
        let used = 0;
        let n = 0;
        for (; n < count; n++) {
          const cost = line(t.rows[n] as string[]).length + 1;
          if (used + cost > share) break;
          used += cost;
        }
        count = n;
        budget -= used;
      }
    }
    appendAll(body, tableHead(t));
    appendAll(body, t.rows.slice(0, count).map(line));
    if (count < t.rows.length) body.push("", moreLine(t.rows.length - count, t.what));
  });
  return `${[...head, ...body, ...foot].join("\n")}\n`;
}
