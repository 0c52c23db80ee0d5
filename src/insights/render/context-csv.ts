// CSV rows for the Cartography context, in the same one-table layout as the rest of the CSV: one
// row per image (`image-context`) and per coverage entry. Pure.
import type { FleetReport } from "../types.js";
import { ownerText, workloadsText } from "./context-sections.js";
import { showsSection, type ReportSection } from "./sections.js";

export const CONTEXT_CSV_COLUMNS = [
  "tier",
  "workloads",
  "namespaces",
  "clusters",
  "running_containers",
  "exposed",
  "owner",
  "dockerfile",
  "match_method",
  "confidence",
  "revision",
  "internal_base",
  "reference",
  "source",
  "as_of",
] as const;

type Cell = string | number | null;

export function contextCsvRecords(report: FleetReport, sections?: readonly ReportSection[]): Record<string, Cell>[] {
  const out: Record<string, Cell>[] = [];
  if (report.context?.any && showsSection(sections, "context")) {
    for (const img of report.images) {
      const ctx = img.context;
      const r = ctx?.runtime ?? null;
      out.push({
        section: "image-context",
        image: img.name,
        image_id: img.id,
        base: img.base.id,
        tier: ctx?.tier ?? "not-running",
        workloads: workloadsText(r),
        namespaces: r?.namespaces.join("; ") ?? "",
        clusters: r?.clusters.join("; ") ?? "",
        running_containers: r?.runningContainers ?? 0,
        exposed: r?.exposed ? "yes" : "no",
        owner: ctx?.owner ? ctx.owner.repository : "",
        dockerfile: ctx?.owner?.dockerfile ?? null,
        match_method: ctx?.owner?.matchMethod ?? null,
        confidence: ctx?.owner?.confidence ?? null,
        revision: ctx?.owner?.revision ?? null,
        internal_base: ctx?.internalBase?.name ?? ctx?.internalBase?.digest ?? null,
      });
    }
  }
  const c = report.coverage;
  if (!c) return out;
  for (const u of c.runningWithoutReport) {
    out.push({
      section: "uncovered-image",
      image: u.name,
      target_digest: u.digest,
      tier: u.runtime.exposed ? "exposed" : "running",
      workloads: workloadsText(u.runtime),
      clusters: u.runtime.clusters.join("; "),
      running_containers: u.runtime.runningContainers,
      exposed: u.runtime.exposed ? "yes" : "no",
      owner: u.owner ? ownerText(u.owner) : "",
      reference: u.reference,
    });
  }
  for (const u of c.containersWithoutImage) {
    out.push({
      section: "unknown-image-container",
      image: u.imageRef,
      target_digest: u.digest,
      namespaces: u.namespaces.join("; "),
      clusters: u.clusters.join("; "),
      running_containers: u.containers,
      exposed: u.exposed ? "yes" : "no",
      reference: u.reference,
    });
  }
  for (const s of c.staleReports ?? []) {
    out.push({ section: "stale-report", image: s.targetImage, base: s.base.id, target_digest: s.targetDigest, source: s.source, as_of: s.asOf });
  }
  return out;
}
