// Format-neutral sections for the Cartography context: where each image runs and who owns it,
// and coverage. Each renderer lays them out its own way (context-render.ts); strings here are
// raw report data, escaped by the renderer. Pure.
import type { Coverage, FleetReport, ImageEntry, ImageOwner, ImageRuntime, RuntimeTier } from "../types.js";
import { describeContext } from "../context/describe-context.js";
import { appendAll } from "../../text/append-all.js";
import { showsSection, type ReportSection } from "./sections.js";
import { imagesByFixes } from "./text.js";

export interface Section {
  id: string;
  /** The `--sections` name that shows it. */
  section: Extract<ReportSection, "context" | "coverage">;
  /** What its rows are, for "… and N more" (`images`, `running images`). */
  what: string;
  title: string;
  intro: string[];
  headers: string[];
  rows: string[][];
  /** Shown instead of an empty table. */
  empty: string;
}

export const TIER_TEXT: Record<RuntimeTier, string> = { exposed: "runs, internet-exposed", running: "runs", "not-running": "not running" };

export function workloadsText(r: ImageRuntime | null): string {
  if (r === null) return "-";
  const names = r.workloads.map((w) => `${w.name ?? "?"}${w.namespace ? ` (${w.namespace})` : ""}${w.exposed ? " [exposed]" : ""}`);
  const bare = r.workloads.length === 0 && r.runningContainers > 0 ? [`no workload${r.namespaces.length ? ` (${r.namespaces.join(", ")})` : ""}`] : [];
  return [...names, ...bare].join(", ") || "-";
}

export function ownerText(o: ImageOwner | null | undefined): string {
  if (!o) return "no known owner";
  return o.verified ? o.repository : `${o.repository} (unverified: image provenance only)`;
}

function matchText(o: ImageOwner | null | undefined): string {
  if (!o) return "-";
  return o.confidence === null ? o.matchMethod : `${o.matchMethod} ${o.confidence}`;
}

const short = (rev: string | null): string => (rev ? rev.slice(0, 12) : "-");

function imageRow(img: ImageEntry): string[] {
  const ctx = img.context;
  const r = ctx?.runtime ?? null;
  const base = ctx?.internalBase;
  return [
    img.name,
    TIER_TEXT[ctx?.tier ?? "not-running"],
    workloadsText(r),
    r ? r.clusters.join(", ") || "-" : "-",
    r ? String(r.runningContainers) : "0",
    ownerText(ctx?.owner),
    ctx?.owner?.dockerfile ?? "-",
    matchText(ctx?.owner),
    short(ctx?.owner?.revision ?? null),
    base ? base.name ?? base.digest ?? "-" : "-",
  ];
}

export const CONTEXT_HEADERS = ["Image", "Runs", "Workloads", "Clusters", "Containers", "Owner", "Dockerfile", "Match", "Revision", "Internal base"];

/** The per-image context section (none when the report has no context), then coverage; as `sections` asks. */
export function contextSections(report: FleetReport, sections?: readonly ReportSection[]): Section[] {
  const out: Section[] = [];
  if (report.context && showsSection(sections, "context")) {
    const seen = new Set<string>();
    // In the Images section's order (best first), so a --limit keeps the same images in both.
    const rows = imagesByFixes(report.images, report.rankedBy === "exposure")
      .filter((i) => {
        const key = `${i.id}\u0000${i.name}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map(imageRow);
    out.push({
      id: "runtime",
      section: "context",
      what: "images",
      title: "Where images run and who owns them",
      intro: [
        `Ranked by ${report.rankedBy === "exposure" ? "exposure (internet-exposed and running first, then running, then the rest), then fixes" : "what the update fixes"}.`,
        ...describeContext(report.context).map((l) => `Found ${l}.`),
      ],
      headers: CONTEXT_HEADERS,
      rows: report.context.any ? rows : [],
      empty: "The graph has no runtime, exposure, ownership or base-image data.",
    });
  }
  if (report.coverage && showsSection(sections, "coverage")) appendAll(out, coverageSections(report.coverage));
  return out;
}

export function coverageSections(c: Coverage): Section[] {
  const out: Section[] = [
    {
      id: "coverage-running",
      section: "coverage",
      what: "running images",
      title: "Coverage: running images with no report",
      intro: ["Images that run but no Docker Scout report covers: scan these (`reference`)."],
      headers: ["Image", "Reference", "Runs", "Workloads", "Clusters", "Containers", "Owner"],
      rows: c.runningWithoutReport.map((u) => [
        u.name,
        u.reference,
        u.runtime.exposed ? TIER_TEXT.exposed : TIER_TEXT.running,
        workloadsText(u.runtime),
        u.runtime.clusters.join(", ") || "-",
        String(u.runtime.runningContainers),
        ownerText(u.owner),
      ]),
      empty: "None.",
    },
    {
      id: "coverage-unknown",
      section: "coverage",
      what: "image references",
      title: "Coverage: running containers whose image is not in the graph",
      intro: ["An un-ingested registry or an unresolved multi-arch index, named by the containers' image reference."],
      headers: ["Image reference", "Runtime digest", "Containers", "Namespaces", "Clusters", "Exposed"],
      rows: c.containersWithoutImage.map((u) => [u.imageRef, u.digest ?? "-", String(u.containers), u.namespaces.join(", ") || "-", u.clusters.join(", ") || "-", u.exposed ? "yes" : "no"]),
      empty: "None.",
    },
  ];
  if (c.staleReports !== null) {
    const days = c.maxAgeSeconds === null ? "" : ` (--max-age ${Math.round((c.maxAgeSeconds / 86_400) * 10) / 10} days)`;
    out.push({
      id: "coverage-stale",
      section: "coverage",
      what: "reports",
      title: `Coverage: reports older than the maximum age${days}`,
      intro: [],
      headers: ["Target", "Source", "Base", "As of", "Age (days)"],
      rows: c.staleReports.map((s) => [s.targetImage, s.source ?? "-", s.base.id, s.asOf, String(Math.floor(s.ageSeconds / 86_400))]),
      empty: "None.",
    });
  }
  return out;
}
