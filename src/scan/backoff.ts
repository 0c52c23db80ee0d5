// Retry delays: exponential backoff with "equal jitter" (half fixed, half random), so parallel
// scans that failed together do not retry together. Docker Hub counts pulls in a 6-hour window
// (contract §5.2), so a rate limit waits much longer than a transient backend error; scan never
// waits hours: an image still rate-limited after its retries fails and the next run retries it.
import type { FailureKind } from "./failures.js";

/** How much longer a rate limit waits than a transient error. */
export const RATE_LIMIT_FACTOR = 12;
/** No single wait is longer than this. */
export const MAX_DELAY_MS = 10 * 60 * 1000;

/** Milliseconds to wait before attempt `attempt + 1` (attempt counts from 1). */
export function retryDelayMs(kind: FailureKind, attempt: number, baseMs: number, random: () => number = Math.random): number {
  const base = kind === "rate-limited" ? baseMs * RATE_LIMIT_FACTOR : baseMs;
  const ceiling = Math.min(MAX_DELAY_MS, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
