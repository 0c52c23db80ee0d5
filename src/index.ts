// scoutgraph as a library: the sync pipeline, the report parser, the report sources and the graph
// stores. Functions throw ScoutgraphError (and SyncError, with the run summary); none exits or prints.
export { runSync, type SyncOptions, type SyncHooks, type SyncProgress } from "./sync/run-sync.js";
export type { RunSummary, RunStatus, ReportIssue, CleanupOutcome } from "./sync/summary.js";
export type { SyncLogger, LogFields } from "./sync/logger.js";
export { SyncError } from "./sync/errors.js";
export { ScoutgraphError, EXIT, type ErrorCode } from "./errors.js";
export { parseReport, parseReport as parse, decodeReport } from "./report/index.js";
export * from "./report/types.js";
export { openReportSource, parseSourceSpec, type SourceOptions, type SourceLogger } from "./sources/registry.js";
export type { ReportSource, ReportRef, ReportProblem } from "./sources/report-source.js";
export type { GraphStore, WriteContext, WriteStats, CleanupStats, ImageDigestRow, Row } from "./stores/graph-store.js";
export { Neo4jGraphStore } from "./stores/neo4j/neo4j-graph-store.js";
export type { Neo4jConfig } from "./stores/neo4j/config.js";
export { EmbeddedGraphStore, type EmbeddedGraphStoreOptions } from "./stores/embedded/embedded-graph-store.js";
export { VERSION } from "./version.js";
