// The graph schema as data: the single source of truth for labels, ids, properties and
// relationships. Load and cleanup Cypher, index statements, the embedded store's tables and
// docs/schema.md are all generated from this declaration (contract Part B §2, Part A).
import { VERSION } from "../version.js";

export type PropertyType = "string" | "integer" | "boolean" | "string[]";

export interface PropertyDef {
  name: string;
  type: PropertyType;
  description: string;
  /** Backed by an index (Cartography creates indexes on `id` and `lastupdated`). */
  indexed?: boolean;
  /** Not written by Cartography: information it drops, added by scoutgraph (contract Part A). */
  additive?: boolean;
  /** Written with this constant value rather than from the row (e.g. `Image._ont_source`). */
  constant?: string;
}

export interface NodeDef {
  label: string;
  description: string;
  /** Properties set from each row, in Cartography's SET order; `id` first. */
  properties: PropertyDef[];
  /**
   * Which stale nodes of this label cleanup deletes: every one, none, or only those scoutgraph
   * created (the `_ont_source` constant), never Cartography's own `Image` nodes.
   */
  cleanup: "all" | "none" | "scoutgraph-created";
  /** A label Cartography never writes: a scoutgraph addition, documented in docs/divergences.md. */
  additive?: boolean;
  /** Properties an earlier scoutgraph wrote and this one no longer does: removed on every write (Neo4j). */
  retired?: string[];
}

export interface RelationshipDef {
  type: string;
  from: string;
  to: string;
  /** The row keys holding the ids of the start and end nodes. */
  fromKey: string;
  toKey: string;
  description: string;
  /** Properties set from each row, beyond the bookkeeping ones. */
  properties: PropertyDef[];
  /** Constant properties written on every relationship of this type. */
  constants?: Record<string, string>;
  /** A composite relationship index Cartography creates (MatchLink relationships only). */
  indexedBy?: string[];
  /** A relationship type Cartography never writes: a scoutgraph addition. */
  additive?: boolean;
}

/** Bookkeeping written on every node and relationship, as Cartography does. */
export const BOOKKEEPING: PropertyDef[] = [
  { name: "firstseen", type: "integer", description: "Milliseconds since the epoch when the database first saw it (set on create only)." },
  { name: "lastupdated", type: "integer", description: "The update tag of the last run that wrote it.", indexed: true },
  { name: "_module_name", type: "string", description: "Always `cartography:docker_scout`, so Cartography tooling treats the data as this module's." },
  { name: "_module_version", type: "string", description: "`scoutgraph/<version>`: which writer wrote it." },
];

export const MODULE_NAME = "cartography:docker_scout";
export const MODULE_VERSION = `scoutgraph/${VERSION}`;

export const PUBLIC_IMAGE: NodeDef = {
  label: "DockerScoutPublicImage",
  description: "The current public base image identified by a Docker Scout report.",
  cleanup: "all",
  // 0.1 kept every report's target in these lists; DockerScoutReport replaced them.
  retired: ["report_target_images", "report_target_digests"],
  properties: [
    { name: "id", type: "string", description: "Unique identifier for the public image in `name:tag` format.", indexed: true },
    { name: "name", type: "string", description: "Repository of the public base image (the reference before its last `:`)." },
    { name: "tag", type: "string", description: "Tag of the public base image (the report's `Name` row, else the reference's tag)." },
    { name: "alternative_tags", type: "string[]", description: "Alternative tags reported for the current public image (may be empty)." },
    { name: "version", type: "string", description: "Runtime version reported by Docker Scout when available." },
    { name: "digest", type: "string", description: "Digest of the current public image." },
  ],
};

export const PUBLIC_IMAGE_TAG: NodeDef = {
  label: "DockerScoutPublicImageTag",
  description: "A current or recommended base image tag from Docker Scout.",
  cleanup: "all",
  properties: [
    { name: "id", type: "string", description: "Unique identifier in `name:tag` format.", indexed: true },
    { name: "name", type: "string", description: "Repository of the base image." },
    { name: "tag", type: "string", description: "The tag." },
    { name: "alternative_tags", type: "string[]", description: "Other tags that point at the same image (absent when none are known)." },
    { name: "size", type: "string", description: "Compressed image size as printed, e.g. `60 MB`." },
    { name: "flavor", type: "string", description: "Image flavor, lower-cased (e.g. `alpine`, `debian`)." },
    { name: "os", type: "string", description: "Operating system family inferred from the flavor or tag (e.g. `alpine`, `debian`, `ubuntu`)." },
    { name: "runtime", type: "string", description: "Runtime version of the image (e.g. `22`, `3.12.1`)." },
    { name: "is_slim", type: "boolean", description: "Whether the tag is a slim variant." },
  ],
};

/** `Image._ont_source` of the Image nodes scoutgraph creates; cleanup deletes only those. */
export const SCOUTGRAPH_IMAGE_SOURCE = "docker_scout_report";

/** `Image` is owned by Cartography's registry modules; scoutgraph creates it only for stand-alone use. */
export const TARGET_IMAGE: NodeDef = {
  label: "Image",
  description:
    "A concrete container image (Cartography's ontology label). scoutgraph matches existing ones by `_ont_digest`; with the embedded store or `--create-target-images` it creates one per report target.",
  cleanup: "scoutgraph-created",
  properties: [
    {
      name: "id",
      type: "string",
      description: "The report's target image reference with its digest (`image@digest`), or the image alone when the report has no digest.",
      indexed: true,
    },
    { name: "name", type: "string", description: "The report's target image reference as printed." },
    { name: "_ont_digest", type: "string", description: "The report's target digest as printed (Docker Scout's short digest); absent when there is none." },
    {
      name: "_ont_source",
      type: "string",
      description: "`docker_scout_report` for Image nodes created by scoutgraph (cleanup deletes only these).",
      indexed: true,
      constant: SCOUTGRAPH_IMAGE_SOURCE,
    },
  ],
};

/** Rows per cleanup transaction, as Cartography's iterative cleanup jobs (LIMIT_SIZE). */
export const CLEANUP_LIMIT = 10_000;

export const BUILT_FROM: RelationshipDef = {
  type: "BUILT_FROM",
  from: PUBLIC_IMAGE.label,
  to: PUBLIC_IMAGE_TAG.label,
  fromKey: "public_image_id",
  toKey: "tag_id",
  description: "Links a Docker Scout public image to its current public image tag.",
  properties: [],
};

export const SHOULD_UPDATE_TO: RelationshipDef = {
  type: "SHOULD_UPDATE_TO",
  from: PUBLIC_IMAGE.label,
  to: PUBLIC_IMAGE_TAG.label,
  fromKey: "public_image_id",
  toKey: "tag_id",
  description: "Recommends a public image tag as an update for a Docker Scout image.",
  properties: [
    { name: "benefits", type: "string[]", description: "Benefits listed by Docker Scout for this recommendation." },
    { name: "fix_critical", type: "integer", description: "Critical vulnerabilities fixed (present only when positive)." },
    { name: "fix_high", type: "integer", description: "High vulnerabilities fixed (present only when positive)." },
    { name: "fix_medium", type: "integer", description: "Medium vulnerabilities fixed (present only when positive)." },
    { name: "fix_low", type: "integer", description: "Low vulnerabilities fixed (present only when positive)." },
    { name: "category", type: "string", description: "`refresh` (same tag, newer build) or `change` (another tag).", additive: true },
    { name: "rank", type: "integer", description: "1-based position in Docker Scout's list for the report (Refresh first).", additive: true },
    { name: "introduced_critical", type: "integer", description: "Critical vulnerabilities the update adds (present only when positive).", additive: true },
    { name: "introduced_high", type: "integer", description: "High vulnerabilities the update adds (present only when positive).", additive: true },
    { name: "introduced_medium", type: "integer", description: "Medium vulnerabilities the update adds (present only when positive).", additive: true },
    { name: "introduced_low", type: "integer", description: "Low vulnerabilities the update adds (present only when positive).", additive: true },
  ],
};

export const BUILT_ON: RelationshipDef = {
  type: "BUILT_ON",
  from: TARGET_IMAGE.label,
  to: PUBLIC_IMAGE.label,
  fromKey: "image_id",
  toKey: "public_image_id",
  description:
    "Links an Image to its Docker Scout public base image by resolved digest. A report on a multi-arch index's digest links the index's platform Images (scoutgraph departure, docs/divergences.md).",
  properties: [],
  constants: { _sub_resource_label: "DockerScout", _sub_resource_id: "global" },
  indexedBy: ["_sub_resource_label", "_sub_resource_id"],
};

/**
 * One node per report of the last run (scoutgraph addition): what coverage, staleness and the
 * unmatched-reports list read, and what tells a later run that a source held a report. One small
 * node per report instead of lists on the public image, so a write never grows with the fleet.
 */
export const REPORT: NodeDef = {
  label: "DockerScoutReport",
  description:
    "**scoutgraph addition.** One Docker Scout recommendations report as the last run that saw it read it (Cartography keeps no record of its reports, contract §1.14 #14).",
  cleanup: "all",
  additive: true,
  properties: [
    {
      name: "id",
      type: "string",
      description: "`<source>#<n>`: the report's source and its 0-based position among the reports in that source (0 for a file holding one report).",
      indexed: true,
    },
    { name: "source", type: "string", description: "The file or object the report was read from, as the run named it (`s3://bucket/key`, a local path).", indexed: true },
    { name: "source_index", type: "integer", description: "The report's 0-based position within its source." },
    { name: "target_image", type: "string", description: "The report's target image as printed (absent when the report names none)." },
    { name: "target_digest", type: "string", description: "The report's target digest as printed (Docker Scout's short digest); absent when it has none." },
    { name: "public_image_id", type: "string", description: "The id of the DockerScoutPublicImage the report identified (also linked by IDENTIFIED_BASE)." },
    {
      name: "recommended_tag_id",
      type: "string",
      description: "The DockerScoutPublicImageTag id of Docker Scout's first recommendation for the report; absent when it recommends nothing.",
    },
    { name: "recommendations", type: "integer", description: "How many recommendations the report made (after Cartography's de-duplication, contract §1.11)." },
    {
      name: "source_modified",
      type: "integer",
      description: "When the source was last modified, in seconds since the epoch, when its listing says (the report's age for `report --max-age`); absent otherwise.",
    },
  ],
};

export const IDENTIFIED_BASE: RelationshipDef = {
  type: "IDENTIFIED_BASE",
  from: REPORT.label,
  to: PUBLIC_IMAGE.label,
  fromKey: "report_id",
  toKey: "public_image_id",
  description: "**scoutgraph addition.** Links a report to the public base image it identified.",
  properties: [],
  additive: true,
};

export const REPORTS_ON: RelationshipDef = {
  type: "REPORTS_ON",
  from: REPORT.label,
  to: TARGET_IMAGE.label,
  fromKey: "report_id",
  toKey: "image_id",
  description:
    "**scoutgraph addition.** Links a report to every Image its target digest matched (the same rule as BUILT_ON, a manifest list's platform Images included) and to the Image scoutgraph created for it. A report with none is unmatched.",
  properties: [],
  additive: true,
};

export const NODES: NodeDef[] = [PUBLIC_IMAGE, PUBLIC_IMAGE_TAG, TARGET_IMAGE, REPORT];
export const RELATIONSHIPS: RelationshipDef[] = [BUILT_FROM, SHOULD_UPDATE_TO, BUILT_ON, IDENTIFIED_BASE, REPORTS_ON];

/**
 * The write order of a GraphBatch (contract §2.3): relationships are MERGEd between existing
 * endpoints, so every node kind is written before the relationships that need it.
 */
export const WRITE_ORDER = [
  { key: "publicImages", node: PUBLIC_IMAGE },
  { key: "tags", node: PUBLIC_IMAGE_TAG },
  { key: "builtFrom", relationship: BUILT_FROM },
  { key: "shouldUpdateTo", relationship: SHOULD_UPDATE_TO },
  { key: "targetImages", node: TARGET_IMAGE },
  { key: "builtOn", relationship: BUILT_ON },
  { key: "reports", node: REPORT },
  { key: "identifiedBase", relationship: IDENTIFIED_BASE },
  { key: "reportsOn", relationship: REPORTS_ON },
] as const;
