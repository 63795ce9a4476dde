/** Events read back as conversations: from a `started` event up to the next one of that hash. */
import { splitConversations } from '../../src/reports/conversations';
import { conversation, FALSE_ERROR } from './fixtureEvents';

test('one thread can hold several conversations, each with its own outcome and entry', () => {
  const events = [
    ...conversation('t000000000000001', '2025-05-02T10:00:00.000Z', [{ type: 'unmatched', text: 'printer jams' }]),
    ...conversation('t000000000000001', '2025-05-02T10:05:00.000Z', [
      { type: 'matched', entryId: null },
      { type: 'matched', entryId: FALSE_ERROR },
      { type: 'resolved', entryId: FALSE_ERROR },
    ]),
    ...conversation('t000000000000001', '2025-05-02T11:00:00.000Z', [{ type: 'matched', entryId: FALSE_ERROR }]),
  ];
  expect(splitConversations(events).map((c) => [c.outcome, c.entryId, c.events.length, c.startedAt])).toEqual([
    ['unmatched', null, 1, '2025-05-02T10:00:00.000Z'],
    ['resolved', FALSE_ERROR, 3, '2025-05-02T10:05:00.000Z'],
    ['open', FALSE_ERROR, 1, '2025-05-02T11:00:00.000Z'],
  ]);
});

test('a conversation ends at its resolution or escalation, and events without a start are dropped', () => {
  const [resolved] = conversation('t000000000000002', '2025-05-02T10:00:00.000Z', [{ type: 'resolved', entryId: FALSE_ERROR }]);
  const stray = { ...resolved, type: 'matched' as const, started: false, at: '2025-05-02T10:01:00.000Z' };
  const orphan = { ...stray, conversation: 't000000000000003' };
  const split = splitConversations([resolved, stray, orphan]);
  expect(split).toHaveLength(1);
  expect(split[0]).toMatchObject({ outcome: 'resolved', events: [resolved] });
});
