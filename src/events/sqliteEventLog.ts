/** The event log in the bot's SQLite file (table `events`); old events are swept by the store. */
import type { Database, Statement } from 'better-sqlite3';
import type { BotEvent, BotEventType, EventLog, EventQuery } from './eventLog';

interface EventRow {
  at: number;
  type: BotEventType;
  conversation: string;
  entry_id: string | null;
  channel: string;
  started: number;
  reason: string | null;
  text: string | null;
}

export class SqliteEventLog implements EventLog {
  // Compiled once: every turn records an event, and better-sqlite3 does not cache statements.
  private readonly insert: Statement<[number, BotEventType, string, string | null, string, number, string | null, string | null]>;

  constructor(private readonly db: Database) {
    this.insert = db.prepare('INSERT INTO events (at, type, conversation, entry_id, channel, started, reason, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  }

  async record(event: BotEvent): Promise<void> {
    this.insert.run(Date.parse(event.at), event.type, event.conversation, event.entryId, event.channel, event.started ? 1 : 0, event.reason ?? null, event.text ?? null);
  }

  async query(query: EventQuery = {}): Promise<BotEvent[]> {
    const rows = this.db
      .prepare<[number, number], EventRow>('SELECT at, type, conversation, entry_id, channel, started, reason, text FROM events WHERE at >= ? AND at < ? ORDER BY at, seq')
      .all(query.since?.getTime() ?? 0, query.until?.getTime() ?? Number.MAX_SAFE_INTEGER);
    return rows.map((r) => ({
      type: r.type,
      conversation: r.conversation,
      entryId: r.entry_id,
      channel: r.channel,
      at: new Date(r.at).toISOString(),
      started: r.started === 1,
      ...(r.reason !== null && { reason: r.reason }),
      ...(r.text !== null && { text: r.text }),
    }));
  }
}
