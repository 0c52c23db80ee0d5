#!/usr/bin/env node
// The scoutgraph executable. The heap flags (heap-tuning.ts) are set before anything else loads:
// set once the CLI's modules were parsed, the young generation had already grown and kept that
// size, and a 100,000-report sync peaked at 555-576 MB instead of 468-482 MB. So the CLI itself
// (run-cli.ts) is imported only after.
import { keepHeapNearLiveSize } from "../heap-tuning.js";

keepHeapNearLiveSize();
const { runCli } = await import("./run-cli.js");
process.exitCode = await runCli(process.argv);
