// Renders a run summary: readable text for standard output, JSON for --summary-json.
import type { RunSummary } from "../sync/summary.js";
import { escapeControls } from "../text/controls.js";
import { formatDuration } from "./progress.js";

export function renderSummaryText(s: RunSummary): string {
  const r = s.reports;
  const lines = [
    `scoutgraph sync: ${s.status}${s.error === undefined ? "" : ` (${s.error.message})`}`,
    `  source        ${escapeControls(s.source)}`,
    `  store         ${s.store}`,
    `  update tag    ${s.updateTag}`,
    `  reports       ${r.listed} listed, ${r.ingested} ingested, ${r.notReports} not a report, ${r.noBaseImage} no base image, ${r.skipped} skipped, ${r.failed} failed`,
    `  written       ${s.written.nodes} nodes, ${s.written.relationships} relationships (created or updated), ${s.written.builtOnLinks} BUILT_ON links`,
    `  unmatched     ${s.unmatchedDigests.count} report(s) whose target digest matched no Image`,
    `  cleanup       ${s.cleanup.ran ? `done: ${s.cleanup.nodesDeleted} nodes and ${s.cleanup.relationshipsDeleted} relationships deleted` : `skipped: ${s.cleanup.reason}`}`,
    `  time          ${s.durationMs < 1000 ? `${s.durationMs}ms` : formatDuration(s.durationMs)}`,
  ];
  if (s.failures.length > 0) {
    lines.push("failed:");
    for (const f of s.failures) lines.push(`  ${escapeControls(aboutFile(f.uri, f.reason))}`);
  }
  if (s.skipped.length > 0) {
    lines.push("skipped:");
    for (const f of s.skipped) lines.push(`  ${escapeControls(aboutFile(f.uri, f.reason))}`);
  }
  if (s.unmatchedDigests.count > 0) {
    const more = s.unmatchedDigests.count - s.unmatchedDigests.examples.length;
    lines.push("unmatched reports (file, target digest):");
    for (const u of s.unmatchedReports) lines.push(`  ${escapeControls(u.uri)}  ${u.digest === null || u.digest === "" ? "(no digest)" : escapeControls(u.digest)}`);
    if (more > 0) lines.push(`  ... and ${more} more`);
  }
  return `${lines.join("\n")}\n`;
}

/** `uri: reason`, naming the file once when the reason already names it ("Skipping uri: ..."). */
function aboutFile(uri: string, reason: string): string {
  return reason.includes(uri) ? reason : `${uri}: ${reason}`;
}

export function renderSummaryJson(s: RunSummary): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}
