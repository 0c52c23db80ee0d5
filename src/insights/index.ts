// The insights entry point: read the fleet from a store, build the FleetReport, render it.
import type { GraphStore } from "../stores/graph-store.js";
import { buildFleetReport, type BuildOptions } from "./build-report.js";
import { fetchFleetRows } from "./queries.js";
import type { FleetReport } from "./types.js";

export { buildFleetReport, DEFAULT_FILTERS } from "./build-report.js";
export { hasDockerScoutData } from "./has-data.js";
export { render, FORMATS, type Format } from "./render/index.js";
export type * from "./types.js";

export async function generateFleetReport(store: GraphStore, options: BuildOptions): Promise<FleetReport> {
  return buildFleetReport(await fetchFleetRows(store), options);
}
