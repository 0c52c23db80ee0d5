// Truncated reports (an interrupted upload, a cut copy) must not count as complete: a report taken
// for complete with fewer recommendations lets cleanup delete the missing ones. Docker Scout always
// prints a Refresh or a Change section (or both), each section either says it has nothing
// (`✓ This image version is up to date.`, `✓ There are no tag recommendations at this time.`) or
// holds a table, and a table block has a four-cell first row and an `Image details:` list (only the
// last block can be cut, so only it is checked).
// A cut that falls between two complete blocks, or inside an `Also known as` list after the
// block's details, leaves a report that looks complete: no check can see it (docs/divergences.md).
import type { ParsedTable } from "./recommendation-table.js";
import type { RecommendationSection } from "./types.js";

const NOTHING_TO_RECOMMEND = ["This image version is up to date", "There are no tag recommendations"];

const TITLE: Record<RecommendationSection, string> = { refresh: "Refresh base image", change: "Change base image" };

export interface SectionContent {
  kind: RecommendationSection;
  lines: readonly string[];
  table: ParsedTable;
}

/** Why the report looks cut short, or null when nothing shows it. */
export function truncationReason(sections: readonly SectionContent[]): string | null {
  if (sections.length === 0) {
    return "truncated: no `Refresh base image` or `Change base image` section after the base table (Docker Scout always prints at least one)";
  }
  for (const { kind, lines, table } of sections) {
    const title = TITLE[kind];
    if (table.blocks.length === 0) {
      if (lines.some((l) => NOTHING_TO_RECOMMEND.some((m) => l.includes(m)))) continue;
      return table.hasHeaderRow
        ? `truncated: the \`${title}\` table has no complete row`
        : `truncated: the \`${title}\` section has neither a table nor Docker Scout's "nothing to recommend" line`;
    }
  }
  // A cut can only fall at the end: the last block of the last section is the one to check.
  const last = sections[sections.length - 1] as SectionContent;
  const block = last.table.blocks[last.table.blocks.length - 1];
  if (block !== undefined) {
    const where = `the \`${TITLE[last.kind]}\` block for \`${block.tag}\``;
    if (block.firstRowCells < 4) return `truncated: ${where} ends before its vulnerability cell`;
    if (!block.countsComplete) return `truncated: ${where} ends inside its vulnerability cell`;
    if (!block.hasImageDetails || block.details === 0) return `truncated: ${where} ends before its \`Image details\``;
  }
  return null;
}
