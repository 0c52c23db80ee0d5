// The GraphStore port: what the sync pipeline and the insights need from a graph database.
// Adapters: stores/neo4j (Neo4j 5, Aura, clusters) and stores/embedded (LadybugDB).
import type { GraphBatch } from "../graph/rows.js";

export interface WriteContext {
  /** The run's update tag, written as `lastupdated` (an integer). */
  updateTag: number;
}

export interface WriteStats {
  nodes: number;
  relationships: number;
}

export interface CleanupStats {
  nodesDeleted: number;
  relationshipsDeleted: number;
  /** Write transactions used; each deletes at most the cleanup limit (10 000, as Cartography). */
  transactions?: number;
}

/** An existing `Image` node that a report's target digest can link to. */
export interface ImageDigestRow {
  id: string;
  ontDigest: string | null;
  /** `_ont_source`: Image nodes scoutgraph created (`docker_scout_report`) are not matched by digest. */
  ontSource?: string | null;
  /** `_ont_digest` of each `ImageManifestList` that `CONTAINS_IMAGE` it (Neo4j; absent: none). */
  manifestLists?: string[];
}

export type Row = Record<string, unknown>;

export interface GraphStore {
  /** `neo4j` or `embedded`. */
  readonly kind: string;
  /** Fail fast (one clear error) when the store cannot be reached or the credentials are wrong. */
  verifyConnectivity(): Promise<void>;
  /** Create indexes or tables; once per run, not once per report. */
  prepare(): Promise<void>;
  /** Every `Image` node's id, `_ont_digest` and manifest lists, streamed: read once per run for BUILT_ON matching. */
  imageDigests(): AsyncIterable<ImageDigestRow>;
  /**
   * Write one batch (see GraphBatch for the order) with bookkeeping properties. Batches must be
   * written one after another in the order the BatchBuilder produced them (last writer wins).
   */
  writeBatch(batch: GraphBatch, ctx: WriteContext): Promise<WriteStats>;
  /** Delete what the run did not touch, in bounded batches. Only call after a run with no failures. */
  cleanup(ctx: WriteContext): Promise<CleanupStats>;
  /**
   * End a run (called by runSync): "commit" after a run that completed, "discard" after one that
   * failed or was interrupted. Stores that stage a run (embedded: all or nothing) publish or drop
   * it here; stores without it (Neo4j) have committed each batch already.
   */
  finishRun?(outcome: "commit" | "discard"): Promise<void>;
  /**
   * Run a read-only query; values come back as plain JS (integers as numbers, lists as arrays).
   * User Cypher is sandboxed: anything but a graph read is a USAGE error (docs/embedded-store.md).
   */
  query(cypher: string, params?: Record<string, unknown>): Promise<Row[]>;
  /** The same read, row by row, so that a result of any size is read in bounded memory. */
  stream(cypher: string, params?: Record<string, unknown>): AsyncIterable<Row>;
  close(): Promise<void>;
}
