/** The event log in Redis: a stream capped at about `cap` events (older ones are trimmed). */
import type Redis from 'ioredis';
import { inRange, type BotEvent, type EventLog, type EventQuery } from './eventLog';

/**
 * Stream ids are the Redis server's clock, the events' `at` the bot's: `since` reads from this
 * much earlier, and `until` is applied to `at` alone.
 */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const PAGE = 1000;

export class RedisEventLog implements EventLog {
  constructor(
    private readonly client: Redis,
    private readonly key: string,
    private readonly cap = 100_000,
  ) {}

  async record(event: BotEvent): Promise<void> {
    await this.client.xadd(this.key, 'MAXLEN', '~', String(this.cap), '*', 'e', JSON.stringify(event));
  }

  async query(query: EventQuery = {}): Promise<BotEvent[]> {
    const out: BotEvent[] = [];
    let start = query.since ? String(Math.max(0, query.since.getTime() - CLOCK_SKEW_MS)) : '-';
    for (;;) {
      const page = await this.client.xrange(this.key, start, '+', 'COUNT', PAGE);
      for (const [, fields] of page) {
        const json = fields[fields.indexOf('e') + 1];
        const event = json ? (JSON.parse(json) as BotEvent) : undefined;
        if (event && inRange(event, query)) out.push(event);
      }
      if (page.length < PAGE) break;
      start = `(${page[page.length - 1][0]}`;
    }
    return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }
}
