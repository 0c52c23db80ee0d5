// The report format: decode bytes, tell a report from other text, parse it. Pure and typed.
export { decodeReport } from "./decode.js";
export { parseReport } from "./parse-report.js";
export { findReportHeader } from "./sniff.js";
export { normaliseLines, stripAnsi } from "./normalise.js";
export { splitImageRef, type ImageRef } from "./cells.js";
export * from "./types.js";
