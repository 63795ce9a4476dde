/** The in-memory outbox: one process, nothing survives a restart (chat, replay, tests). */
import type { EscalationRecord } from '../messages';
import type { OutboxClaim, OutboxCounts, OutboxDelivery, OutboxStore } from './outbox';

interface Row {
  seq: number;
  recordId: string;
  sink: string;
  conversationId: string;
  record: EscalationRecord;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  enqueuedAt: number;
  nextAttemptAt: number;
  leaseOwner: string | null;
  leaseUntil: number;
  lastError: string | null;
}

// Finished rows are forgotten beyond this, so a long-running chat stays small.
const MAX_ROWS = 10_000;

export class MemoryOutboxStore implements OutboxStore {
  private readonly rows = new Map<number, Row>();
  private readonly added = new Set<string>();
  private seq = 0;

  async add(record: EscalationRecord, sinks: string[], now: number): Promise<void> {
    if (this.added.has(record.id)) return;
    this.added.add(record.id);
    if (this.rows.size >= MAX_ROWS) this.forgetFinished();
    for (const sink of sinks) {
      this.seq += 1;
      this.rows.set(this.seq, {
        seq: this.seq,
        recordId: record.id,
        sink,
        conversationId: record.conversationId,
        record: structuredClone(record),
        status: 'pending',
        attempts: 0,
        enqueuedAt: now,
        nextAttemptAt: now,
        leaseOwner: null,
        leaseUntil: 0,
        lastError: null,
      });
    }
  }

  async claim(claim: OutboxClaim): Promise<OutboxDelivery[]> {
    const heads = new Map<string, Row>();
    for (const row of this.rows.values()) {
      if (row.status !== 'pending' || !claim.sinks.includes(row.sink)) continue;
      const key = `${row.sink}\n${row.conversationId}`;
      const head = heads.get(key);
      if (!head || row.seq < head.seq) heads.set(key, row);
    }
    const perSink = new Map<string, number>();
    const out: OutboxDelivery[] = [];
    for (const row of [...heads.values()].sort((a, b) => a.seq - b.seq)) {
      if (row.nextAttemptAt > claim.now || row.leaseUntil > claim.now) continue;
      const taken = perSink.get(row.sink) ?? 0;
      if (taken >= claim.limit) continue;
      perSink.set(row.sink, taken + 1);
      row.leaseOwner = claim.owner;
      row.leaseUntil = claim.now + claim.leaseMs;
      out.push({ id: String(row.seq), sink: row.sink, record: structuredClone(row.record), attempts: row.attempts, enqueuedAt: row.enqueuedAt });
    }
    return out;
  }

  async complete(id: string, _owner: string, _now: number): Promise<boolean> {
    return this.finish(id, null, 'done', null);
  }

  async retryLater(id: string, owner: string, nextAttemptAt: number, error: string): Promise<boolean> {
    const row = this.rows.get(Number(id));
    if (!row || row.status !== 'pending' || row.leaseOwner !== owner) return false;
    row.attempts += 1;
    row.nextAttemptAt = nextAttemptAt;
    row.lastError = error;
    row.leaseOwner = null;
    row.leaseUntil = 0;
    return true;
  }

  async fail(id: string, owner: string, _now: number, error: string): Promise<boolean> {
    return this.finish(id, owner, 'failed', error);
  }

  async counts(): Promise<OutboxCounts> {
    const counts: OutboxCounts = { pending: 0, done: 0, failed: 0 };
    for (const row of this.rows.values()) counts[row.status] += 1;
    return counts;
  }

  private forgetFinished(): void {
    for (const [seq, row] of this.rows) {
      if (row.status === 'pending') continue;
      this.rows.delete(seq);
      this.added.delete(row.recordId);
    }
  }

  private finish(id: string, owner: string | null, status: 'done' | 'failed', error: string | null): boolean {
    const row = this.rows.get(Number(id));
    if (!row || row.status !== 'pending') return false;
    if (owner !== null && row.leaseOwner !== owner) return false;
    row.status = status;
    row.attempts += 1;
    row.lastError = error;
    row.leaseOwner = null;
    row.leaseUntil = 0;
    return true;
  }
}
