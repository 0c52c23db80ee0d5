// Gathers scan's targets from the command line: the IMAGE arguments, --images-file (or standard
// input for `-`) and --from-graph, de-duplicated by buildTargets.
import { readFile } from "node:fs/promises";
import { ScoutgraphError } from "../errors.js";
import { coverageInputs, isCoverageJson } from "../scan/coverage-input.js";
import { isCovered, readGraphImages, targetInputsOf } from "../scan/graph-images.js";
import { buildTargets, parseImageLines, type TargetInput, type TargetList } from "../scan/targets.js";
import type { SyncLogger } from "../sync/logger.js";
import { openStore } from "./open-store.js";
import type { ResolvedOptions } from "./option-values.js";
import { storeConfigOf } from "./store-config.js";
import { appendAll } from "../text/append-all.js";

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

export async function imagesFileInputs(file: string, stdin: NodeJS.ReadableStream): Promise<TargetInput[]> {
  let text: string;
  try {
    text = file === "-" ? await readStdin(stdin) : await readFile(file, "utf8");
  } catch (err) {
    throw new ScoutgraphError("USAGE", `--images-file ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}).`);
  }
  const label = file === "-" ? "stdin" : file;
  if (isCoverageJson(text)) {
    try {
      return coverageInputs(text, label);
    } catch (err) {
      throw new ScoutgraphError("USAGE", `--images-file ${label}: ${(err as Error).message}.`);
    }
  }
  return parseImageLines(text).map((l) => ({ reference: l.reference, where: `${label}:${l.line}`, origin: "file" as const }));
}

export async function graphInputs(
  resolved: ResolvedOptions,
  env: Record<string, string | undefined>,
  log: SyncLogger,
  onlyUncovered: boolean,
  maxAgeMs: number,
): Promise<TargetInput[]> {
  const config = await storeConfigOf(resolved, env, log);
  const store = await openStore(config, { readOnly: true });
  try {
    const images = await readGraphImages(store);
    const now = Date.now();
    const chosen = onlyUncovered ? images.filter((i) => !isCovered(i, now, maxAgeMs)) : images;
    log.info(`The graph has ${images.length} image(s) with a pullable reference${onlyUncovered ? `, ${chosen.length} not covered within --max-age` : ""}.`);
    return targetInputsOf(chosen, config.kind);
  } finally {
    await store.close();
  }
}

export async function collectTargets(
  args: readonly string[],
  resolved: ResolvedOptions,
  io: { env: Record<string, string | undefined>; stdin: NodeJS.ReadableStream },
  log: SyncLogger,
  maxAgeMs: number,
): Promise<TargetList> {
  const v = resolved.values;
  const inputs: TargetInput[] = args.map((reference, i) => ({ reference, where: `argument ${i + 1}`, origin: "argument" as const }));
  if (typeof v.imagesFile === "string" && v.imagesFile !== "") appendAll(inputs, await imagesFileInputs(v.imagesFile, io.stdin));
  if (v.onlyUncovered === true && v.fromGraph !== true) throw new ScoutgraphError("USAGE", "--only-uncovered needs --from-graph.");
  if (v.fromGraph === true) appendAll(inputs, await graphInputs(resolved, io.env, log, v.onlyUncovered === true, maxAgeMs));
  if (inputs.length === 0) throw new ScoutgraphError("USAGE", "Nothing to scan: give IMAGE arguments, --images-file FILE or --from-graph.");
  return buildTargets(inputs);
}
