// The Refresh and Change tables: one block per recommended tag. A block starts at the row whose
// Details cell is `Benefits:` and whose Tag cell holds the tag; the rows after it carry the reason
// label and aliases (Tag column), benefits and image details (Details column).
import { BAR, BULLET, isCheckMark, parseCounts, splitCells, valueOrNull } from "./cells.js";
import type { Recommendation, RecommendationSection } from "./types.js";

const BENEFITS = "Benefits:";
const IMAGE_DETAILS = "Image details:";

function startsBlock(cells: readonly string[]): boolean {
  const tag = cells[0] as string;
  return cells[1] === BENEFITS && tag !== "" && !tag.startsWith(BULLET);
}

interface BlockState {
  rec: Recommendation;
  inDetails: boolean;
  /** A Details cell that is not a bullet can continue the previous benefit (a wrapped line). */
  canContinueBenefit: boolean;
  /** Aliases and benefits seen, so a redrawn row adds nothing (console redraw damage). */
  seenAliases: Set<string>;
  seenBenefits: Set<string>;
}

/** What the table checks for truncation need to know about each block, beyond the parse. */
export interface BlockShape {
  tag: string;
  /** Cells of the block's first row (4 in a complete row: tag, details, pushed, vulnerabilities). */
  firstRowCells: number;
  /** The first row's vulnerability cell is empty or has all four `NC NH NM NL` fields. */
  countsComplete: boolean;
  hasImageDetails: boolean;
  details: number;
}

export interface ParsedTable {
  recommendations: Recommendation[];
  blocks: BlockShape[];
  /** A `Tag │ Details │ …` column header row was seen. */
  hasHeaderRow: boolean;
}

function newBlock(section: RecommendationSection, cells: readonly string[]): BlockState {
  return {
    rec: {
      section,
      tag: cells[0] as string,
      alternative_tags: [],
      benefits: [],
      // An empty cell counts as no vulnerabilities, as Cartography reads it.
      vulnerabilities: parseCounts(cells[3]),
      size: null,
      flavor: null,
      os: null,
      runtime: null,
      slim: false,
      pushed: valueOrNull(cells[2]),
    },
    inDetails: false,
    canContinueBenefit: false,
    seenAliases: new Set(),
    seenBenefits: new Set(),
  };
}

function applyDetail(rec: Recommendation, text: string): boolean {
  const colon = text.indexOf(":");
  if (colon < 0) return false;
  const key = text.slice(0, colon).trim().toLowerCase();
  const value = valueOrNull(text.slice(colon + 1));
  if (key === "size") rec.size = value;
  else if (key === "flavor") rec.flavor = value;
  else if (key === "os") rec.os = value;
  else if (key === "runtime") rec.runtime = value;
  else if (key === "slim") rec.slim = isCheckMark(value);
  return true;
}

function addRow(state: BlockState, shape: BlockShape, cells: readonly string[]): void {
  const { rec } = state;
  const tagCell = cells[0] as string;
  if (tagCell.startsWith(BULLET)) {
    const alias = tagCell.slice(BULLET.length).trim();
    if (alias !== "" && !state.seenAliases.has(alias)) {
      state.seenAliases.add(alias);
      rec.alternative_tags.push(alias);
    }
  }
  const detail = cells[1] ?? "";
  if (detail === IMAGE_DETAILS) {
    state.inDetails = true;
    state.canContinueBenefit = false;
    shape.hasImageDetails = true;
  } else if (detail.startsWith(BULLET)) {
    const text = detail.slice(BULLET.length).trim();
    if (state.inDetails) {
      if (applyDetail(rec, text)) shape.details++;
    } else if (text !== "") {
      state.canContinueBenefit = !state.seenBenefits.has(text);
      if (state.canContinueBenefit) {
        state.seenBenefits.add(text);
        rec.benefits.push(text);
      }
    }
  } else if (detail === "" || detail === BENEFITS) {
    state.canContinueBenefit = false;
  } else if (state.canContinueBenefit && !state.inDetails) {
    // Contract Part A D8: a wrapped benefit is joined, not dropped.
    const last = rec.benefits.length - 1;
    rec.benefits[last] = `${rec.benefits[last] as string} ${detail}`;
  }
}

function countsComplete(cell: string | undefined): boolean {
  if (cell === undefined || cell === "") return true;
  // Bounded: a hostile cell cannot make the test slow.
  return /\d+C +\d+H +\d+M +\d+L/.test(cell.slice(0, 200));
}

/** The recommendations of one section's lines (title excluded), one per block, in order. */
export function parseRecommendationTable(section: RecommendationSection, lines: readonly string[]): ParsedTable {
  const table: ParsedTable = { recommendations: [], blocks: [], hasHeaderRow: false };
  let state: BlockState | null = null;
  let shape: BlockShape | null = null;
  for (const line of lines) {
    const bar = line.indexOf(BAR);
    if (bar < 0) continue;
    // Only the Tag and Details cells matter on most rows: cut those two out, split the rest lazily.
    const next = line.indexOf(BAR, bar + 1);
    const cells = [line.slice(0, bar).trim(), line.slice(bar + 1, next < 0 ? line.length : next).trim()];
    if (state === null && cells[0] === "Tag" && cells[1] === "Details") table.hasHeaderRow = true;
    if (startsBlock(cells)) {
      const all = splitCells(line);
      state = newBlock(section, all);
      shape = { tag: state.rec.tag, firstRowCells: all.length, countsComplete: countsComplete(all[3]), hasImageDetails: false, details: 0 };
      table.recommendations.push(state.rec);
      table.blocks.push(shape);
      addRow(state, shape, cells);
    } else if (state !== null && shape !== null) addRow(state, shape, cells);
  }
  return table;
}
