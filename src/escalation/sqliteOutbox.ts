/** The escalation outbox in the bot's SQLite file (table `outbox`, see docs/storage.md). */
import type { Database } from 'better-sqlite3';
import type { EscalationRecord } from '../messages';
import type { OutboxClaim, OutboxCounts, OutboxDelivery, OutboxStore } from './outbox';

interface DueRow {
  seq: number;
  sink: string;
  record: string;
  attempts: number;
  enqueued_at: number;
}

export class SqliteOutboxStore implements OutboxStore {
  // Compiled once: the worker claims and settles deliveries all day, and better-sqlite3 does not
  // cache statements.
  private readonly statements;

  constructor(private readonly db: Database) {
    this.statements = {
      insert: db.prepare('INSERT OR IGNORE INTO outbox (record_id, sink, conversation_id, record, enqueued_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)'),
      // Only the oldest pending row of each (sink, conversation) is a candidate: that keeps order.
      due: db.prepare<[{ sink: string; now: number; limit: number }], DueRow>(`
        SELECT o.seq, o.sink, o.record, o.attempts, o.enqueued_at FROM outbox o
        WHERE o.status = 'pending' AND o.sink = @sink
          AND o.seq = (SELECT MIN(h.seq) FROM outbox h WHERE h.status = 'pending' AND h.sink = o.sink AND h.conversation_id = o.conversation_id)
          AND o.next_attempt_at <= @now AND (o.lease_until IS NULL OR o.lease_until <= @now)
        ORDER BY o.seq LIMIT @limit`),
      lease: db.prepare('UPDATE outbox SET lease_owner = ?, lease_until = ? WHERE seq = ?'),
      complete: db.prepare(
        "UPDATE outbox SET status = 'done', attempts = attempts + 1, finished_at = ?, lease_owner = NULL, lease_until = NULL WHERE seq = ? AND status = 'pending'",
      ),
      retryLater: db.prepare(
        "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL WHERE seq = ? AND status = 'pending' AND lease_owner = ?",
      ),
      fail: db.prepare(
        "UPDATE outbox SET status = 'failed', attempts = attempts + 1, finished_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL WHERE seq = ? AND status = 'pending' AND lease_owner = ?",
      ),
      counts: db.prepare<[], { status: keyof OutboxCounts; n: number }>('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status'),
    };
  }

  async add(record: EscalationRecord, sinks: string[], now: number): Promise<void> {
    const { insert } = this.statements;
    const json = JSON.stringify(record);
    this.db.transaction(() => {
      for (const sink of sinks) insert.run(record.id, sink, record.conversationId, json, now, now);
    })();
  }

  async claim(claim: OutboxClaim): Promise<OutboxDelivery[]> {
    const { due, lease } = this.statements;
    const take = this.db.transaction((): OutboxDelivery[] => {
      const out: OutboxDelivery[] = [];
      for (const sink of claim.sinks) {
        for (const row of due.all({ sink, now: claim.now, limit: claim.limit })) {
          lease.run(claim.owner, claim.now + claim.leaseMs, row.seq);
          out.push({ id: String(row.seq), sink: row.sink, record: JSON.parse(row.record) as EscalationRecord, attempts: row.attempts, enqueuedAt: row.enqueued_at });
        }
      }
      return out;
    });
    return take.immediate();
  }

  async complete(id: string, _owner: string, now: number): Promise<boolean> {
    const result = this.statements.complete.run(now, Number(id));
    return result.changes === 1;
  }

  async retryLater(id: string, owner: string, nextAttemptAt: number, error: string): Promise<boolean> {
    const result = this.statements.retryLater.run(nextAttemptAt, error, Number(id), owner);
    return result.changes === 1;
  }

  async fail(id: string, owner: string, now: number, error: string): Promise<boolean> {
    const result = this.statements.fail.run(now, error, Number(id), owner);
    return result.changes === 1;
  }

  async counts(): Promise<OutboxCounts> {
    const counts: OutboxCounts = { pending: 0, done: 0, failed: 0 };
    const rows = this.statements.counts.all();
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }
}
