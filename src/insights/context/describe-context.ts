// Pure: one line per kind of Cartography context the report found (or that it found none), for
// the log and the renderers' headers.
import type { ContextFound, FleetReport } from "../types.js";

const list = (xs: string[]): string => (xs.length > 0 ? ` (${xs.join(", ")})` : "");

export function describeContext(found: ContextFound): string[] {
  if (!found.any && found.registryTags === 0) return ["no runtime, exposure, ownership or base-image data in the graph: ranked by fixes only"];
  const r = found.runtime;
  const o = found.ownership;
  return [
    r.containers > 0
      ? `runtime: ${r.containers} container(s)${list(r.containerKinds)}, ${r.resolvedImages} resolved to an image, ${r.workloadImages} workload image(s)${list(r.workloadKinds)}`
      : "runtime: none",
    `exposure: ${found.exposure.exposedWorkloadImages} exposed workload image(s), ${found.exposure.exposedContainers} exposed container(s)`,
    o.packagedFrom + o.imagesWithProvenance > 0
      ? `ownership: ${o.packagedFrom} PACKAGED_FROM${list([...o.providers, ...o.matchMethods])}, ${o.imagesWithProvenance} image(s) with provenance`
      : "ownership: none",
    `internal base images: ${found.internalBase.builtFrom} BUILT_FROM; registry tags: ${found.registryTags}`,
  ];
}

/** Log lines: what context the report used; nothing for the embedded store (it never has any). */
export function contextLines(report: FleetReport): string[] {
  if (!report.context) return [];
  return describeContext(report.context).map((l) => `Cartography context: ${l}`);
}
