// Logs on standard error through pino: JSON lines with --log-format json, or readable text lines
// (time, level, message, extra fields) formatted here so that pino-pretty is not needed.
import { pino, type Logger } from "pino";
import type { LogFields, SyncLogger } from "../sync/logger.js";
import { escapeControls } from "../text/controls.js";

export type LogFormat = "text" | "json";

export interface LoggerOptions {
  level: "debug" | "info" | "warn";
  format: LogFormat;
  /** Where lines go; standard error unless a test says otherwise. */
  write?: (line: string) => void;
  color?: boolean;
}

const LEVEL_COLORS: Record<string, string> = { debug: "\x1b[90m", info: "\x1b[36m", warn: "\x1b[33m", error: "\x1b[31m", fatal: "\x1b[31m" };
const OMIT = new Set(["level", "time", "msg", "pid", "hostname"]);

/** One pino JSON record as a text line: `12:00:01.123 WARN  message key=value`. */
export function formatTextLine(record: Record<string, unknown>, color = false): string {
  const level = String(record.level);
  const name = level.toUpperCase().padEnd(5);
  const time = typeof record.time === "string" ? record.time.slice(11, 23) : new Date().toISOString().slice(11, 23);
  const extras = Object.entries(record)
    .filter(([key]) => !OMIT.has(key))
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  const tint = color ? (LEVEL_COLORS[level] ?? "") : "";
  const reset = color ? "\x1b[0m" : "";
  const message = String(record.msg ?? "");
  // The URI is already in every message that has one; repeating it adds noise to text logs.
  const shown = extras.filter((e) => !(e.startsWith("uri=") && message.includes(e.slice(4))));
  // Names in messages come from listings and reports: their control characters are shown, not obeyed.
  return `${time} ${tint}${name}${reset} ${escapeControls(message)}${shown.length > 0 ? ` ${escapeControls(shown.join(" "))}` : ""}\n`;
}

export function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  const color = options.color ?? false;
  const destination =
    options.format === "json"
      ? { write }
      : { write: (line: string) => write(formatTextLine(JSON.parse(line) as Record<string, unknown>, color)) };
  return pino(
    { level: options.level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
    destination,
  );
}

/** The pipeline's logger interface on top of pino. */
export function syncLoggerOf(logger: Logger): SyncLogger {
  const at =
    (level: "debug" | "info" | "warn" | "error") =>
    (message: string, fields?: LogFields): void => {
      if (fields === undefined) logger[level](message);
      else logger[level](fields, message);
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
