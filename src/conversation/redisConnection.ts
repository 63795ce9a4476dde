/** Connects to REDIS_URL and reports an unreachable server once, naming the variable. */
import Redis from 'ioredis';
import type { Logger } from '../logger';
import { StoreError } from './storeError';

export interface RedisConnectOptions {
  logger: Logger;
  /** How long the first connection may take before start-up fails. Default: 5 seconds. */
  connectTimeoutMs?: number;
}

/** Host and port only: REDIS_URL may hold a password. */
export function describeRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}:${u.port || '6379'}`;
  } catch {
    return 'REDIS_URL';
  }
}

/**
 * A connected client. While Redis restarts, commands wait in ioredis's offline queue and run
 * once it is back (each gives up after 20 reconnection attempts, about half a minute).
 */
export async function connectRedis(url: string, options: RedisConnectOptions): Promise<Redis> {
  const where = describeRedisUrl(url);
  let connectedOnce = false;
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs ?? 5000,
    maxRetriesPerRequest: 20,
    // Reconnect quickly first, then every two seconds; but a server that was never reached is
    // a start-up error, not something to wait for.
    retryStrategy: (times) => (connectedOnce ? Math.min(times * 100, 2000) : null),
  });
  let lastLogged = 0;
  client.on('error', (err: Error) => {
    // ioredis reports every failed reconnection; one line per ten seconds is enough.
    const now = Date.now();
    if (now - lastLogged < 10_000) return;
    lastLogged = now;
    options.logger.warn({ redis: where, err: err.message }, 'redis: connection problem; retrying');
  });
  client.on('ready', () => {
    if (lastLogged !== 0) options.logger.info({ redis: where }, 'redis: connected again');
  });
  try {
    await client.connect();
    connectedOnce = true;
  } catch (err) {
    // Without a retry the client has already ended; disconnecting it again holds the process ~2 s.
    if (client.status !== 'end') client.disconnect();
    throw new StoreError('STORE_UNAVAILABLE', `cannot connect to Redis at ${where} (REDIS_URL): ${(err as Error).message}`, { cause: err });
  }
  return client;
}
