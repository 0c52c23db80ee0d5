// The JSON renderer: the FleetReport as is (schema in docs/report-json.md, `version` field first).
import type { FleetReport } from "../types.js";

export function renderJson(report: FleetReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
