/** The server's own variables: HOST, PORT, KNOWLEDGE_DIR, CONVERSATION_IDLE_MINUTES. */
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
}

export function readServerConfig(env: NodeJS.ProcessEnv): ConfigResult<ServerConfig> {
  const problems: ConfigProblem[] = [];
  const port = readInteger(env, 'PORT', 3978, 0, 65535, 'the port the bot listens on', problems);
  const idleMinutes = readInteger(env, 'CONVERSATION_IDLE_MINUTES', 1440, 1, 525600, 'minutes after which an idle conversation is forgotten', problems);
  return {
    config: { host: env.HOST || '0.0.0.0', port, knowledgeDir: env.KNOWLEDGE_DIR || undefined, idleMinutes },
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
