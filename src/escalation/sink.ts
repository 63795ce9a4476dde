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
