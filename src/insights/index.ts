// The insights entry point: read the fleet from a store, build the FleetReport, render it.
import type { GraphStore } from "../stores/graph-store.js";
import { buildFleetReport, type BuildOptions } from "./build-report.js";
import { fetchFleetRows } from "./queries.js";
import type { FleetReport } from "./types.js";

export { buildFleetReport, DEFAULT_FILTERS, failsGate } from "./build-report.js";
export { hasDockerScoutData } from "./has-data.js";
export { render, FORMATS, type Format } from "./render/index.js";
export type * from "./types.js";

export async function generateFleetReport(store: GraphStore, options: BuildOptions & { context?: boolean }): Promise<FleetReport> {
  const now = options.now ?? new Date();
  const rows = await fetchFleetRows(store, { context: options.context ?? true, maxAgeSeconds: options.filters.maxAgeSeconds ?? null, now });
  return buildFleetReport(rows, { ...options, now });
}
