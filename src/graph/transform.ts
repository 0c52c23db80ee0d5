// The pure transform from one parsed report to graph rows (contract §2.2 with Part A): the rows
// Cartography's transform_public_image and transform_public_image_tags would load, plus the
// additive properties. No I/O; a report with an unresolved base contributes nothing.
import type { BaseImage, ParsedReport, Recommendation } from "../report/types.js";
import { flavorProperty, inferOs, isSlim } from "./os-inference.js";
import { mergeRecommendations, positiveDeltas } from "./recommendations.js";
import type { PublicImageRow, PublicImageTagRow, ReportGraph, ShouldUpdateToRow } from "./rows.js";

type TagNodeFields = Omit<PublicImageTagRow, "id" | "name" | "tag">;

/** `name:tag`, Cartography's id for both DockerScout labels. */
export function imageId(name: string, tag: string): string {
  return `${name}:${tag}`;
}

/** Concatenate, dropping exact duplicates in first-seen order; null when the result is empty. */
export function mergeUnique(existing: string[] | null, added: string[]): string[] | null {
  const out = [...new Set([...(existing ?? []), ...added])];
  return out.length === 0 ? null : out;
}

function publicImageRow(base: BaseImage): PublicImageRow {
  return {
    id: imageId(base.name, base.tag),
    name: base.name,
    tag: base.tag,
    alternative_tags: [...base.alternative_tags],
    version: base.runtime,
    digest: base.digest,
  };
}

function baseTagFields(base: BaseImage): TagNodeFields {
  // os and is_slim come from the `Base image is` reference's tag, not the `Name` row (§1.8).
  return {
    alternative_tags: [...base.alternative_tags],
    size: base.size,
    flavor: flavorProperty(base.flavor),
    os: inferOs(base.ref_tag, base.flavor),
    runtime: base.runtime,
    is_slim: isSlim(base.ref_tag, base.slim),
  };
}

function recommendationTagFields(rec: Recommendation): TagNodeFields {
  return {
    alternative_tags: rec.alternative_tags.length > 0 ? [...rec.alternative_tags] : null,
    size: rec.size,
    flavor: flavorProperty(rec.flavor),
    os: inferOs(rec.tag, rec.flavor),
    runtime: rec.runtime,
    is_slim: isSlim(rec.tag, rec.slim),
  };
}

function shouldUpdateToRow(publicId: string, tagId: string, rec: Recommendation, base: BaseImage, rank: number): ShouldUpdateToRow {
  const fix = positiveDeltas(base.vulnerabilities, rec.vulnerabilities);
  const introduced = positiveDeltas(rec.vulnerabilities, base.vulnerabilities);
  return {
    public_image_id: publicId,
    tag_id: tagId,
    benefits: [...rec.benefits],
    fix_critical: fix.critical,
    fix_high: fix.high,
    fix_medium: fix.medium,
    fix_low: fix.low,
    category: rec.section,
    rank,
    introduced_critical: introduced.critical,
    introduced_high: introduced.high,
    introduced_medium: introduced.medium,
    introduced_low: introduced.low,
  };
}

/** The rows of one report, or null when its base image is unresolved ("no base image"). */
export function transformReport(report: ParsedReport): ReportGraph | null {
  const base = report.base_image;
  if (base === null) return null;
  const publicImage = publicImageRow(base);
  const baseTagId = publicImage.id;

  // Canonical node fields per tag id: the base's win, even null ones; alternative tags merge.
  const canonical = new Map<string, { tag: string; fields: TagNodeFields }>();
  canonical.set(baseTagId, { tag: base.tag, fields: baseTagFields(base) });
  const recommendations = mergeRecommendations(report.recommendations, base.vulnerabilities);
  const shouldUpdateTo: ShouldUpdateToRow[] = [];
  recommendations.forEach((rec, index) => {
    const tagId = imageId(base.name, rec.tag);
    const fresh = recommendationTagFields(rec);
    const existing = canonical.get(tagId);
    const fields = existing === undefined ? fresh : { ...fresh, ...existing.fields };
    fields.alternative_tags = mergeUnique(existing?.fields.alternative_tags ?? null, rec.alternative_tags);
    canonical.set(tagId, { tag: existing?.tag ?? rec.tag, fields });
    shouldUpdateTo.push(shouldUpdateToRow(publicImage.id, tagId, rec, base, index + 1));
  });

  const tags = [...canonical].map(([id, { tag, fields }]) => ({ id, name: base.name, tag, ...fields }));
  return {
    publicImage,
    tags,
    builtFrom: { public_image_id: publicImage.id, tag_id: baseTagId },
    shouldUpdateTo,
    target: { image: report.target.image, digest: report.target.digest },
  };
}
