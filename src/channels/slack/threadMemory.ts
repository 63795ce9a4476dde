/**
 * What the adapter remembers per Slack thread between turns: which employee message shows the
 * status reaction, and which bot message has buttons waiting for an answer. The core's state
 * stays in the ConversationStore; this is rendering state only, kept in this process (another
 * replica that lacks it still answers correctly, it just cannot redraw the old buttons).
 */
import type { SlackMessage } from './blocks';

export type Status = 'none' | 'working' | 'resolved' | 'escalated';

export interface ThreadRecord {
  channel: string;
  /** The employee message that carries the status reaction. */
  statusTs: string;
  /** The reaction on it now. */
  status: Status;
  /** The last bot message with buttons, redrawn as answered when the employee answers. */
  question?: { ts: string; message: SlackMessage };
}

export interface ThreadMemoryOptions {
  /** How long a thread is remembered after its last turn. Default: 24 hours (the core's default idle time). */
  ttlMs?: number;
  /** At most this many threads; the oldest are forgotten first. Default: 10000. */
  maxThreads?: number;
  now?: () => number;
}

export class ThreadMemory {
  private readonly records = new Map<string, { record: ThreadRecord; expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly maxThreads: number;
  private readonly now: () => number;

  constructor(options: ThreadMemoryOptions = {}) {
    this.ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
    this.maxThreads = options.maxThreads ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  get(conversationId: string): ThreadRecord | undefined {
    const entry = this.records.get(conversationId);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.records.delete(conversationId);
      return undefined;
    }
    return entry.record;
  }

  set(conversationId: string, record: ThreadRecord): void {
    // Re-inserting moves the thread to the end, so the map's order is least recently used first.
    this.records.delete(conversationId);
    this.records.set(conversationId, { record, expiresAt: this.now() + this.ttlMs });
    while (this.records.size > this.maxThreads) {
      const oldest = this.records.keys().next().value;
      if (oldest === undefined) break;
      this.records.delete(oldest);
    }
  }

  delete(conversationId: string): void {
    this.records.delete(conversationId);
  }
}
