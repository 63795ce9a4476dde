/**
 * The server's own variables: HOST, PORT, KNOWLEDGE_DIR, CONVERSATION_IDLE_MINUTES, LOG_LEVEL,
 * MAX_MESSAGE_CHARS, MAX_REQUEST_BYTES, SHUTDOWN_TIMEOUT_SECONDS, SPIKE_ALERT_THRESHOLD.
 */
import type { ConfigProblem, ConfigResult } from './problems';

export interface ServerConfig {
  /** HOST, default 0.0.0.0. */
  host: string;
  /** PORT, default 3978. */
  port: number;
  /** KNOWLEDGE_DIR, default ./knowledge. */
  knowledgeDir: string | undefined;
  /** CONVERSATION_IDLE_MINUTES, default 1440 (a day). */
  idleMinutes: number;
  /** LOG_LEVEL, default info. */
  logLevel: LogLevel;
  /** MAX_MESSAGE_CHARS: longer messages are answered politely and not matched. Default 8000. */
  maxMessageChars: number;
  /** MAX_REQUEST_BYTES: larger request bodies are refused with 413. Default 1048576 (1 MiB). */
  maxRequestBytes: number;
  /** SHUTDOWN_TIMEOUT_SECONDS: how long SIGTERM waits for messages in flight. Default 10. */
  shutdownTimeoutSeconds: number;
  /** SPIKE_ALERT_THRESHOLD: more conversations than this about one thing in an hour alert support; 0 turns alerts off. Default 25. */
  spikeAlertThreshold: number;
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function readServerConfig(env: NodeJS.ProcessEnv): ConfigResult<ServerConfig> {
  const problems: ConfigProblem[] = [];
  const port = readInteger(env, 'PORT', 3978, 0, 65535, 'the port the bot listens on', problems);
  const idleMinutes = readInteger(env, 'CONVERSATION_IDLE_MINUTES', 1440, 1, 525600, 'minutes after which an idle conversation is forgotten', problems);
  const maxMessageChars = readInteger(env, 'MAX_MESSAGE_CHARS', 8000, 100, 1_000_000, 'longer messages are not matched', problems);
  const maxRequestBytes = readInteger(env, 'MAX_REQUEST_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024, 'larger request bodies are refused with 413', problems);
  const shutdownTimeoutSeconds = readInteger(env, 'SHUTDOWN_TIMEOUT_SECONDS', 10, 0, 600, 'how long shutdown waits for messages in flight', problems);
  const spikeAlertThreshold = readInteger(env, 'SPIKE_ALERT_THRESHOLD', 25, 0, 1_000_000, 'conversations about one thing in an hour before support is alerted; 0 turns alerts off', problems);
  const level = (env.LOG_LEVEL || 'info').toLowerCase();
  const logLevel = (LOG_LEVELS as readonly string[]).includes(level) ? (level as LogLevel) : 'info';
  if (logLevel !== level) problems.push({ variable: 'LOG_LEVEL', message: `must be one of ${LOG_LEVELS.join(', ')} (how much the bot logs)` });
  return {
    config: { host: env.HOST || '0.0.0.0', port, knowledgeDir: env.KNOWLEDGE_DIR || undefined, idleMinutes, logLevel, maxMessageChars, maxRequestBytes, shutdownTimeoutSeconds, spikeAlertThreshold },
    problems,
  };
}

/** Reads a whole number in [min, max], or records a problem naming the variable. */
export function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, purpose: string, problems: ConfigProblem[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push({ variable: name, message: `must be a whole number from ${min} to ${max} (${purpose})` });
    return fallback;
  }
  return n;
}
