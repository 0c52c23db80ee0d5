// Rows produced by the pure transform (graph/transform.ts) and the batch builder, written by a
// GraphStore. Property names match the schema (graph/schema.ts); null means "absent property",
// and every key is always present (a store may rely on it: `SET x.p = null` removes `p`).

export interface PublicImageRow {
  id: string;
  name: string;
  tag: string;
  alternative_tags: string[];
  version: string | null;
  digest: string | null;
}

export interface PublicImageTagRow {
  id: string;
  name: string;
  tag: string;
  alternative_tags: string[] | null;
  size: string | null;
  flavor: string | null;
  os: string | null;
  runtime: string | null;
  is_slim: boolean;
}

export interface BuiltFromRow {
  public_image_id: string;
  tag_id: string;
}

export interface ShouldUpdateToRow {
  public_image_id: string;
  tag_id: string;
  benefits: string[];
  fix_critical: number | null;
  fix_high: number | null;
  fix_medium: number | null;
  fix_low: number | null;
  category: "refresh" | "change";
  rank: number;
  introduced_critical: number | null;
  introduced_high: number | null;
  introduced_medium: number | null;
  introduced_low: number | null;
}

/** An `Image` node that scoutgraph creates for a report target (embedded store, --create-target-images). */
export interface TargetImageRow {
  id: string;
  /** null (absent) for a report with an empty Target cell. */
  name: string | null;
  _ont_digest: string | null;
}

export interface BuiltOnRow {
  image_id: string;
  public_image_id: string;
}

/** A DockerScoutReport node (scoutgraph addition): one per report read. */
export interface ReportRow {
  id: string;
  source: string;
  source_index: number;
  target_image: string | null;
  target_digest: string | null;
  public_image_id: string;
  recommended_tag_id: string | null;
  recommendations: number;
  source_modified: number | null;
}

export interface IdentifiedBaseRow {
  report_id: string;
  public_image_id: string;
}

export interface ReportsOnRow {
  report_id: string;
  image_id: string;
}

/** What one report contributes to the graph, before any store is involved. */
export interface ReportGraph {
  publicImage: PublicImageRow;
  /** One row per distinct tag id, base tag first, with Cartography's canonical node fields. */
  tags: PublicImageTagRow[];
  builtFrom: BuiltFromRow;
  shouldUpdateTo: ShouldUpdateToRow[];
  /** The target as printed; `image` is null for an empty Target cell, `digest` when there is no digest row. */
  target: { image: string | null; digest: string | null };
}

/**
 * Rows for many reports, merged in sorted report order so that the last report wins per node id and
 * per (public image, tag) pair, exactly as Cartography's sequential writes would leave them.
 * A store writes the arrays in this order: publicImages, tags, builtFrom, shouldUpdateTo,
 * targetImages, builtOn, reports, identifiedBase, reportsOn (schema.ts WRITE_ORDER).
 */
export interface GraphBatch {
  publicImages: PublicImageRow[];
  tags: PublicImageTagRow[];
  builtFrom: BuiltFromRow[];
  shouldUpdateTo: ShouldUpdateToRow[];
  targetImages: TargetImageRow[];
  builtOn: BuiltOnRow[];
  reports: ReportRow[];
  identifiedBase: IdentifiedBaseRow[];
  reportsOn: ReportsOnRow[];
}
