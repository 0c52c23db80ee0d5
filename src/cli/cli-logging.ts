// The CLI's logging set-up from options: level (-d, -q), format, the progress line on a terminal,
// and one line naming the Cartography options that were accepted but ignored.
import type { SyncLogger } from "../sync/logger.js";
import { createLogger, syncLoggerOf, type LogFormat } from "./logger.js";
import type { ResolvedOptions } from "./option-values.js";
import { ProgressDisplay } from "./progress.js";

export interface CliLogging {
  log: SyncLogger;
  progress: ProgressDisplay;
}

export function cliLogging(resolved: ResolvedOptions, io: { stderr: { write(text: string): unknown; isTTY?: boolean }; env: Record<string, string | undefined> }): CliLogging {
  const v = resolved.values;
  const debug = v.debug === true || v.verbose === true;
  const quiet = v.quiet === true;
  const tty = io.stderr.isTTY === true;
  const progress = new ProgressDisplay(io.stderr, tty && !quiet);
  const level = quiet ? "warn" : debug ? "debug" : "info";
  const color = tty && io.env.NO_COLOR === undefined;
  const pinoLogger = createLogger({ level, format: (v.logFormat ?? "text") as LogFormat, color, write: (line) => progress.log(line) });
  const log = syncLoggerOf(pinoLogger);
  if (resolved.ignored.length > 0) {
    log.info(`Ignored for Cartography compatibility: ${resolved.ignored.map((d) => `--${d.long}`).join(", ")}`);
  }
  return { log, progress };
}
