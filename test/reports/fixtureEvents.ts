/**
 * A week of helpdesk events as the bot records them: conversations that resolve, escalate, stay
 * open or match nothing, with realistic unmatched messages (a jamming printer in three wordings,
 * a dropping VPN in two, a password reset), plus a conversation begun before the window.
 */
import type { BotEvent } from '../../src/events/eventLog';
import type { ReportWindow } from '../../src/reports/window';

export const FALSE_ERROR = 'kb5057589-winre-false-error';
export const REAL_FAILURE = 'kb5034441-winre-partition-too-small';

export const NOW = new Date('2025-05-08T09:00:00.000Z');
export const WEEK: ReportWindow = { since: new Date('2025-05-01T09:00:00.000Z'), until: NOW, label: '7d' };

type Step = Pick<BotEvent, 'type'> & Partial<BotEvent>;

/** One conversation's events, a minute apart from `start`; the first one starts it. */
export function conversation(hash: string, start: string, steps: Step[], channel = 'slack'): BotEvent[] {
  return steps.map((step, i) => ({
    conversation: hash,
    entryId: null,
    channel,
    at: new Date(Date.parse(start) + i * 60_000).toISOString(),
    started: i === 0,
    ...step,
  }));
}

const matched = (entryId: string): Step => ({ type: 'matched', entryId });
const unmatched = (text: string): Step => ({ type: 'unmatched', text });

export const PRINTER = ['printer on floor 3 jams every morning', 'The 3rd floor printer keeps jamming with paper', 'paper jam in the printer on the third floor again'];
export const VPN = ['VPN keeps disconnecting every few minutes', 'my vpn disconnects when I work from home'];
export const PASSWORD = 'how do I reset my password?';

/** Listed out of order on purpose: the report must not rely on the store's ordering. */
export function weekOfEvents(): BotEvent[] {
  return [
    // Began before the window: none of its events count.
    ...conversation('old0000000000001', '2025-05-01T08:58:00.000Z', [matched(FALSE_ERROR), matched(FALSE_ERROR), { type: 'resolved', entryId: FALSE_ERROR }]),
    ...conversation('a000000000000001', '2025-05-02T10:00:00.000Z', [matched(FALSE_ERROR), matched(FALSE_ERROR), { type: 'resolved', entryId: FALSE_ERROR }]),
    ...conversation('b000000000000002', '2025-05-02T11:00:00.000Z', [matched(FALSE_ERROR), { type: 'resolved', entryId: FALSE_ERROR }], 'teams'),
    ...conversation('c000000000000003', '2025-05-03T09:30:00.000Z', [matched(REAL_FAILURE), matched(REAL_FAILURE), matched(REAL_FAILURE), { type: 'resolved', entryId: REAL_FAILURE }]),
    ...conversation('d000000000000004', '2025-05-03T14:00:00.000Z', [matched(REAL_FAILURE), { type: 'escalated', entryId: REAL_FAILURE, reason: 'recovery_partition_too_small' }]),
    // Nothing matched, then the employee asked for a person: one conversation.
    ...conversation('e000000000000005', '2025-05-04T08:00:00.000Z', [unmatched(PRINTER[0]), { type: 'escalated', reason: 'asked_for_person' }]),
    ...conversation('f000000000000006', '2025-05-05T08:10:00.000Z', [unmatched(PRINTER[1])], 'teams'),
    ...conversation('g000000000000007', '2025-05-06T08:05:00.000Z', [unmatched(PRINTER[2])]),
    ...conversation('h000000000000008', '2025-05-04T17:00:00.000Z', [unmatched(VPN[0])]),
    ...conversation('i000000000000009', '2025-05-07T18:30:00.000Z', [unmatched(VPN[1])]),
    ...conversation('j000000000000010', '2025-05-05T12:00:00.000Z', [unmatched(PASSWORD)]),
    ...conversation('k000000000000011', '2025-05-06T15:00:00.000Z', [matched(FALSE_ERROR), matched(FALSE_ERROR)]),
    // The thread of the first resolved conversation again, later: a new conversation of its own.
    ...conversation('a000000000000001', '2025-05-07T10:00:00.000Z', [unmatched('hi')]),
    ...conversation('n000000000000013', '2025-05-07T11:00:00.000Z', [matched(FALSE_ERROR), { type: 'escalated', entryId: FALSE_ERROR, reason: 'asked_for_person' }]),
  ].reverse();
}
