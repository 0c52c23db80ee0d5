// Collects the rows of many reports, fed in sorted report order, into one GraphBatch that leaves
// the graph exactly as Cartography's one-report-at-a-time writes would (contract §2.7): the last
// report wins per node id and per (public image, tag) pair; BUILT_ON accumulates. Each report also
// gets its own DockerScoutReport row (scoutgraph addition), so nothing accumulates across batches.
// Pure: the store is involved only through the DigestIndex built before the run.
import type { ParsedReport } from "../report/types.js";
import type { DigestIndex } from "./digest-index.js";
import type {
  BuiltFromRow,
  BuiltOnRow,
  GraphBatch,
  IdentifiedBaseRow,
  PublicImageRow,
  PublicImageTagRow,
  ReportGraph,
  ReportRow,
  ReportsOnRow,
  ShouldUpdateToRow,
  TargetImageRow,
} from "./rows.js";
import { transformReport } from "./transform.js";

export interface BatchBuilderOptions {
  /** Also write each report's target as an `Image` node linked BUILT_ON (embedded store, --create-target-images). */
  createTargetImages: boolean;
}

export type AddResult =
  | { status: "no-base-image" }
  | {
      status: "added";
      publicImageId: string;
      /** Existing Image nodes linked by digest, one per node (Cartography's "attached to N"). */
      matchedImages: number;
      /** The Image created for the target, when createTargetImages is on. */
      targetImageId: string | null;
    };

/** Where a report was read: its source (file or object URI), its position in it, its modification time. */
export interface ReportOrigin {
  uri: string;
  /** 0-based position among the reports of that source (a file can hold several); default 0. */
  index?: number;
  /** Seconds since the epoch, when the listing knows it. */
  modified?: number | null;
}

/** The DockerScoutReport id: the source and the report's position in it, stable from run to run. */
export function reportId(uri: string, index = 0): string {
  return `${uri}#${index}`;
}

/** Stands for the image name of a report with an empty Target cell, as `docker images` shows one. */
export const UNNAMED_IMAGE = "<none>";

/**
 * The Image id scoutgraph gives a report's target: `image@digest`, or the image alone; an empty
 * Target cell (Scout run with no image argument) gives `<none>@digest`. null when the report
 * names neither an image nor a digest: there is nothing to identify the target by.
 */
export function targetImageId(image: string | null, digest: string | null): string | null {
  if (image === null) return digest ? `${UNNAMED_IMAGE}@${digest}` : null;
  return digest ? `${image}@${digest}` : image;
}

const pairKey = (a: string, b: string): string => `${a}\u0000${b}`;

export class BatchBuilder {
  private readonly index: DigestIndex;
  private readonly options: BatchBuilderOptions;
  private publicImages = new Map<string, PublicImageRow>();
  private tags = new Map<string, PublicImageTagRow>();
  private builtFrom = new Map<string, BuiltFromRow>();
  private shouldUpdateTo = new Map<string, ShouldUpdateToRow>();
  private targetImages = new Map<string, TargetImageRow>();
  private builtOn = new Map<string, BuiltOnRow>();
  private reportRows = new Map<string, ReportRow>();
  private identifiedBase = new Map<string, IdentifiedBaseRow>();
  private reportsOn = new Map<string, ReportsOnRow>();
  private reports = 0;

  constructor(index: DigestIndex, options: BatchBuilderOptions) {
    this.index = index;
    this.options = options;
  }

  /** Reports added since the last take(). */
  get pending(): number {
    return this.reports;
  }

  /** Add one report; reports must come in sorted order (the last one wins). */
  add(report: ParsedReport, origin: string | ReportOrigin): AddResult {
    const graph = transformReport(report);
    if (graph === null) return { status: "no-base-image" };
    return this.addGraph(graph, origin);
  }

  /** Add one report already transformed (transformReport), as `add` does. */
  addGraph(graph: ReportGraph, origin: string | ReportOrigin): Extract<AddResult, { status: "added" }> {
    this.reports++;
    const publicId = graph.publicImage.id;
    this.publicImages.set(publicId, graph.publicImage);

    for (const tag of graph.tags) this.tags.set(tag.id, tag);
    this.builtFrom.set(pairKey(publicId, graph.builtFrom.tag_id), graph.builtFrom);
    for (const row of graph.shouldUpdateTo) this.shouldUpdateTo.set(pairKey(publicId, row.tag_id), row);

    const matched = this.index.match(graph.target.digest);
    for (const imageId of matched) this.builtOn.set(pairKey(imageId, publicId), { image_id: imageId, public_image_id: publicId });

    let createdId: string | null = null;
    if (this.options.createTargetImages) createdId = targetImageId(graph.target.image, graph.target.digest);
    if (createdId !== null) {
      this.targetImages.set(createdId, { id: createdId, name: graph.target.image, _ont_digest: graph.target.digest || null });
      this.builtOn.set(pairKey(createdId, publicId), { image_id: createdId, public_image_id: publicId });
    }
    this.addReportRow(graph.target, publicId, graph.shouldUpdateTo, typeof origin === "string" ? { uri: origin } : origin, [
      ...matched,
      ...(createdId === null ? [] : [createdId]),
    ]);
    return { status: "added", publicImageId: publicId, matchedImages: matched.length, targetImageId: createdId };
  }

  private addReportRow(
    target: { image: string | null; digest: string | null },
    publicId: string,
    recommendations: ShouldUpdateToRow[],
    origin: ReportOrigin,
    imageIds: string[],
  ): void {
    const index = origin.index ?? 0;
    const id = reportId(origin.uri, index);
    this.reportRows.set(id, {
      id,
      source: origin.uri,
      source_index: index,
      target_image: target.image === "" ? null : target.image,
      target_digest: target.digest === "" ? null : target.digest,
      public_image_id: publicId,
      recommended_tag_id: recommendations[0]?.tag_id ?? null,
      recommendations: recommendations.length,
      source_modified: origin.modified ?? null,
    });
    this.identifiedBase.set(id, { report_id: id, public_image_id: publicId });
    for (const imageId of imageIds) this.reportsOn.set(pairKey(id, imageId), { report_id: id, image_id: imageId });
  }

  /** The pending rows, merged last-writer-wins, and a fresh start. */
  take(): GraphBatch {
    const batch: GraphBatch = {
      publicImages: [...this.publicImages.values()],
      tags: [...this.tags.values()],
      builtFrom: [...this.builtFrom.values()],
      shouldUpdateTo: [...this.shouldUpdateTo.values()],
      targetImages: [...this.targetImages.values()],
      builtOn: [...this.builtOn.values()],
      reports: [...this.reportRows.values()],
      identifiedBase: [...this.identifiedBase.values()],
      reportsOn: [...this.reportsOn.values()],
    };
    this.publicImages = new Map();
    this.tags = new Map();
    this.builtFrom = new Map();
    this.shouldUpdateTo = new Map();
    this.targetImages = new Map();
    this.builtOn = new Map();
    this.reportRows = new Map();
    this.identifiedBase = new Map();
    this.reportsOn = new Map();
    this.reports = 0;
    return batch;
  }
}
