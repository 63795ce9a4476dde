/**
 * The event log read back as conversations. A conversation is the run of one conversation
 * hash's events from an event with `started: true` up to (not including) the next one; the bot
 * starts a new one after a resolution, an escalation, an unmatched message or idle expiry, so
 * one Slack thread or Teams chat can hold several.
 */
import type { BotEvent } from '../events/eventLog';

/**
 * `resolved` and `escalated`: how it ended. `unmatched`: its last message was one nothing
 * matched (the employee got no answer and did not ask for a person). `open`: still following an
 * entry, or abandoned halfway.
 */
export type ConversationOutcome = 'resolved' | 'escalated' | 'unmatched' | 'open';

export interface ReportConversation {
  /** The conversation hash (several conversations may share one). */
  conversation: string;
  channel: string;
  startedAt: string;
  /** Its events, oldest first: one per message the employee sent. */
  events: BotEvent[];
  outcome: ConversationOutcome;
  /** The last entry its events named, or null when nothing matched. */
  entryId: string | null;
}

const ENDINGS: ReadonlySet<string> = new Set(['resolved', 'escalated']);

/**
 * Splits events into conversations, in the order they started. Events whose conversation began
 * before the first event given (its `started` event is missing) are left out: a report covers
 * conversations that started in its window.
 */
export function splitConversations(events: readonly BotEvent[]): ReportConversation[] {
  // Stable: events of one millisecond keep the log's order.
  const ordered = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const conversations: ReportConversation[] = [];
  const current = new Map<string, BotEvent[]>();
  for (const event of ordered) {
    if (event.started) {
      const run = [event];
      current.set(event.conversation, run);
      conversations.push({ conversation: event.conversation, channel: event.channel, startedAt: event.at, events: run, outcome: 'open', entryId: null });
    } else {
      const run = current.get(event.conversation);
      // A conversation ends with its resolution or escalation; the bot starts the next one afresh.
      if (run && !ENDINGS.has(run[run.length - 1].type)) run.push(event);
    }
  }
  for (const c of conversations) {
    c.outcome = outcomeOf(c.events[c.events.length - 1]);
    c.entryId = [...c.events].reverse().find((e) => e.entryId !== null)?.entryId ?? null;
  }
  return conversations;
}

function outcomeOf(last: BotEvent): ConversationOutcome {
  if (last.type === 'matched') return 'open';
  return last.type;
}
