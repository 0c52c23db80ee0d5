// The parts of a report a renderer can show, in page order. `--sections` picks among them in every
// format; a new part is one more entry here and one more case per renderer. The list is also the
// allow-list `--sections` is checked against (an unknown name is a usage error, exit 2).
import { ScoutgraphError } from "../../errors.js";

export const REPORT_SECTIONS = ["top", "bases", "images", "unmatched", "context", "coverage"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const SECTION_TITLES: Record<ReportSection, string> = {
  top: "Top actions",
  bases: "Base images",
  images: "Images",
  unmatched: "Reports that matched no image",
  context: "Where images run and who owns them",
  coverage: "Coverage",
};

/** What each name means, for `--help` and the README (options.ts). */
export const SECTION_HELP: Record<ReportSection, string> = {
  top: "top actions",
  bases: "base images",
  images: "images, by what their update fixes",
  unmatched: "reports that matched no image",
  context: "where each image runs and who owns it, from the Cartography context",
  coverage: "running images with no report, containers whose image is not in the graph, reports older than --max-age",
};

/** `top,bases` -> ["top", "bases"], in page order; throws a USAGE error naming an unknown one. */
export function parseSections(text: string): ReportSection[] {
  const wanted = text
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== "");
  for (const s of wanted)
    if (!(REPORT_SECTIONS as readonly string[]).includes(s))
      throw new ScoutgraphError("USAGE", `--sections: unknown section ${JSON.stringify(s)}; choose from ${REPORT_SECTIONS.join(", ")}.`);
  if (wanted.length === 0) throw new ScoutgraphError("USAGE", `--sections needs at least one of ${REPORT_SECTIONS.join(", ")}.`);
  return REPORT_SECTIONS.filter((s) => wanted.includes(s));
}

export const showsSection = (sections: readonly ReportSection[] | undefined, s: ReportSection): boolean => sections === undefined || sections.includes(s);
