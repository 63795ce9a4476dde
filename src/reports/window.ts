/** The time a report covers: from `--since` (a duration back from now, or an ISO date) up to now. */

export interface ReportWindow {
  since: Date;
  until: Date;
  /** `--since` as given (`7d`, `2025-05-01`), for headings. */
  label: string;
}

export const DEFAULT_SINCE = '7d';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
const DURATION = /^(\d+)([mhdw])$/;
// A date, optionally with a time and a zone; a time without a zone is read as UTC, like the report's output.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export type WindowResult = { ok: true; window: ReportWindow } | { ok: false; message: string };

/** Reads `--since`: `30m`, `12h`, `7d`, `2w`, or an ISO date (`2025-05-01`, `2025-05-01T09:00:00Z`). */
export function parseSince(text: string, now: Date): WindowResult {
  const given = text.trim();
  const duration = DURATION.exec(given);
  if (duration) {
    const ms = Number(duration[1]) * UNIT_MS[duration[2]];
    if (ms === 0) return { ok: false, message: `--since ${given} is an empty window; give a positive duration such as 30m or 7d` };
    const since = new Date(now.getTime() - ms);
    if (Number.isNaN(since.getTime())) return { ok: false, message: `--since ${given} reaches too far back; give a duration such as 90d or a date` };
    return { ok: true, window: { since, until: now, label: given } };
  }
  const date = ISO_DATE.exec(given);
  if (date) {
    const [, year, month, day, hour, , , zone] = date;
    const iso = given.replace(' ', 'T');
    const since = new Date(hour === undefined ? `${iso}T00:00:00Z` : zone ? iso : `${iso}Z`);
    // Date parsing rolls 2025-02-30 over to March; a day that does not exist is a typo.
    const day0 = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    const dayExists = day0.getUTCMonth() === Number(month) - 1 && day0.getUTCDate() === Number(day);
    if (!dayExists || Number.isNaN(since.getTime())) return { ok: false, message: `--since ${given} is not a valid date` };
    if (since.getTime() >= now.getTime()) return { ok: false, message: `--since ${given} is not in the past (it is now ${now.toISOString()})` };
    return { ok: true, window: { since, until: now, label: given } };
  }
  return {
    ok: false,
    message: `--since "${given}" is neither a duration (30m, 12h, 7d, 2w: minutes, hours, days, weeks) nor an ISO date (2025-05-01 or 2025-05-01T09:00:00Z)`,
  };
}
