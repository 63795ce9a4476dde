/** The port every platform adapter implements for the shared HTTP server. */
import type { Express } from 'express';
import type { HelpdeskBot } from '../bot';
import type { ConversationStore } from '../conversation/store';
import type { EscalationSink } from '../escalation/sink';
import type { Logger } from '../logger';

/** What the server hands each adapter. */
export interface AdapterContext {
  bot: HelpdeskBot;
  /** For delivery dedupe (`claimDelivery`) across retries and replicas. */
  store: ConversationStore;
  logger: Logger;
}

export interface ChannelAdapter {
  /** `slack` or `teams`, for logs. */
  readonly name: string;
  /** Adds the adapter's routes (e.g. POST /slack/events) to the shared app. */
  mount(app: Express): void;
  /** Starts transports that are not HTTP routes (Slack Socket Mode). */
  start(): Promise<void>;
  /** Stops them; in-flight messages are allowed to finish. */
  stop(): Promise<void>;
  /** Where this platform delivers escalations (support channel), if configured. */
  readonly sinks: EscalationSink[];
}
