// What to scan: references from the arguments, an images file and the graph, merged into one list
// of targets with one report name each. Pure: the callers read the file and the graph.
import { pinnedDigestOf, referenceProblem, reportNameOf, withoutPrefix } from "./references.js";

export type TargetOrigin = "argument" | "file" | "graph";

export interface ScanTarget {
  /** What Scout is given (prefix included, e.g. `registry://repo@sha256:…`). */
  reference: string;
  /** The report's file or object name in DEST. */
  name: string;
  /** The full digest when it is known without a scan (digest-pinned reference, or the graph). */
  digest?: string;
  /** `os/arch[/variant]` when known (the graph's Image node, or --platform). */
  platform?: string;
  origin: TargetOrigin;
}

/** A reference that was refused before any scan, with where it came from. */
export interface RejectedReference {
  reference: string;
  /** `images.txt:12`, `argument 3` or `graph`. */
  where: string;
  problem: string;
}

export interface ImageLine {
  reference: string;
  line: number;
}

/** One reference per line; `#` starts a comment (references never contain `#`); blank lines skipped. */
export function parseImageLines(text: string): ImageLine[] {
  const out: ImageLine[] = [];
  text.split(/\r?\n|\r/).forEach((raw, index) => {
    const hash = raw.indexOf("#");
    const reference = (hash === -1 ? raw : raw.slice(0, hash)).trim();
    if (reference !== "") out.push({ reference, line: index + 1 });
  });
  return out;
}

export interface TargetInput {
  reference: string;
  where: string;
  origin: TargetOrigin;
  digest?: string;
  platform?: string;
}

export interface TargetList {
  targets: ScanTarget[];
  rejected: RejectedReference[];
  /** Inputs that repeated an earlier reference (scanned once). */
  duplicates: number;
}

/**
 * Validates and de-duplicates. The same image twice (also `x` and `registry://x`) is scanned once,
 * the first spelling wins; two different references that `tr '/:' '__'` maps to the same file
 * name (`a/b` and `a:b`) would overwrite each other, so the later one is rejected naming both.
 */
export function buildTargets(inputs: readonly TargetInput[]): TargetList {
  const result: TargetList = { targets: [], rejected: [], duplicates: 0 };
  const byReference = new Set<string>();
  const byName = new Map<string, string>();
  for (const input of inputs) {
    const problem = referenceProblem(input.reference);
    if (problem !== null) {
      result.rejected.push({ reference: input.reference, where: input.where, problem });
      continue;
    }
    const bare = withoutPrefix(input.reference);
    if (byReference.has(bare)) {
      result.duplicates += 1;
      continue;
    }
    const name = reportNameOf(input.reference);
    const holder = byName.get(name);
    if (holder !== undefined) {
      result.rejected.push({ reference: input.reference, where: input.where, problem: `its report name ${name} is already used by ${holder}` });
      continue;
    }
    byReference.add(bare);
    byName.set(name, input.reference);
    const digest = input.digest ?? pinnedDigestOf(input.reference);
    result.targets.push({
      reference: input.reference,
      name,
      origin: input.origin,
      ...(digest === undefined ? {} : { digest: digest.toLowerCase() }),
      ...(input.platform === undefined ? {} : { platform: input.platform }),
    });
  }
  return result;
}
