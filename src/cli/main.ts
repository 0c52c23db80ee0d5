#!/usr/bin/env node
// The scoutgraph executable. The heap flags (heap-tuning.ts) are set before anything else loads, so
// the whole command runs under them; the CLI itself (run-cli.ts) is imported only after.
import { gainsFromHeapFlags, keepHeapNearLiveSize } from "../heap-tuning.js";

if (gainsFromHeapFlags(process.argv.slice(2))) keepHeapNearLiveSize();
const { runCli } = await import("./run-cli.js");
process.exitCode = await runCli(process.argv);
