// A sync streams: its live heap stays at a few tens of MB while it allocates gigabytes of
// short-lived rows, and V8's defaults let the old generation grow to about 4x what is live and the
// young generation to 16 MB semi-spaces before collecting. Measured at 100,000 reports on the
// embedded store, peak RSS fell from 613-626 MB to 477-482 MB with these two flags, time the same
// within noise; one 9.8 MB report from 1,293 MB to 735 MB (docs/operations.md). Set at run time,
// they apply from the next collection on, to the main thread and to the parse workers alike, and
// to every command (a report over a large fleet streams too).
import { setFlagsFromString } from "node:v8";

/** The old generation grows by half of what survived a full collection (not up to 4x); the young one keeps its first size. */
const HEAP_FLAGS = ["--heap-growing-percent=50", "--semi-space-growth-factor=1"] as const;

const flagName = (arg: string): string => (arg.split("=")[0] ?? arg).replaceAll("_", "-");

/**
 * Applies the flags the user did not set themselves (on node's command line or in NODE_OPTIONS,
 * where node accepts `_` for `-`), and returns the ones it applied.
 */
export function keepHeapNearLiveSize(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ""): string[] {
  const given = new Set([...execArgv, ...nodeOptions.split(/\s+/)].map(flagName));
  const applied = HEAP_FLAGS.filter((flag) => !given.has(flagName(flag)));
  for (const flag of applied) setFlagsFromString(flag);
  return applied;
}
