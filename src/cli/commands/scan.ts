// `scoutgraph scan --docker-scout-source DEST [IMAGE ...]`: run Docker Scout for each image and
// write the reports `sync` reads (see scan-runner.ts and docs/scan.md).
import type { Command } from "commander";
import { keepRunningWhenStdoutCloses } from "../closed-stdout.js";
import { addOptions, resolveOptions } from "../option-values.js";
import { executeScan } from "../scan-runner.js";
import { PROCESS_IO } from "../sync-runner.js";

export function registerScanCommand(program: Command): void {
  const cmd = program
    .command("scan")
    .argument("[images...]", "image references to scan (as `docker scout recommendations` takes them)")
    .description(
      "Run `docker scout recommendations` for each image and write the reports to DEST (a folder, s3://, gs:// or azblob://), named as Cartography's docs name them; fresh reports are skipped.",
    );
  addOptions(cmd, "scan").action(async (images: string[], _opts, command: Command) => {
    keepRunningWhenStdoutCloses(); // it writes reports: never stop mid-write
    const resolved = resolveOptions("scan", command.opts(), PROCESS_IO.env);
    process.exitCode = await executeScan(images, resolved, { ...PROCESS_IO, stdin: process.stdin });
  });
}
