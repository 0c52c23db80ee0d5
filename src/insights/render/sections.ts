// The parts of a report a renderer can show, in page order. `--sections` picks among them (table
// and markdown); a new part (e.g. coverage) is one more entry here and one more case per renderer.
import { ScoutgraphError } from "../../errors.js";

export const REPORT_SECTIONS = ["top", "bases", "images", "unmatched"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const SECTION_TITLES: Record<ReportSection, string> = {
  top: "Top actions",
  bases: "Base images",
  images: "Images",
  unmatched: "Reports that matched no image",
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
