// Renders a scan summary: readable text for standard output, JSON for --summary-json (docs/scan.md).
import type { ScanProgress } from "../scan/run-scan.js";
import type { ScanSummary } from "../scan/scan-summary.js";
import { formatDuration } from "./progress.js";

export function renderScanSummaryText(s: ScanSummary): string {
  const i = s.images;
  const reasons = Object.entries(s.failedByReason)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([reason, n]) => `${n} ${reason}`)
    .join(", ");
  const lines = [
    `scoutgraph scan: ${s.status}${s.error === undefined ? "" : ` (${s.error.message})`}`,
    `  destination   ${s.destination}`,
    `  scout         ${s.scoutCommand}${s.scoutVersion === null ? "" : ` ${s.scoutVersion}`}`,
    `  images        ${i.requested} requested, ${i.scanned} scanned, ${i.skippedFresh} skipped as fresh, ${i.failed} failed${i.notStarted > 0 ? `, ${i.notStarted} not scanned (run stopped)` : ""}`,
    `  written       ${i.written} report(s)`,
    `  scout runs    ${s.scoutRuns} (${s.retries} retries)`,
    `  time          ${s.durationMs < 1000 ? `${s.durationMs}ms` : formatDuration(s.durationMs)}`,
  ];
  if (reasons !== "") lines.push(`  failed by     ${reasons}`);
  if (s.failures.length > 0) {
    lines.push("failed:");
    for (const f of s.failures) lines.push(`  ${f.reference}: ${f.reason}: ${f.message}`);
  }
  return `${lines.join("\n")}\n`;
}

export function renderScanSummaryJson(s: ScanSummary): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

export function formatScanProgress(p: ScanProgress, elapsedMs: number): string {
  const rate = p.done / Math.max(elapsedMs / 1000, 0.001);
  return `scanned ${p.scanned}, fresh ${p.skipped}, failed ${p.failed}, running ${p.running} (${p.done}/${p.total}, ${rate.toFixed(1)}/s)`;
}
