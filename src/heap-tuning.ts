// A sync streams: its live heap stays at a few tens of MB while it allocates gigabytes of
// short-lived rows, and V8's defaults let the old generation grow to about 4x what is live and the
// young generation to 16 MB semi-spaces before collecting. With these two flags, a 100,000-report
// sync into the embedded store peaked at 476-495 MB instead of 607-626 MB, about 5% slower (within
// the noise); one 9.8 MB report at 737-857 MB instead of 1,104-1,293 MB (docs/operations.md). Set
// at run time, they apply from the next collection on, to every thread. Not to `report`, which holds
// its whole fleet model live: there they cost a quarter more time (100,000 images as JSON: 4.9-5.2 s
// against 3.9-4.0 s) for 3% less memory. Starting a worker thread sets V8's flags back to node's command
// line for the whole process, so each worker sets them again.
import { setFlagsFromString } from "node:v8";

/** The old generation grows by half of what survived a full collection (not up to 4x); the young one keeps its first size. */
const HEAP_FLAGS = ["--heap-growing-percent=50", "--semi-space-growth-factor=1"] as const;

const flagName = (arg: string): string => (arg.split("=")[0] ?? arg).replaceAll("_", "-");

/** Whether a command line's command gains from the flags (all but `report`; args without node and the script). */
export function gainsFromHeapFlags(args: readonly string[]): boolean {
  return args[0] !== "report";
}

/**
 * Applies the flags the user did not give node on its command line (where node accepts `_` for
 * `-`; NODE_OPTIONS refuses them), and returns the ones it applied.
 */
export function keepHeapNearLiveSize(execArgv: readonly string[] = process.execArgv): string[] {
  const given = new Set(execArgv.map(flagName));
  const applied = HEAP_FLAGS.filter((flag) => !given.has(flagName(flag)));
  for (const flag of applied) setFlagsFromString(flag);
  return applied;
}
