// Options every source adapter understands, and their defaults.

/** Where adapters send the few lines they log themselves; pino's logger fits. */
export interface SourceLogger {
  debug(message: string): void;
  warn(message: string): void;
}

export interface SourceOptions {
  /** Reports bigger than this are skipped (a `too-large` problem); default 10 MiB. */
  maxReportBytes?: number;
  /** Objects per listing request for cloud backends; default the backend's maximum (1000 or so). */
  pageSize?: number;
  /**
   * Service endpoint for S3-compatible stores, the GCS emulator or Azurite. Defaults come from
   * the environment: AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL, STORAGE_EMULATOR_HOST,
   * AZURE_STORAGE_BLOB_ENDPOINT (or the connection string).
   */
  endpoint?: string;
  /** Attempts per request, including the first, for throttling, 5xx and network errors; default 3. */
  maxAttempts?: number;
  logger?: SourceLogger;
}

export const DEFAULT_MAX_REPORT_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_ATTEMPTS = 3;

const SILENT: SourceLogger = { debug: () => {}, warn: () => {} };

export interface ResolvedSourceOptions {
  maxReportBytes: number;
  pageSize: number | undefined;
  endpoint: string | undefined;
  maxAttempts: number;
  logger: SourceLogger;
}

export function resolveSourceOptions(options: SourceOptions = {}): ResolvedSourceOptions {
  return {
    maxReportBytes: options.maxReportBytes ?? DEFAULT_MAX_REPORT_BYTES,
    pageSize: options.pageSize,
    endpoint: options.endpoint,
    maxAttempts: Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    logger: options.logger ?? SILENT,
  };
}

/** Sizes for people: MiB with one decimal, as the cap is set; plain bytes below 0.1 MiB. */
export function mib(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return value < 0.1 ? `${bytes} bytes` : `${value.toFixed(1)} MiB`;
}

export function tooLargeMessage(uri: string, size: number, cap: number): string {
  return `Skipping ${uri}: ${mib(size)} is over the ${mib(cap)} report size cap.`;
}
