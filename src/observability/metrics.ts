/** Prometheus metrics (prom-client) on a registry of our own, exposed at GET /metrics. */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();
  readonly messages = new Counter({ name: 'helpdesk_messages_total', help: 'Employee messages handled, by channel.', labelNames: ['channel'] as const, registers: [this.registry] });
  readonly matches = new Counter({ name: 'helpdesk_matches_total', help: 'Messages that landed in a knowledge entry, by entry.', labelNames: ['entry'] as const, registers: [this.registry] });
  readonly outcomes = new Counter({ name: 'helpdesk_outcomes_total', help: 'Conversation state after each message, by outcome.', labelNames: ['outcome'] as const, registers: [this.registry] });
  readonly deliveries = new Counter({
    name: 'helpdesk_escalation_deliveries_total',
    help: 'Escalation delivery attempts, by sink and result (delivered, retry, failed).',
    labelNames: ['sink', 'result'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'helpdesk_reply_latency_seconds',
    help: 'Time from receiving a message to having the replies, by channel.',
    labelNames: ['channel'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly reloads = new Counter({ name: 'helpdesk_knowledge_reloads_total', help: 'Knowledge reloads, by result (ok, error).', labelNames: ['result'] as const, registers: [this.registry] });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'helpdesk_' });
  }

  /** Records one handled message. */
  messageHandled(channel: string, entryId: string | null, outcome: string, seconds: number): void {
    this.messages.inc({ channel });
    if (entryId) this.matches.inc({ entry: entryId });
    this.outcomes.inc({ outcome });
    this.latency.observe({ channel }, seconds);
  }

  /** The exposition text for GET /metrics. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
