// Maps a source string to a ReportSource: plain paths are local, `<scheme>://` picks a cloud
// backend. Adding a backend = one folder under sources/ and one line in BACKENDS.
import type { CloudBackend } from "./backend.js";
import { expandHome } from "./home-dir.js";
import { LocalReportSource } from "./local/local-report-source.js";
import { resolveSourceOptions, type SourceOptions } from "./options.js";
import type { ReportSource } from "./report-source.js";
import { usageError, type SourceSpec } from "./source-spec.js";
import { s3Backend } from "./s3/index.js";
import { gcsBackend } from "./gcs/index.js";
import { azblobBackend } from "./azblob/index.js";

const BACKENDS: readonly CloudBackend[] = [s3Backend, gcsBackend, azblobBackend];

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/** `s3://, gs://, and azblob://`, built from the registry so the message never goes stale. */
function supportedSchemes(): string {
  const names = BACKENDS.map((b) => `${b.scheme}://`);
  if (names.length <= 2) return names.join(" and ");
  return `${names.slice(0, -1).join(", ")}, and ${names[names.length - 1]}`;
}

/** Parses a source string without touching the filesystem or network; throws ScoutgraphError("USAGE"). */
export function parseSourceSpec(source: string): SourceSpec {
  const value = source.trim();
  if (value === "") throw usageError("Report source cannot be empty.");
  const match = SCHEME.exec(value);
  if (match === null) {
    const path = expandHome(value);
    return { kind: "local", path, uri: path };
  }
  const scheme = (match[1] ?? "").toLowerCase();
  const backend = BACKENDS.find((b) => b.scheme === scheme);
  if (backend === undefined) {
    throw usageError(
      `Unsupported report source scheme '${scheme}'. Supported schemes are ${supportedSchemes()}. Use a plain filesystem path for local sources.`,
    );
  }
  return backend.parse(value.slice(match[0].length));
}

/**
 * Opens the source a string names. Cheap: nothing is listed until `list()` is iterated, and
 * problems with the source itself (missing bucket, bad credentials) surface there as
 * ScoutgraphError("SOURCE").
 */
export async function openReportSource(source: string, options?: SourceOptions): Promise<ReportSource> {
  const spec = parseSourceSpec(source);
  const resolved = resolveSourceOptions(options);
  if (spec.kind === "local") return new LocalReportSource(spec.path, resolved);
  if (spec.prefixSlashesStripped) resolved.logger.debug(`Removed leading slashes from the prefix of ${source.trim()}.`);
  const backend = BACKENDS.find((b) => b.scheme === spec.scheme);
  if (backend === undefined) throw usageError(`No backend for scheme '${spec.scheme}'.`);
  return backend.open(spec, resolved);
}

export type { SourceSpec, LocalSourceSpec, CloudSourceSpec } from "./source-spec.js";
export type { SourceOptions, SourceLogger } from "./options.js";
