// The few log calls the pipeline makes; a pino logger fits through the CLI's adapter, and a
// library caller may pass its own or none (silent).

export type LogFields = Record<string, unknown>;

export interface SyncLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const NOTHING = (): void => undefined;

export const SILENT_LOGGER: SyncLogger = { debug: NOTHING, info: NOTHING, warn: NOTHING, error: NOTHING };
