/**
 * Where the bot keeps its state and where escalations go besides the chat platforms:
 * DATA_DIR, REDIS_URL, TICKET_WEBHOOK_URL, TICKET_WEBHOOK_SECRET. Values are never echoed
 * (URLs may hold passwords).
 */
import type { ConfigProblem, ConfigResult } from './problems';
import { isUrlWith } from './urls';

export interface TicketWebhookConfig {
  /** TICKET_WEBHOOK_URL: escalations are POSTed here as JSON. */
  url: string;
  /** TICKET_WEBHOOK_SECRET: signs each request (X-Helpdesk-Signature). Default: unsigned. */
  secret: string | null;
}

export interface StorageConfig {
  /** DATA_DIR, default `./data`: holds the SQLite file `helpdesk.db` when REDIS_URL is not set. */
  dataDir: string;
  /** REDIS_URL (`redis://` or `rediss://`): Redis holds everything instead of SQLite. Default: unset. */
  redisUrl: string | null;
  /** Set when TICKET_WEBHOOK_URL is. */
  ticketWebhook: TicketWebhookConfig | null;
}

/** A shorter secret is too easy to guess for a signature that gates ticket creation. */
export const MIN_WEBHOOK_SECRET_CHARS = 16;

export function readStorageConfig(env: NodeJS.ProcessEnv): ConfigResult<StorageConfig> {
  const problems: ConfigProblem[] = [];
  const dataDir = env.DATA_DIR || './data';

  let redisUrl: string | null = null;
  if (env.REDIS_URL) {
    if (!isUrlWith(env.REDIS_URL, ['redis:', 'rediss:'])) {
      problems.push({
        variable: 'REDIS_URL',
        message: 'must be a redis:// or rediss:// URL, e.g. redis://:password@redis.internal:6379/0 (the Redis server shared by every replica)',
      });
    } else redisUrl = env.REDIS_URL;
  }

  let ticketWebhook: TicketWebhookConfig | null = null;
  const secret = env.TICKET_WEBHOOK_SECRET || null;
  if (env.TICKET_WEBHOOK_URL) {
    if (!isUrlWith(env.TICKET_WEBHOOK_URL, ['https:', 'http:'])) {
      problems.push({
        variable: 'TICKET_WEBHOOK_URL',
        message: 'must be an https:// (or http://) URL: the ticket system endpoint escalations are POSTed to',
      });
    } else ticketWebhook = { url: env.TICKET_WEBHOOK_URL, secret };
  }
  if (secret !== null) {
    if (!env.TICKET_WEBHOOK_URL) {
      problems.push({ variable: 'TICKET_WEBHOOK_SECRET', message: 'is set but TICKET_WEBHOOK_URL is not: set the URL the signed escalations go to, or remove the secret' });
    } else if (secret.length < MIN_WEBHOOK_SECRET_CHARS) {
      problems.push({
        variable: 'TICKET_WEBHOOK_SECRET',
        message: `must be at least ${MIN_WEBHOOK_SECRET_CHARS} characters (it signs the escalations sent to TICKET_WEBHOOK_URL); generate one with \`openssl rand -hex 32\``,
      });
    }
  }
  return { config: { dataDir, redisUrl, ticketWebhook }, problems };
}
