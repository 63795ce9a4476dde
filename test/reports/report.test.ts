/** The report's figures, computed from fixture events alone. */
import { buildReport, DEFLECTION_DEFINITION, median } from '../../src/reports/report';
import { conversation, FALSE_ERROR, PASSWORD, PRINTER, REAL_FAILURE, VPN, WEEK, weekOfEvents } from './fixtureEvents';

describe('buildReport', () => {
  const report = buildReport(weekOfEvents(), WEEK);

  it('counts the conversations started in the window by how they ended', () => {
    expect(report.window).toEqual({ since: '2025-05-01T09:00:00.000Z', until: '2025-05-08T09:00:00.000Z', label: '7d' });
    expect(report.conversations).toEqual({ started: 13, resolved: 3, escalated: 3, unmatched: 6, open: 1 });
  });

  it('defines deflection as resolved over resolved plus escalated, and says so', () => {
    expect(report.deflection).toEqual({ rate: 0.5, resolved: 3, escalated: 3, definition: DEFLECTION_DEFINITION });
    expect(report.deflection.definition).toMatch(/^resolved \/ \(resolved \+ escalated\)/);
  });

  it('takes the median of the messages each resolved conversation needed', () => {
    // 3, 2 and 4 messages; the conversation begun before the window (3) is not among them.
    expect(report.turnsToResolution).toMatchObject({ median: 3, resolvedConversations: 3 });
  });

  it('counts escalations by reason and by entry, most frequent first', () => {
    expect(report.escalations).toEqual({
      total: 3,
      byReason: [
        { reason: 'asked_for_person', count: 2 },
        { reason: 'recovery_partition_too_small', count: 1 },
      ],
      byEntry: [
        { entryId: REAL_FAILURE, count: 1 },
        { entryId: FALSE_ERROR, count: 1 },
        { entryId: null, count: 1 },
      ],
    });
  });

  it('gives each entry its conversations and how they ended', () => {
    expect(report.entries).toEqual([
      { entryId: FALSE_ERROR, conversations: 4, resolved: 2, escalated: 1, open: 1 },
      { entryId: REAL_FAILURE, conversations: 2, resolved: 1, escalated: 1, open: 0 },
    ]);
  });

  it('groups the unanswered messages by wording, biggest group first', () => {
    const u = report.unanswered;
    expect(u).toMatchObject({ messages: 7, grouped: 7, withoutWords: 1, groupCount: 3, similarityThreshold: 0.3 });
    expect(u.groups.map((g) => g.count)).toEqual([3, 2, 1]);
    expect([u.groups[0].representative, ...u.groups[0].examples].sort()).toEqual([...PRINTER].sort());
    expect([u.groups[1].representative, ...u.groups[1].examples].sort()).toEqual([...VPN].sort());
    expect(u.groups[2]).toEqual({ count: 1, representative: PASSWORD, examples: [], firstAt: '2025-05-05T12:00:00.000Z', lastAt: '2025-05-05T12:00:00.000Z' });
    expect(u.groups[0]).toMatchObject({ firstAt: '2025-05-04T08:00:00.000Z', lastAt: '2025-05-06T08:05:00.000Z' });
  });

  it('is empty, not undefined, for a window without conversations', () => {
    const empty = buildReport([], WEEK);
    expect(empty.conversations.started).toBe(0);
    expect(empty.deflection.rate).toBeNull();
    expect(empty.turnsToResolution.median).toBeNull();
    expect(empty.unanswered.groups).toEqual([]);
  });

  it('ignores events outside the window, and conversations whose first message is before it', () => {
    const late = conversation('z000000000000099', '2025-05-08T09:00:00.000Z', [{ type: 'matched', entryId: FALSE_ERROR }]);
    const straddling = conversation('y000000000000098', '2025-05-01T08:59:00.000Z', [{ type: 'unmatched', text: 'printer jams' }, { type: 'escalated', reason: 'asked_for_person' }]);
    const r = buildReport([...late, ...straddling], WEEK);
    expect(r.conversations.started).toBe(0);
    expect(r.escalations.total).toBe(0);
  });

  it('groups only the newest messages beyond the limit, and lists only the biggest groups', () => {
    const events = ['printer jams', 'vpn drops', 'outlook crashes', 'teams camera is black'].flatMap((text, i) =>
      conversation(`m00000000000000${i}`, `2025-05-0${i + 2}T10:00:00.000Z`, [{ type: 'unmatched', text }]),
    );
    const r = buildReport(events, WEEK, { maxGroupedMessages: 3, topGroups: 2 });
    expect(r.unanswered).toMatchObject({ messages: 4, grouped: 3, groupCount: 3 });
    expect(r.unanswered.groups.map((g) => g.representative)).toEqual(['teams camera is black', 'outlook crashes']);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([4])).toBe(4);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 2, 6])).toBe(3);
  });
});
