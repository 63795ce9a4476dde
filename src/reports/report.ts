/**
 * The report's figures, computed from events alone (events in, report out): what `report`
 * prints, and, as is, its `--json` document.
 */
import type { BotEvent } from '../events/eventLog';
import { splitConversations, type ReportConversation } from './conversations';
import { groupUnanswered, SIMILARITY_THRESHOLD, type UnansweredGroup } from './unansweredGroups';
import type { ReportWindow } from './window';

export const DEFLECTION_DEFINITION =
  'resolved / (resolved + escalated), over conversations started in the window that ended resolved by the bot or escalated to a person; open and unmatched conversations are not counted';
export const TURNS_DEFINITION =
  "messages the employee sent in a resolved conversation, from its first message up to and including the one that resolved it; the median over the window's resolved conversations";
export const GROUPING_DEFINITION =
  'unmatched messages as TF-IDF vectors of their Porter-stemmed words (stop words and chat filler left out); each message, oldest first, joins the group whose centroid has the highest cosine similarity to it if that is at least the threshold, otherwise starts a new group';

/** Groups of unanswered messages shown. */
export const TOP_GROUPS = 10;
/** TF-IDF grouping takes time quadratic in the number of messages: beyond this, the newest are grouped. */
export const MAX_GROUPED_MESSAGES = 2000;

export interface CountByReason {
  reason: string;
  count: number;
}

export interface CountByEntry {
  /** null: escalations of conversations where nothing matched (the employee asked for a person). */
  entryId: string | null;
  count: number;
}

export interface EntryFigures {
  entryId: string;
  /** Conversations started in the window that followed this entry (the last entry they named). */
  conversations: number;
  resolved: number;
  escalated: number;
  open: number;
}

export interface Report {
  window: { since: string; until: string; label: string };
  conversations: {
    /** Conversations started in the window. */
    started: number;
    resolved: number;
    escalated: number;
    /** Ended on a message nothing matched. */
    unmatched: number;
    /** Still following an entry, or abandoned halfway. */
    open: number;
  };
  deflection: {
    /** resolved / (resolved + escalated), 0…1; null when no conversation ended either way. */
    rate: number | null;
    resolved: number;
    escalated: number;
    definition: string;
  };
  turnsToResolution: {
    /** null when nothing was resolved. */
    median: number | null;
    resolvedConversations: number;
    definition: string;
  };
  escalations: {
    total: number;
    /** Most frequent first. */
    byReason: CountByReason[];
    /** Most frequent first. */
    byEntry: CountByEntry[];
  };
  /** Every entry conversations followed, most conversations first. */
  entries: EntryFigures[];
  unanswered: {
    /** Unmatched messages in conversations started in the window. */
    messages: number;
    /** How many of them were grouped (the newest MAX_GROUPED_MESSAGES). */
    grouped: number;
    /** Grouped messages without a meaningful word ("hi", "thanks"): not in any group. */
    withoutWords: number;
    /** Groups found (only the TOP_GROUPS biggest are listed). */
    groupCount: number;
    similarityThreshold: number;
    definition: string;
    groups: UnansweredGroup[];
  };
}

export interface ReportOptions {
  /** Default TOP_GROUPS. */
  topGroups?: number;
  /** Default SIMILARITY_THRESHOLD. */
  similarityThreshold?: number;
  /** Default MAX_GROUPED_MESSAGES. */
  maxGroupedMessages?: number;
}

/** Computes every figure from the window's events (any order; events outside the window are ignored). */
export function buildReport(events: readonly BotEvent[], window: ReportWindow, options: ReportOptions = {}): Report {
  const threshold = options.similarityThreshold ?? SIMILARITY_THRESHOLD;
  const inWindow = events.filter((e) => {
    const at = Date.parse(e.at);
    return at >= window.since.getTime() && at < window.until.getTime();
  });
  const conversations = splitConversations(inWindow);
  const count = (outcome: ReportConversation['outcome']) => conversations.filter((c) => c.outcome === outcome).length;
  const resolved = conversations.filter((c) => c.outcome === 'resolved');
  const escalated = count('escalated');

  const escalations = conversations.flatMap((c) => c.events.filter((e) => e.type === 'escalated'));
  const unmatched = conversations.flatMap((c) => c.events.filter((e) => e.type === 'unmatched' && e.text !== undefined));
  unmatched.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const toGroup = unmatched.slice(-(options.maxGroupedMessages ?? MAX_GROUPED_MESSAGES)).map((e) => ({ text: e.text!, at: e.at }));
  const grouping = groupUnanswered(toGroup, threshold);

  return {
    window: { since: window.since.toISOString(), until: window.until.toISOString(), label: window.label },
    conversations: { started: conversations.length, resolved: resolved.length, escalated, unmatched: count('unmatched'), open: count('open') },
    deflection: {
      rate: resolved.length + escalated > 0 ? resolved.length / (resolved.length + escalated) : null,
      resolved: resolved.length,
      escalated,
      definition: DEFLECTION_DEFINITION,
    },
    turnsToResolution: { median: median(resolved.map(turnsToResolution)), resolvedConversations: resolved.length, definition: TURNS_DEFINITION },
    escalations: {
      total: escalations.length,
      byReason: tally(escalations.map((e) => e.reason ?? 'unknown')).map(([reason, n]) => ({ reason, count: n })),
      byEntry: tally(escalations.map((e) => e.entryId)).map(([entryId, n]) => ({ entryId, count: n })),
    },
    entries: entryFigures(conversations),
    unanswered: {
      messages: unmatched.length,
      grouped: toGroup.length,
      withoutWords: grouping.withoutWords,
      groupCount: grouping.groups.length,
      similarityThreshold: threshold,
      definition: GROUPING_DEFINITION,
      groups: grouping.groups.slice(0, options.topGroups ?? TOP_GROUPS),
    },
  };
}

/** Messages up to and including the one that resolved it (a conversation ends there). */
function turnsToResolution(conversation: ReportConversation): number {
  return conversation.events.findIndex((e) => e.type === 'resolved') + 1;
}

/** The middle value; the mean of the two middle ones for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Counts of each value, most frequent first, ties in a fixed order (nulls last). */
function tally<T extends string | null>(values: readonly T[]): Array<[T, number]> {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0]));
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function entryFigures(conversations: readonly ReportConversation[]): EntryFigures[] {
  const byEntry = new Map<string, EntryFigures>();
  for (const c of conversations) {
    if (c.entryId === null) continue;
    let figures = byEntry.get(c.entryId);
    if (!figures) byEntry.set(c.entryId, (figures = { entryId: c.entryId, conversations: 0, resolved: 0, escalated: 0, open: 0 }));
    figures.conversations++;
    if (c.outcome === 'resolved' || c.outcome === 'escalated' || c.outcome === 'open') figures[c.outcome]++;
  }
  return [...byEntry.values()].sort((a, b) => b.conversations - a.conversations || compareKeys(a.entryId, b.entryId));
}
