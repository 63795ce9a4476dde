/**
 * The core's front door. Every adapter (Slack, Teams, terminal, replay) hands messages to
 * `HelpdeskBot.handle` and renders the replies it returns.
 */
import { randomUUID } from 'node:crypto';
import { KeyedQueue } from './conversation/keyedQueue';
import { MemoryConversationStore, type ConversationStore } from './conversation/store';
import { step } from './dialogue/step';
import { TEXTS } from './dialogue/texts';
import type { EscalationOutbox } from './escalation/outbox';
import type { EscalationSink } from './escalation/sink';
import { conversationHash, trimEventText, type BotEvent, type EventLog } from './events/eventLog';
import type { KnowledgeBase } from './knowledge/knowledgeBase';
import type { MatchResult } from './matching/matcher';
import type { EscalationRecord, IncomingMessage, Outcome, Reply } from './messages';
import { silentLogger, type Logger } from './logger';

export interface BotOptions {
  /** The knowledge to serve, or a function returning the current one (live reload). */
  knowledge: KnowledgeBase | (() => KnowledgeBase);
  /** Conversation state. Default: in memory. */
  store?: ConversationStore;
  /**
   * Receives escalations inline, within the turn (chat, replay). Ignored when `outbox` is given.
   * Default: none (escalations are only logged).
   */
  sink?: EscalationSink;
  /**
   * Durable hand-off (`serve`): escalations are recorded in the outbox within the turn and
   * delivered to every sink afterwards, with retries. Default: none (inline `sink`).
   */
  outbox?: EscalationOutbox;
  /** Receives one event per handled message, for reports. Default: none. */
  events?: EventLog;
  /** Idle time after which a conversation is forgotten. Default: 24 hours. */
  idleMs?: number;
  /** Longer messages are not matched; the employee is asked for the essentials. Default: 8000 characters. */
  maxMessageChars?: number;
  logger?: Logger;
  now?: () => Date;
  /** Told about every handled message and how long it took (metrics). */
  onTurn?: (turn: BotTurn, message: IncomingMessage, seconds: number) => void;
}

/** What one handled message produced. */
export interface BotTurn {
  conversationId: string;
  outcome: Outcome;
  entryId: string | null;
  replies: Reply[];
  escalation?: EscalationRecord;
  /**
   * Whether support will get the escalation: with an outbox, true once it is recorded there for
   * at least one sink (delivery follows, retried while a sink is down); with an inline sink, true
   * once the sink accepted it. False when no sink is configured or the hand-off failed; the
   * escalation is then logged in full.
   */
  escalationDelivered?: boolean;
  /** How the message was matched (null when it only answered a question). */
  match: MatchResult | null;
}

export const DEFAULT_IDLE_MS = 24 * 60 * 60 * 1000;
/** How long an escalation waits for its channel to say where the conversation is. */
const LINK_TIMEOUT_MS = 3000;

/** Finds the link back to a conversation (a Slack permalink) when an escalation needs one. */
export type LinkResolver = (conversationId: string) => Promise<string | undefined>;
export const DEFAULT_MAX_MESSAGE_CHARS = 8000;

export class HelpdeskBot {
  private readonly store: ConversationStore;
  private readonly idleMs: number;
  private readonly maxMessageChars: number;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private readonly knowledge: () => KnowledgeBase;
  // Messages of one conversation are handled one at a time, in arrival order.
  private readonly queue = new KeyedQueue();
  private readonly linkResolvers = new Map<string, LinkResolver>();

  constructor(private readonly options: BotOptions) {
    const kb = options.knowledge;
    this.knowledge = typeof kb === 'function' ? kb : () => kb;
    this.store = options.store ?? new MemoryConversationStore();
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.maxMessageChars = options.maxMessageChars ?? DEFAULT_MAX_MESSAGE_CHARS;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Lets a channel supply the link back to a conversation only when an escalation is made,
   * instead of with every message (on Slack that is an API call).
   */
  useLinkResolver(channel: string, resolve: LinkResolver): void {
    this.linkResolvers.set(channel, resolve);
  }

  /** Handles one employee message and returns the bot's replies. */
  handle(message: IncomingMessage): Promise<BotTurn> {
    return this.queue.run(message.conversationId, () => this.handleNow(message));
  }

  private async handleNow(message: IncomingMessage): Promise<BotTurn> {
    const started = Date.now();
    const previous = (await this.store.get(message.conversationId)) ?? null;
    // After an unmatched, a resolved or an escalated message the next one starts afresh, unless it
    // follows up (asks for a person after an unmatched question, reports a problem after a
    // resolution, adds to an escalation).
    const finished = previous?.phase === 'unmatched' || previous?.phase === 'resolved' || previous?.phase === 'escalated';
    let begins = !previous || finished;
    const now = this.now();
    if (message.text.length > this.maxMessageChars) {
      const turn: BotTurn = {
        conversationId: message.conversationId,
        outcome: previous && !finished ? 'pending' : 'no_match',
        entryId: previous?.entryId ?? null,
        replies: [{ kind: 'notice', text: TEXTS.tooLong, options: [] }],
        match: null,
      };
      await this.finish(message, turn, begins, now, started);
      return turn;
    }
    const result = step(previous, message, this.knowledge(), { now, newId: randomUUID });
    const turn: BotTurn = {
      conversationId: message.conversationId,
      outcome: result.outcome,
      entryId: result.entryId,
      replies: result.replies,
      escalation: result.escalation,
      match: result.match,
    };
    // The escalation is handed over before the conversation is forgotten, so a crash in between
    // loses the conversation's state, never what support needs.
    if (result.followUp) begins = false;
    if (result.escalation) {
      result.escalation.link ??= await this.resolveLink(message.channel, message.conversationId);
      turn.escalationDelivered = await this.handOver(result.escalation);
    }
    if (result.state) await this.store.set(message.conversationId, result.state, this.idleMs);
    else if (previous) await this.store.delete(message.conversationId);
    await this.finish(message, turn, begins, now, started);
    return turn;
  }

  /** The bookkeeping of every turn: event log, one log line, the observer. */
  private async finish(message: IncomingMessage, turn: BotTurn, begins: boolean, now: Date, started: number): Promise<void> {
    await this.recordEvent(message, turn, begins, now);
    const conversation = conversationHash(message.conversationId);
    const latencyMs = Date.now() - started;
    this.logger.debug({ conversation, match: turn.match }, 'match explanation');
    this.logger.info({ channel: message.channel, conversation, entry: turn.entryId, outcome: turn.outcome, latencyMs }, 'message handled');
    this.options.onTurn?.(turn, message, latencyMs / 1000);
  }

  // A link is a convenience for support: a slow or failing lookup never holds the escalation back.
  private async resolveLink(channel: string, conversationId: string): Promise<string | undefined> {
    const resolve = this.linkResolvers.get(channel);
    if (!resolve) return undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        resolve(conversationId),
        new Promise<undefined>((done) => {
          timer = setTimeout(() => done(undefined), LINK_TIMEOUT_MS);
        }),
      ]);
    } catch (err) {
      this.logger.warn({ channel, err: (err as Error).message }, 'no link back to the conversation');
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private async handOver(record: EscalationRecord): Promise<boolean> {
    const outbox = this.options.outbox;
    if (!outbox) return this.deliver(record);
    try {
      const sinks = await outbox.enqueue(record);
      if (sinks.length === 0) this.logger.warn({ escalation: record }, 'escalation not delivered: no sink is configured');
      return sinks.length > 0;
    } catch (err) {
      // The whole record goes to the log so that nothing the employee said is lost.
      this.logger.error({ escalation: record, err: (err as Error).message }, 'escalation could not be recorded in the outbox');
      return false;
    }
  }

  private async deliver(record: EscalationRecord): Promise<boolean> {
    const sink = this.options.sink;
    if (!sink) {
      this.logger.warn({ escalation: record }, 'escalation not delivered: no sink is configured');
      return false;
    }
    try {
      await sink.deliver(record);
      return true;
    } catch (err) {
      // The whole record goes to the log so that nothing the employee said is lost.
      this.logger.error({ escalation: record, err: (err as Error).message }, 'escalation delivery failed');
      return false;
    }
  }

  // Reports are a by-product: an event that cannot be written never fails the employee's turn.
  private async recordEvent(message: IncomingMessage, turn: BotTurn, started: boolean, now: Date): Promise<void> {
    const events = this.options.events;
    if (!events) return;
    const event: BotEvent = {
      type: turn.outcome === 'no_match' ? 'unmatched' : turn.outcome === 'pending' ? 'matched' : turn.outcome,
      conversation: conversationHash(message.conversationId),
      entryId: turn.entryId,
      channel: message.channel,
      at: now.toISOString(),
      started,
    };
    if (turn.escalation) event.reason = turn.escalation.reason;
    if (event.type === 'unmatched') event.text = trimEventText(message.text);
    try {
      await events.record(event);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message, event: { type: event.type, entryId: event.entryId } }, 'event not recorded');
    }
  }

  /** Closes the store. */
  async close(): Promise<void> {
    await this.store.close();
  }
}
