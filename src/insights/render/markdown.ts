// The markdown renderer, for a ticket or a pull-request comment (GitHub-flavoured tables).
// Report strings are escaped so they cannot break a table, open a code span, inject HTML or mention anyone.
import type { CandidateRef, FleetReport } from "../types.js";
import { escapeMarkdown as md } from "./escape.js";
import { candidateLabel, candidatesOf, countsShort, fixHeadline, introducedText, plural, STATUS_TEXT, UNMATCHED_TEXT } from "./text.js";

function table(headers: string[], rows: string[][]): string[] {
  return [`| ${headers.join(" | ")} |`, `|${headers.map(() => " --- ").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)];
}

const move = (c: CandidateRef | null): string => (c ? md(candidateLabel(c)) : "-");

export function renderMarkdown(report: FleetReport): string {
  const { summary } = report;
  const out: string[] = [
    "## Base image updates",
    "",
    `${plural(summary.images, "image")} on ${plural(summary.bases, "base image")}: ` +
      `**${summary.imagesWithUpdate}** with an update, ${summary.imagesUpToDate} up to date, ` +
      `${plural(summary.unmatchedReports, "report")} matched no image.`,
    "",
    "### Top actions",
    "",
  ];
  if (report.topActions.length === 0) out.push("No base-image update fixes anything at this severity.");
  else
    out.push(
      ...table(
        ["#", "Base", "Update to", "Images", "Fixed across the fleet", "Introduced"],
        report.topActions.map((a) => [
          String(a.position),
          md(a.base.id),
          move(a.to),
          String(a.imageCount),
          fixHeadline(a.fleetFixes),
          introducedText(a.fleetIntroduces),
        ]),
      ),
    );
  out.push("", "### Base images", "");
  out.push(
    ...table(
      ["Base", "Images", "Best update", "Fixes per image", "Fixed across the fleet"],
      report.bases.map((b) => [
        md(b.id),
        String(b.imageCount),
        move(b.bestUpdate),
        b.bestUpdate ? countsShort(b.bestUpdate.fixes) : "-",
        b.bestUpdate ? fixHeadline(b.fleetFixes) : "up to date",
      ]),
    ),
  );
  const withUpdate = report.images.filter((i) => i.status === "update-available");
  const candidates = candidatesOf(report);
  out.push("", "### Images with an update", "");
  if (withUpdate.length === 0) out.push("None.");
  else
    out.push(
      ...table(
        ["Image", "Base", "Recommended", "Fixes", "Introduces", "Benefits", "Other candidates"],
        withUpdate.map((i) => {
          const full = candidates(i);
          return [
            md(i.name),
            md(i.base.id),
            move(i.best),
            i.best ? countsShort(i.best.fixes) : "-",
            i.best ? introducedText(i.best.introduces) : "-",
            (full.best?.benefits ?? []).map(md).join("<br>"),
            full.others.map((c) => `${md(c.tag)} (${countsShort(c.fixes)})`).join(", ") || "-",
          ];
        }),
      ),
    );
  const current = report.images.filter((i) => i.status !== "update-available");
  out.push("", "### Images whose base is up to date", "");
  if (current.length === 0) out.push("None.");
  else out.push(...table(["Image", "Base", "Status"], current.map((i) => [md(i.name), md(i.base.id), STATUS_TEXT[i.status]])));
  out.push("", "### Reports that matched no image", "");
  if (report.unmatchedReports.length === 0) out.push("None.");
  else
    out.push(
      ...table(
        ["Target", "Digest", "Base", "Why"],
        report.unmatchedReports.map((u) => [md(u.targetImage), md(u.targetDigest ?? "") || "-", md(u.base.id), UNMATCHED_TEXT[u.reason]]),
      ),
    );
  out.push("", `<sub>scoutgraph report, ${md(report.generatedAt)}, store ${md(report.store)}</sub>`);
  return `${out.join("\n")}\n`;
}
