/** The in-memory event log: chat, replay and tests; capped so a long session stays small. */
import { inRange, type BotEvent, type EventLog, type EventQuery } from './eventLog';

export class MemoryEventLog implements EventLog {
  private readonly events: BotEvent[] = [];

  /** @param cap the newest events kept. Default 10,000. */
  constructor(private readonly cap = 10_000) {}

  async record(event: BotEvent): Promise<void> {
    this.events.push({ ...event });
    if (this.events.length > this.cap) this.events.splice(0, this.events.length - this.cap);
  }

  async query(query: EventQuery = {}): Promise<BotEvent[]> {
    return this.events.filter((e) => inRange(e, query)).map((e) => ({ ...e }));
  }
}
