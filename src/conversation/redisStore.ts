/**
 * Conversations, delivery receipts, the escalation outbox and the event log in Redis, shared by
 * every replica. Idle expiry is Redis's own (PX); a delivery claim is SET NX PX, so exactly one
 * replica wins it. Standalone Redis (or one primary): outbox scripts touch keys they compute.
 */
import type Redis from 'ioredis';
import type { ConversationState } from '../dialogue/state';
import { RedisOutboxStore } from '../escalation/redisOutbox';
import { RedisEventLog } from '../events/redisEventLog';
import { silentLogger, type Logger } from '../logger';
import { connectRedis } from './redisConnection';
import { REDIS_KEY_PREFIX, redisKeys } from './redisKeys';
import { decodeState, encodeState } from './stateCodec';
import type { Storage } from './storage';

/** The layout version written to `<prefix>meta`; the prefix carries it too. */
export const REDIS_SCHEMA_VERSION = 1;

export interface RedisStoreOptions {
  /** Default `helpdesk:v1:`. */
  keyPrefix?: string;
  /** The event stream is trimmed to about this many events. Default 100,000. */
  eventCap?: number;
}

export class RedisConversationStore implements Storage {
  readonly kind = 'redis';
  readonly outbox: RedisOutboxStore;
  readonly events: RedisEventLog;
  private readonly keys: ReturnType<typeof redisKeys>;
  private closed = false;

  /** Connects to `url` (REDIS_URL), fails with a StoreError when Redis cannot be reached. */
  static async connect(url: string, options: RedisStoreOptions & { logger?: Logger; connectTimeoutMs?: number } = {}): Promise<RedisConversationStore> {
    const client = await connectRedis(url, { logger: options.logger ?? silentLogger, connectTimeoutMs: options.connectTimeoutMs });
    const store = new RedisConversationStore(client, options);
    await client.hsetnx(store.keys.meta, 'schema', String(REDIS_SCHEMA_VERSION));
    await client.hsetnx(store.keys.meta, 'createdAt', new Date().toISOString());
    return store;
  }

  constructor(
    readonly client: Redis,
    options: RedisStoreOptions = {},
  ) {
    this.keys = redisKeys(options.keyPrefix ?? REDIS_KEY_PREFIX);
    this.outbox = new RedisOutboxStore(client, this.keys.prefix);
    this.events = new RedisEventLog(client, this.keys.events, options.eventCap);
  }

  async get(conversationId: string): Promise<ConversationState | undefined> {
    return decodeState(await this.client.get(this.keys.conversation(conversationId)));
  }

  async set(conversationId: string, state: ConversationState, ttlMs: number): Promise<void> {
    await this.client.set(this.keys.conversation(conversationId), encodeState(state), 'PX', Math.max(1, Math.round(ttlMs)));
  }

  async delete(conversationId: string): Promise<void> {
    await this.client.del(this.keys.conversation(conversationId));
  }

  async claimDelivery(deliveryId: string, ttlMs: number): Promise<boolean> {
    const result = await this.client.set(this.keys.deliveryClaim(deliveryId), '1', 'PX', Math.max(1, Math.round(ttlMs)), 'NX');
    return result === 'OK';
  }

  async ping(): Promise<void> {
    // While Redis is down ioredis queues commands; readiness must answer now, not after reconnecting.
    if (this.client.status !== 'ready') throw new Error(`redis connection is ${this.client.status}`);
    await this.client.ping();
  }

  /** Waits (up to two seconds) for pending replies, then disconnects; safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // QUIT waits in the offline queue while Redis is down; shutdown must not wait for it.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 2000);
    });
    await Promise.race([this.client.quit().catch(() => undefined), timeout]);
    clearTimeout(timer);
    this.client.disconnect();
  }
}
