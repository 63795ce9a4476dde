/** Where conversation state and delivery receipts live between turns. */
import type { ConversationState } from '../dialogue/state';
import { MemoryOutboxStore } from '../escalation/memoryOutbox';
import { MemoryEventLog } from '../events/memoryEventLog';
import { decodeState, encodeState } from './stateCodec';
import type { Storage } from './storage';

/**
 * Conversation storage. Implementations must expire records on their own after `ttlMs`, so
 * an abandoned conversation never blocks a new one.
 */
export interface ConversationStore {
  get(conversationId: string): Promise<ConversationState | undefined>;
  set(conversationId: string, state: ConversationState, ttlMs: number): Promise<void>;
  delete(conversationId: string): Promise<void>;
  /**
   * Records a platform delivery id (Slack event id, Teams activity id). True the first time,
   * false for a retry or duplicate, so a delivery is handled once across replicas.
   */
  claimDelivery(deliveryId: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}

type Clock = () => number;

/**
 * The in-memory default: one process, expiring entries, nothing survives a restart. It carries
 * an in-memory outbox and event log too, so chat, replay and tests need nothing else.
 */
export class MemoryConversationStore implements Storage {
  readonly kind = 'memory';
  readonly outbox = new MemoryOutboxStore();
  readonly events = new MemoryEventLog();
  // Held as the JSON text the persistent stores write: a copy the caller cannot change, in less
  // than half the memory of the object (10,000 waiting conversations: see BENCHMARKS.md).
  private readonly states = new Map<string, { state: string; expiresAt: number }>();
  private readonly deliveries = new Map<string, number>();

  constructor(private readonly now: Clock = Date.now) {}

  async get(conversationId: string): Promise<ConversationState | undefined> {
    const record = this.states.get(conversationId);
    if (!record) return undefined;
    if (record.expiresAt <= this.now()) {
      this.states.delete(conversationId);
      return undefined;
    }
    return decodeState(record.state);
  }

  async set(conversationId: string, state: ConversationState, ttlMs: number): Promise<void> {
    this.sweep();
    this.states.set(conversationId, { state: encodeState(state), expiresAt: this.now() + ttlMs });
  }

  async delete(conversationId: string): Promise<void> {
    this.states.delete(conversationId);
  }

  async claimDelivery(deliveryId: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const expiresAt = this.deliveries.get(deliveryId);
    if (expiresAt !== undefined && expiresAt > now) return false;
    this.deliveries.set(deliveryId, now + ttlMs);
    return true;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.states.clear();
    this.deliveries.clear();
  }

  /** Number of live conversations (for tests and metrics). */
  get size(): number {
    return this.states.size;
  }

  // Expired records are dropped as new ones arrive, so memory follows live conversations only.
  private sweep(): void {
    const now = this.now();
    if (this.states.size % 256 !== 0) return;
    for (const [id, record] of this.states) if (record.expiresAt <= now) this.states.delete(id);
    for (const [id, expiresAt] of this.deliveries) if (expiresAt <= now) this.deliveries.delete(id);
  }
}
