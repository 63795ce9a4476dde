/**
 * Everything the bot persists, behind one handle: conversation state and delivery receipts
 * (the ConversationStore), the escalation outbox and the event log. SQLite and Redis keep all
 * three in the same database, so one setting (DATA_DIR or REDIS_URL) decides where it all lives.
 */
import type { OutboxStore } from '../escalation/outbox';
import type { EventLog } from '../events/eventLog';
import type { ConversationStore } from './store';

export interface Storage extends ConversationStore {
  /** `memory`, `sqlite` or `redis`, for logs. */
  readonly kind: 'memory' | 'sqlite' | 'redis';
  readonly outbox: OutboxStore;
  readonly events: EventLog;
  /** Resolves when the database answers, rejects when it does not (readiness checks). */
  ping(): Promise<void>;
}

/** Whether a store also holds an outbox and an event log (a test may pass a bare ConversationStore). */
export function isStorage(store: ConversationStore): store is Storage {
  const s = store as Partial<Storage>;
  return typeof s.kind === 'string' && s.outbox !== undefined && s.events !== undefined;
}
