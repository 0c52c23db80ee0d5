// Maps a destination string to a ReportSink, with the same parsing as openReportSource. Cloud
// sinks load their SDK lazily, as the sources do.
import { LocalReportSink } from "./local/local-report-sink.js";
import { resolveSourceOptions, type SourceOptions } from "./options.js";
import { parseSourceSpec } from "./registry.js";
import type { ReportSink } from "./report-sink.js";
import type { CloudSourceSpec } from "./source-spec.js";
import type { ResolvedSourceOptions } from "./options.js";

type SinkOpener = (spec: CloudSourceSpec, options: ResolvedSourceOptions) => Promise<ReportSink>;

const SINKS: Readonly<Record<string, SinkOpener>> = {
  s3: async (spec, options) => (await import("./s3/s3-report-sink.js")).S3ReportSink.open(spec, options),
  gs: async (spec, options) => (await import("./gcs/gcs-report-sink.js")).GcsReportSink.open(spec, options),
  azblob: async (spec, options) => (await import("./azblob/azblob-report-sink.js")).AzblobReportSink.open(spec, options),
};

export async function openReportSink(destination: string, options?: SourceOptions): Promise<ReportSink> {
  const spec = parseSourceSpec(destination);
  const resolved = resolveSourceOptions(options);
  if (spec.kind === "local") return LocalReportSink.open(spec.path);
  const open = SINKS[spec.scheme];
  if (open === undefined) throw new Error(`no report sink for ${spec.scheme}://`);
  return open(spec, resolved);
}
