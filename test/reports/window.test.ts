/** `--since`: a duration back from now, or an ISO date; anything else is a usage error. */
import { parseSince } from '../../src/reports/window';

const NOW = new Date('2025-05-08T09:00:00.000Z');
const since = (text: string) => {
  const r = parseSince(text, NOW);
  return r.ok ? r.window.since.toISOString() : `error: ${r.message}`;
};

test('durations in minutes, hours, days and weeks count back from now', () => {
  expect(since('30m')).toBe('2025-05-08T08:30:00.000Z');
  expect(since('12h')).toBe('2025-05-07T21:00:00.000Z');
  expect(since('7d')).toBe('2025-05-01T09:00:00.000Z');
  expect(since('2w')).toBe('2025-04-24T09:00:00.000Z');
  expect(parseSince('7d', NOW)).toEqual({ ok: true, window: { since: new Date('2025-05-01T09:00:00.000Z'), until: NOW, label: '7d' } });
});

test('ISO dates are UTC unless they carry a zone', () => {
  expect(since('2025-05-01')).toBe('2025-05-01T00:00:00.000Z');
  expect(since('2025-05-01T09:30')).toBe('2025-05-01T09:30:00.000Z');
  expect(since('2025-05-01T09:30:15Z')).toBe('2025-05-01T09:30:15.000Z');
  expect(since('2025-05-01T09:30:00+02:00')).toBe('2025-05-01T07:30:00.000Z');
});

test('anything else is refused with a message that shows what is accepted', () => {
  expect(since('7')).toMatch(/neither a duration \(30m, 12h, 7d, 2w.*nor an ISO date/);
  expect(since('last week')).toMatch(/^error: --since "last week" is neither/);
  expect(since('7days')).toMatch(/neither/);
  expect(since('-7d')).toMatch(/neither/);
  expect(since('0d')).toMatch(/empty window/);
  expect(since('2025-02-30')).toMatch(/2025-02-30 is not a valid date/);
  expect(since('2025-05-01T25:00')).toMatch(/not a valid date/);
  expect(since('2025-06-01')).toMatch(/not in the past/);
});
