// What a cloud backend gives the registry: its scheme, how to parse the rest of a source string,
// and how to open it. `open` loads the backend's SDK with a dynamic import, so a local-only run
// never loads any cloud SDK.
import type { ResolvedSourceOptions } from "./options.js";
import type { ReportSource } from "./report-source.js";
import type { CloudSourceSpec } from "./source-spec.js";

export interface CloudBackend {
  /** Lower-case scheme without `://`. */
  scheme: string;
  /** Human name used in messages, e.g. `S3`. */
  label: string;
  /** Parses what follows `<scheme>://`; throws ScoutgraphError("USAGE") when it is malformed. */
  parse(rest: string): CloudSourceSpec;
  open(spec: CloudSourceSpec, options: ResolvedSourceOptions): Promise<ReportSource>;
}
