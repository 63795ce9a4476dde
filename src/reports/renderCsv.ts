/**
 * The report as CSV (RFC 4180 quoting, one header row): every section in one table, told apart
 * by the `section` column, so it opens in a spreadsheet as is. docs/reports.md lists which
 * columns each section fills.
 */
import type { Report } from './report';

export const CSV_COLUMNS = ['section', 'key', 'value', 'resolved', 'escalated', 'open', 'text', 'examples'] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

/** Header and rows, each line ending in a newline. */
export function renderCsv(report: Report): string {
  const c = report.conversations;
  const rows: Row[] = [
    { section: 'summary', key: 'since', value: report.window.since },
    { section: 'summary', key: 'until', value: report.window.until },
    { section: 'summary', key: 'conversations', value: c.started },
    { section: 'summary', key: 'resolved', value: c.resolved },
    { section: 'summary', key: 'escalated', value: c.escalated },
    { section: 'summary', key: 'unmatched', value: c.unmatched },
    { section: 'summary', key: 'open', value: c.open },
    { section: 'summary', key: 'deflection', value: report.deflection.rate === null ? null : round(report.deflection.rate), text: report.deflection.definition },
    { section: 'summary', key: 'median_turns_to_resolution', value: report.turnsToResolution.median, text: report.turnsToResolution.definition },
    { section: 'summary', key: 'unanswered_messages', value: report.unanswered.messages },
    { section: 'summary', key: 'unanswered_groups', value: report.unanswered.groupCount, text: report.unanswered.definition },
    ...report.escalations.byReason.map((r) => ({ section: 'escalation_reason', key: r.reason, value: r.count })),
    ...report.escalations.byEntry.map((r) => ({ section: 'escalation_entry', key: r.entryId, value: r.count })),
    ...report.entries.map((r) => ({ section: 'entry', key: r.entryId, value: r.conversations, resolved: r.resolved, escalated: r.escalated, open: r.open })),
    ...report.unanswered.groups.map((g, i) => ({ section: 'unanswered', key: i + 1, value: g.count, text: g.representative, examples: g.examples.join(' | ') })),
  ];
  return [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((col) => cell(row[col])).join(','))].map((line) => `${line}\n`).join('');
}

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  // Employees' words end up here: a spreadsheet must not run "=HYPERLINK(…)" as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
