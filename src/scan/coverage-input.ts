// `scan --images-file report.json`: the coverage section of `scoutgraph report --format json`
// (docs/report-json.md) as scan input, so the gaps a report lists are the next scan's work:
// running images without a report, containers whose image is not in the graph, stale reports.
// Pure: the caller reads the file.
import type { TargetInput } from "./targets.js";

interface CoverageLike {
  runningWithoutReport?: { reference?: unknown; digest?: unknown }[];
  containersWithoutImage?: { reference?: unknown }[];
  staleReports?: { targetImage?: unknown }[] | null;
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/** Whether a file's text is a report JSON with a coverage section (rather than a list of references). */
export function isCoverageJson(content: string): boolean {
  return content.trimStart().startsWith("{");
}

/**
 * The references of a report JSON's coverage section. Digest-pinned ones get `registry://`, as
 * --from-graph's do, so Scout analyses the registry's image. Throws when there is no coverage
 * section (the report was made without the data coverage needs).
 */
export function coverageInputs(content: string, where: string): TargetInput[] {
  const json = JSON.parse(content) as { coverage?: CoverageLike | null };
  const coverage = json.coverage;
  if (coverage === undefined || coverage === null) throw new Error("it is JSON but has no coverage section (make it with `scoutgraph report --format json`)");
  const sections: [string, unknown[]][] = [
    ["runningWithoutReport", (coverage.runningWithoutReport ?? []).map((x) => x.reference)],
    ["containersWithoutImage", (coverage.containersWithoutImage ?? []).map((x) => x.reference)],
    ["staleReports", (coverage.staleReports ?? []).map((x) => x.targetImage)],
  ];
  return sections.flatMap(([section, values]) =>
    values.flatMap((value, i) => {
      const reference = text(value);
      if (reference === undefined) return [];
      const pinned = /@sha256:[0-9a-f]{64}$/i.test(reference) && !reference.includes("://");
      return [{ reference: pinned ? `registry://${reference}` : reference, where: `${where} coverage.${section}[${i}]`, origin: "file" as const }];
    }),
  );
}
