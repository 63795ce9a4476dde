/**
 * Spike alerts: when one entry, or one group of similar unanswered messages, starts more than a
 * threshold of conversations within an hour (the Patch Tuesday pattern), support hears about it
 * once per clock hour. Counts come from the shared event log and the once-per-hour claim from the
 * store, so several replicas raise one alert between them.
 */
import type { ConversationStore } from '../conversation/store';
import type { SupportNotice } from '../escalation/sink';
import type { BotEvent, EventLog } from '../events/eventLog';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { silentLogger, type Logger } from '../logger';
import { groupUnanswered } from '../reports/unansweredGroups';

const HOUR_MS = 60 * 60 * 1000;
/**
 * Grouping runs in the server's event loop and its cost grows faster than the message count
 * (about 140 ms for 300 messages here): the newest ones are enough to see a spike.
 */
const MAX_GROUPED = 300;

export interface SpikeWatcherOptions {
  events: EventLog;
  store: ConversationStore;
  knowledge: () => KnowledgeBase;
  /** Posts the notice to the support channels. */
  notify: (notice: SupportNotice) => Promise<void>;
  /** SPIKE_ALERT_THRESHOLD: more conversations than this in the last hour raise an alert. */
  threshold: number;
  /** How often the last hour is counted. Default: one minute. */
  checkEveryMs?: number;
  now?: () => number;
  logger?: Logger;
}

export interface Spike {
  /** `entry` or `unanswered`. */
  kind: 'entry' | 'unanswered';
  /** The entry id, or the group's representative message. */
  subject: string;
  conversations: number;
  notice: SupportNotice;
}

export class SpikeWatcher {
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<unknown> | undefined;
  private readonly now: () => number;
  private readonly logger: Logger;

  constructor(private readonly options: SpikeWatcherOptions) {
    this.now = options.now ?? Date.now;
    this.logger = options.logger ?? silentLogger;
  }

  start(): void {
    this.timer = setInterval(() => {
      this.checking ??= this.check()
        .catch((err: Error) => this.logger.warn({ err: err.message }, 'spike check failed'))
        .finally(() => (this.checking = undefined));
    }, this.options.checkEveryMs ?? 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
  }

  /** Counts the last hour and posts a notice for each spike not yet announced this hour. */
  async check(): Promise<Spike[]> {
    const now = this.now();
    const events = await this.options.events.query({ since: new Date(now - HOUR_MS) });
    const hour = Math.floor(now / HOUR_MS);
    const announced: Spike[] = [];
    for (const spike of findSpikes(events, this.options.threshold, this.options.knowledge())) {
      // Claimed for the rest of this clock hour, by whichever replica gets there first.
      const key = `spike:${spike.kind}:${spike.subject}:${hour}`;
      if (!(await this.options.store.claimDelivery(key, HOUR_MS))) continue;
      try {
        await this.options.notify(spike.notice);
        announced.push(spike);
        this.logger.warn({ kind: spike.kind, subject: spike.subject, conversations: spike.conversations }, 'spike alert sent');
      } catch (err) {
        this.logger.error({ kind: spike.kind, subject: spike.subject, err: (err as Error).message }, 'spike alert could not be posted');
      }
    }
    return announced;
  }
}

/** Entries and unanswered groups with more than `threshold` conversations among `events`. */
export function findSpikes(events: readonly BotEvent[], threshold: number, knowledge: KnowledgeBase): Spike[] {
  const byEntry = new Map<string, Set<string>>();
  // A conversation hash is reused after a conversation ends; its start time tells two apart.
  // Events come oldest first, so one pass knows each conversation's current start.
  const startOf = new Map<string, string>();
  for (const e of events) {
    if (e.started || !startOf.has(e.conversation)) startOf.set(e.conversation, e.at);
    if (e.entryId === null || e.type === 'unmatched') continue;
    let conversations = byEntry.get(e.entryId);
    if (!conversations) byEntry.set(e.entryId, (conversations = new Set()));
    conversations.add(`${e.conversation}@${startOf.get(e.conversation)}`);
  }
  const spikes: Spike[] = [];
  for (const [entryId, conversations] of byEntry) {
    if (conversations.size <= threshold) continue;
    const title = knowledge.get(entryId)?.title ?? entryId;
    spikes.push({
      kind: 'entry',
      subject: entryId,
      conversations: conversations.size,
      notice: {
        title: `Spike: ${conversations.size} conversations in the last hour about ${title}`,
        text: `More than ${threshold} employees asked about this in the last hour (entry \`${entryId}\`). If an update is going wrong across the fleet, a broadcast may save everyone time.`,
      },
    });
  }
  const unmatched = events.filter((e) => e.type === 'unmatched' && e.text).map((e) => ({ text: e.text!, at: e.at }));
  // No group can pass the threshold when all unmatched messages together do not.
  const groups = unmatched.length > threshold ? groupUnanswered(unmatched.slice(-MAX_GROUPED)).groups : [];
  for (const group of groups) {
    if (group.count <= threshold) continue;
    spikes.push({
      kind: 'unanswered',
      subject: group.representative.slice(0, 120),
      conversations: group.count,
      notice: {
        title: `Spike: ${group.count} unanswered messages in the last hour like "${group.representative.slice(0, 80)}"`,
        text: `The bot has no entry for these. Other wordings: ${group.examples.map((x) => `"${x.slice(0, 80)}"`).join(', ') || 'none'}.\n\nA knowledge entry (docs/authoring.md) or a broadcast may help.`,
      },
    });
  }
  return spikes;
}
