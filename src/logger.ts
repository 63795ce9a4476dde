/** The logging port: pino-compatible (object first, then message), so pino can be passed in as is. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const noop = () => undefined;

/** Discards everything; the default where no logger is given. */
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };
