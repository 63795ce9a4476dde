/** Bolt's, the Web API client's and Socket Mode's logs, sent to the bot's own logger. */
import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../../logger';

const RANK: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

/** A Slack SDK logger writing to `logger` (level INFO unless the SDK sets another). */
export function boltLogger(logger: Logger, level: LogLevel = LogLevel.INFO): SlackLogger {
  let current = level;
  let name = 'slack';
  const emit = (at: LogLevel, write: (obj: object, msg?: string) => void) => (...parts: unknown[]) => {
    if (RANK[at] < RANK[current]) return;
    write({ component: name }, parts.map(describe).join(' '));
  };
  return {
    debug: emit(LogLevel.DEBUG, (o, m) => logger.debug(o, m)),
    info: emit(LogLevel.INFO, (o, m) => logger.info(o, m)),
    warn: emit(LogLevel.WARN, (o, m) => logger.warn(o, m)),
    error: emit(LogLevel.ERROR, (o, m) => logger.error(o, m)),
    setLevel: (l: LogLevel) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n: string) => {
      name = n;
    },
  };
}

function describe(part: unknown): string {
  if (part instanceof Error) return part.message;
  if (typeof part === 'string') return part;
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}
