// The report format: decode bytes, tell a report from other text, parse it. Pure and typed.
export { decodeReport, decodeReportBytes, type DecodedReport, type DecodeDamage } from "./decode.js";
export type { ReportEncoding } from "./encoding.js";
export { parseReport, parseReports, type ParseOptions } from "./parse-report.js";
export { parseReportBytes, describeDamage, type ParsedFile } from "./parse-bytes.js";
export { findReportHeader, findReportHeaders } from "./sniff.js";
export { normaliseLines, stripAnsi } from "./normalise.js";
export { splitImageRef, type ImageRef } from "./cells.js";
export * from "./types.js";
