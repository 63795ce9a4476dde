/** Where escalations go: a support channel, a ticket system, the terminal. */
import type { EscalationRecord } from '../messages';

export interface EscalationSink {
  /** A short name for logs, e.g. `slack:C0SUPPORT`. */
  readonly name: string;
  /** Delivers one escalation; rejects when it could not be delivered. */
  deliver(record: EscalationRecord): Promise<void>;
  /** Posts a notice for support people (a spike alert), where the sink is a place people read. */
  notify?(notice: SupportNotice): Promise<void>;
}

/** A message for the support team that is not an escalation. */
export interface SupportNotice {
  title: string;
  /** Plain text, `backticks` for commands, blank lines between paragraphs. */
  text: string;
}

/** Keeps escalations in memory: replay and tests read them back. */
export class CollectingSink implements EscalationSink {
  readonly name = 'memory';
  readonly records: EscalationRecord[] = [];

  async deliver(record: EscalationRecord): Promise<void> {
    this.records.push(record);
  }
}

/** Hands each escalation to every sink; one failing sink does not stop the others. */
export class FanOutSink implements EscalationSink {
  readonly name: string;

  constructor(private readonly sinks: EscalationSink[]) {
    this.name = sinks.map((s) => s.name).join('+') || 'none';
  }

  async deliver(record: EscalationRecord): Promise<void> {
    const results = await Promise.allSettled(this.sinks.map((s) => s.deliver(record)));
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`${this.sinks[i].name}: ${(r.reason as Error)?.message ?? r.reason}`] : []));
    if (failed.length > 0) throw new Error(`escalation ${record.id} was not delivered to ${failed.join('; ')}`);
  }
}
