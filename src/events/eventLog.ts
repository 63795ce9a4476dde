/**
 * The event log: one event per handled message, kept for reports (which entries help, what
 * goes unmatched, how often the bot hands over). Stores implement the port; the bot records.
 */
import { createHash } from 'node:crypto';

/**
 * `matched`: the conversation is open and waiting (an entry or a choice of entries);
 * `unmatched`: nothing matched (the text is kept, trimmed); `resolved` and `escalated` end a
 * conversation.
 */
export type BotEventType = 'matched' | 'unmatched' | 'resolved' | 'escalated';

export interface BotEvent {
  type: BotEventType;
  /** A hash of the conversation id: counts conversations without naming workspaces or threads. */
  conversation: string;
  /** The entry the conversation follows, when there is one. */
  entryId: string | null;
  channel: string;
  /** ISO 8601 time the message was handled. */
  at: string;
  /** True when this message began the conversation (first message, or first after an unmatched one). */
  started: boolean;
  /** For `escalated`: the machine-readable reason (`asked_for_person`, `entry_removed`, ...). */
  reason?: string;
  /** For `unmatched`: what the employee wrote, trimmed to UNMATCHED_TEXT_CHARS. */
  text?: string;
}

export interface EventQuery {
  /** Events at or after this time. Default: everything kept. */
  since?: Date;
  /** Events before this time. Default: now and later. */
  until?: Date;
}

export interface EventLog {
  /** Adds one event. */
  record(event: BotEvent): Promise<void>;
  /** Events in the time range, oldest first. */
  query(query?: EventQuery): Promise<BotEvent[]>;
}

/** Unmatched text beyond this is cut: enough to see what people ask, not a whole log paste. */
export const UNMATCHED_TEXT_CHARS = 500;

/** Events older than this are dropped by the stores that sweep (SQLite); Redis keeps a capped stream. */
export const EVENT_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

/** The stable, non-reversible name of a conversation in events. */
export function conversationHash(conversationId: string): string {
  return createHash('sha256').update(conversationId).digest('hex').slice(0, 16);
}

/** Cuts unmatched text to UNMATCHED_TEXT_CHARS, marking the cut. */
export function trimEventText(text: string): string {
  const trimmed = text.trim();
  return trimmed.length <= UNMATCHED_TEXT_CHARS ? trimmed : `${trimmed.slice(0, UNMATCHED_TEXT_CHARS - 1)}…`;
}

/** Whether an event falls in the query's range. */
export function inRange(event: BotEvent, query: EventQuery = {}): boolean {
  const at = Date.parse(event.at);
  if (query.since && at < query.since.getTime()) return false;
  if (query.until && at >= query.until.getTime()) return false;
  return true;
}
