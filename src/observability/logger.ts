/**
 * Structured JSON logs (pino), pretty when a person watches a terminal. Secrets never reach the
 * output: known secret-bearing keys are redacted by path, and as a last line of defence every
 * configured secret value and token-shaped string is scrubbed from each line before it is written.
 */
import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { Logger } from '../logger';

export interface LoggerOptions {
  /** LOG_LEVEL: trace, debug, info, warn, error, fatal, silent. Default info. */
  level?: string;
  /** Human-readable output (a terminal). Default: when stdout is a TTY. */
  pretty?: boolean;
  /** Values that must never be printed (tokens, passwords, webhook secrets). */
  secrets?: Array<string | undefined>;
  /** Where lines go. Default stdout. */
  destination?: DestinationStream;
}

const REDACT_PATHS = [
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.password',
  '*.secret',
  '*.appPassword',
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
  'headers.authorization',
  'headers["x-slack-signature"]',
  'headers["x-helpdesk-signature"]',
];

// Slack tokens, bearer tokens and URL credentials, whatever key they hide under.
const TOKEN_SHAPES: RegExp[] = [/xox[abprs]-[A-Za-z0-9-]{8,}/g, /xapp-[A-Za-z0-9-]{8,}/g, /Bearer\s+[A-Za-z0-9._~+/=-]{16,}/g, /(\/\/[^:/@\s"]*:)[^@/\s"]+@/g];

export function createLogger(options: LoggerOptions = {}): Logger & PinoLogger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 6);
  const scrub = (line: string): string => {
    let out = line;
    for (const secret of secrets) out = out.split(secret).join('[redacted]');
    for (const shape of TOKEN_SHAPES) out = out.replace(shape, (m, prefix?: string) => (prefix && m.startsWith('//') ? `${prefix}[redacted]@` : '[redacted]'));
    return out;
  };
  const pretty = options.pretty ?? Boolean(process.stdout.isTTY);
  const destination =
    options.destination ??
    (pretty
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require('pino-pretty') as (o: object) => DestinationStream)({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' })
      : pino.destination({ dest: 1, sync: false }));
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'helpdesk-bot' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: { streamWrite: scrub },
    },
    destination,
  );
}
