// Sniff and parse one file's bytes into what the pipeline does with each report in it. Pure: no I/O.
import { describeDamage, parseReportBytes } from "../report/parse-bytes.js";
import { isMalformed, type ParsedReport } from "../report/types.js";

export type Classified =
  /** Binary, or text without the report header (contract D1, D6): skipped, not a failure. */
  | { kind: "not-a-report"; reason: string }
  /** The header is there but the report is truncated, mangled or damaged (D1): a failure. */
  | { kind: "malformed"; reason: string }
  /** A valid report whose base image Docker Scout could not resolve: nothing to write. */
  | { kind: "no-base-image"; report: ParsedReport }
  | { kind: "report"; report: ParsedReport };

export interface ClassifiedFile {
  /** One entry per report, in file order; a single not-a-report entry for anything else. */
  reports: Classified[];
  /** Bytes the decoder could not read (replaced by U+FFFD), for a warning naming the offset; else null. */
  damage: string | null;
}

/** The parse's strings are slices of the report's text: prepare-file.ts copies what a batch keeps. */
export function classifyFile(bytes: Uint8Array): ClassifiedFile {
  const file = parseReportBytes(bytes);
  const damage = file.damage !== null && file.encoding !== null ? describeDamage(file.encoding, file.damage) : null;
  if (file.encoding === null) return { reports: [{ kind: "not-a-report", reason: "binary content" }], damage };
  const reports = file.results.map((result): Classified => {
    if (!result.is_report) return { kind: "not-a-report", reason: bytes.length === 0 ? "empty file" : "no report header" };
    if (isMalformed(result)) return { kind: "malformed", reason: damage !== null ? `${result.error}; ${damage}` : result.error };
    if (result.base_image === null) return { kind: "no-base-image", report: result };
    return { kind: "report", report: result };
  });
  return { reports, damage };
}

/** The first report of `bytes` (a file with one report); see classifyFile for several. */
export function classify(bytes: Uint8Array): Classified {
  return classifyFile(bytes).reports[0] as Classified;
}
