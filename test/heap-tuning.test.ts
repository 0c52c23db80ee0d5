// The heap flags the CLI sets (src/heap-tuning.ts): applied unless the user set them, and in
// effect: the young generation keeps its first size under a workload that grows it by default.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { gainsFromHeapFlags } from "../src/heap-tuning.js";

const module = fileURLToPath(new URL("../src/heap-tuning.js", import.meta.url));

/** A child that allocates short-lived rows beside a rolling live set and reports its largest heap spaces. */
function heapUnderLoad(tune: boolean): { maxNewMb: number; maxTotalMb: number } {
  const script = `
    import v8 from "node:v8";
    import { keepHeapNearLiveSize } from ${JSON.stringify(module)};
    if (${tune}) keepHeapNearLiveSize([]);
    const live = [];
    let maxNew = 0, maxTotal = 0;
    for (let i = 0; i < 3_000_000; i++) {
      live.push({ i, s: "row " + i });
      if (live.length > 200_000) live.splice(0, 100_000);
      if (i % 10_000 === 0) {
        maxNew = Math.max(maxNew, v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size);
        maxTotal = Math.max(maxTotal, v8.getHeapStatistics().total_heap_size);
      }
    }
    console.log(JSON.stringify({ maxNewMb: maxNew / 2 ** 20, maxTotalMb: maxTotal / 2 ** 20 }));`;
  return childAnswer(script) as { maxNewMb: number; maxTotalMb: number };
}

test("the heap flags are applied unless node's command line already sets them (either spelling)", () => {
  assert.deepEqual(keepHeapFlagsGiven([]), ["--heap-growing-percent=50", "--semi-space-growth-factor=1"]);
  assert.deepEqual(keepHeapFlagsGiven(["--heap-growing-percent=20"]), ["--semi-space-growth-factor=1"]);
  assert.deepEqual(keepHeapFlagsGiven(["--max-old-space-size=4096", "--semi_space_growth_factor=2"]), ["--heap-growing-percent=50"]);
  assert.deepEqual(keepHeapFlagsGiven(["--heap_growing_percent=10", "--semi-space-growth-factor=4"]), []);
});

test("every command but report gains from the flags (report holds its whole model live)", () => {
  assert.equal(gainsFromHeapFlags(["report", "--format", "json"]), false);
  for (const args of [["sync", "--docker-scout-source", "d"], ["--selected-modules", "docker_scout"], ["query", "RETURN 1"], ["scan"], []]) {
    assert.equal(gainsFromHeapFlags(args), true, args.join(" "));
  }
});

test("with the flags, the young generation stays at its first size and the heap smaller than without them", () => {
  const plain = heapUnderLoad(false);
  const tuned = heapUnderLoad(true);
  assert.ok(tuned.maxNewMb <= 4, `young generation ${tuned.maxNewMb} MB with the flags`);
  assert.ok(plain.maxNewMb > tuned.maxNewMb, `young generation ${plain.maxNewMb} MB without the flags, ${tuned.maxNewMb} MB with`);
  assert.ok(tuned.maxTotalMb < plain.maxTotalMb, `heap ${tuned.maxTotalMb} MB with the flags, ${plain.maxTotalMb} MB without`);
});

/** Which flags keepHeapNearLiveSize would apply, given node's command line. */
function keepHeapFlagsGiven(execArgv: string[]): string[] {
  const script = `import { keepHeapNearLiveSize } from ${JSON.stringify(module)}; console.log(JSON.stringify(keepHeapNearLiveSize(${JSON.stringify(execArgv)})));`;
  return childAnswer(script) as string[];
}

/** Runs an ES module script in a fresh node (so this process's V8 flags stay as they are) and parses the JSON it prints. */
function childAnswer(script: string): unknown {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}
