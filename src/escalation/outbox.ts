/**
 * The escalation outbox: escalations are recorded durably in the turn that produced them, and
 * a worker delivers them to each sink afterwards, so a ticket system that is down for minutes
 * loses nothing and the employee's turn never waits for it.
 */
import type { EscalationRecord } from '../messages';

/** What the bot hands escalations to (implemented by the OutboxWorker). */
export interface EscalationOutbox {
  /** Records the escalation for every configured sink; resolves with the sink names it will go to. */
  enqueue(record: EscalationRecord): Promise<string[]>;
}

/** One (escalation, sink) pair waiting for delivery, as leased to a worker. */
export interface OutboxDelivery {
  /** Opaque, assigned by the store. */
  id: string;
  sink: string;
  record: EscalationRecord;
  /** Attempts already made (0 on the first). */
  attempts: number;
  /** When the escalation was recorded (ms since the epoch). */
  enqueuedAt: number;
}

export interface OutboxClaim {
  /** Sinks this worker can deliver to; deliveries for other sinks are left for other replicas. */
  sinks: string[];
  /** Who holds the lease (one worker of one replica). */
  owner: string;
  now: number;
  /** How long the lease lasts; after it, another worker may take the delivery over. */
  leaseMs: number;
  /** At most this many deliveries per sink. */
  limit: number;
}

export interface OutboxCounts {
  pending: number;
  done: number;
  failed: number;
}

/**
 * Outbox storage. Deliveries of one conversation to one sink go strictly in the order they were
 * added: only the oldest unfinished one is ever claimed, and a later one waits while it retries.
 */
export interface OutboxStore {
  /** Records the escalation with one pending delivery per sink; adding the same record id again does nothing. */
  add(record: EscalationRecord, sinks: string[], now: number): Promise<void>;
  /** Leases deliveries that are due: the head of each (sink, conversation) queue, not leased by anyone else. */
  claim(claim: OutboxClaim): Promise<OutboxDelivery[]>;
  /** Marks a delivery done (even when its lease ran out meanwhile: it did arrive). False when already finished. */
  complete(id: string, owner: string, now: number): Promise<boolean>;
  /** Puts a delivery back for a later attempt. False when the lease was lost. */
  retryLater(id: string, owner: string, nextAttemptAt: number, error: string): Promise<boolean>;
  /** Gives a delivery up for good (permanent failure). False when the lease was lost. */
  fail(id: string, owner: string, now: number, error: string): Promise<boolean>;
  counts(): Promise<OutboxCounts>;
}

/** Finished deliveries are kept this long (for audits and duplicate detection), then swept. */
export const FINISHED_DELIVERY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
