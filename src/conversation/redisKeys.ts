/**
 * The Redis key layout, versioned by its prefix: a bot that changes the layout moves to
 * `helpdesk:v2:` and never misreads v1 keys. Documented in docs/storage.md.
 */

/** The prefix every key of this layout starts with. */
export const REDIS_KEY_PREFIX = 'helpdesk:v1:';

/** Sink names may hold `:`; encoded, they cannot run into the conversation id after them. */
export function encodeSink(sink: string): string {
  return encodeURIComponent(sink);
}

export function redisKeys(prefix = REDIS_KEY_PREFIX) {
  return {
    prefix,
    /** Hash: `schema` (layout version), `createdAt`. */
    meta: `${prefix}meta`,
    /** String: conversation state JSON, PX = idle time. */
    conversation: (id: string) => `${prefix}conv:${id}`,
    /** String `1`, SET NX PX: a platform delivery already handled. */
    deliveryClaim: (id: string) => `${prefix}seen:${id}`,
    /** Stream: one entry per bot event, field `e` = event JSON, capped. */
    events: `${prefix}events`,
  };
}
