/** The report as a readable terminal page: aligned figures and tables, no colour. */
import type { Report } from './report';

/** Unanswered messages are cut to this many characters on screen (the JSON and CSV keep them whole). */
const SHOWN_TEXT_CHARS = 100;

/** The page, or one line saying there is nothing to report. */
export function renderText(report: Report): string {
  const w = report.window;
  if (report.conversations.started === 0) return `No conversations started ${describeWindow(report)} (${formatTime(w.since)} to ${formatTime(w.until)} UTC).`;
  const c = report.conversations;
  const d = report.deflection;
  const t = report.turnsToResolution;
  const lines: string[] = [`Helpdesk report, ${describeWindow(report)}: ${formatTime(w.since)} to ${formatTime(w.until)} UTC`, ''];

  lines.push(
    ...table([
      ['Conversations started', String(c.started), ''],
      ['  resolved by the bot', String(c.resolved), ''],
      ['  escalated to a person', String(c.escalated), ''],
      ['  ended unmatched', String(c.unmatched), 'last message matched no entry'],
      ['  open or abandoned', String(c.open), ''],
      ['Deflection', d.rate === null ? 'n/a' : `${Math.round(d.rate * 100)}%`, `${d.resolved} resolved of ${d.resolved + d.escalated} that ended resolved or escalated`],
      ['Median turns to resolution', t.median === null ? 'n/a' : formatNumber(t.median), `messages, over ${t.resolvedConversations} resolved conversation${plural(t.resolvedConversations)}`],
    ], [false, true, false]),
  );

  const e = report.escalations;
  if (e.total > 0) {
    lines.push('', `Escalations by reason (${e.total})`);
    lines.push(...indent(table(e.byReason.map((r) => [r.reason, String(r.count)]), [false, true])));
    lines.push('', 'Escalations by entry');
    lines.push(...indent(table(e.byEntry.map((r) => [r.entryId ?? '(nothing matched)', String(r.count)]), [false, true])));
  }

  if (report.entries.length > 0) {
    lines.push('', 'Entries followed');
    const rows = report.entries.map((r) => [r.entryId, String(r.conversations), String(r.resolved), String(r.escalated), String(r.open)]);
    lines.push(...indent(table([['entry', 'conversations', 'resolved', 'escalated', 'open'], ...rows], [false, true, true, true, true])));
  }

  const u = report.unanswered;
  if (u.messages > 0) {
    lines.push('', `Unanswered messages (${u.messages}), grouped by similar wording (TF-IDF cosine ≥ ${u.similarityThreshold})`);
    if (u.grouped < u.messages) lines.push(`  only the newest ${u.grouped} are grouped`);
    if (u.withoutWords > 0) lines.push(`  ${u.withoutWords} without a meaningful word ("hi", "thanks") left out`);
    if (u.groups.length < u.groupCount) lines.push(`  the ${u.groups.length} biggest of ${u.groupCount} groups:`);
    const rankWidth = String(u.groups.length).length;
    u.groups.forEach((g, i) => {
      const head = `  ${String(i + 1).padStart(rankWidth)}. ${String(g.count).padStart(3)}×  `;
      lines.push(`${head}${quote(g.representative)}`);
      g.examples.forEach((example, j) => lines.push(`${' '.repeat(head.length - 6)}${j === 0 ? 'also: ' : '      '}${quote(example)}`));
    });
  }
  return lines.join('\n');
}

function describeWindow(report: Report): string {
  const label = report.window.label;
  return /^\d+[mhdw]$/.test(label) ? `in the last ${label}` : `since ${label}`;
}

/** Columns padded to their widest cell; `right` marks the columns aligned right (numbers). */
function table(rows: string[][], right: boolean[]): string[] {
  const widths = right.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  return rows.map((row) =>
    row
      .map((cell, col) => (right[col] ? cell.padStart(widths[col]) : cell.padEnd(widths[col])))
      .join('  ')
      .trimEnd(),
  );
}

function indent(lines: string[]): string[] {
  return lines.map((l) => `  ${l}`);
}

/**
 * Employees' words on one line, cut to SHOWN_TEXT_CHARS. Control characters go: a message must
 * not move the cursor or recolour the lead's terminal.
 */
function quote(text: string): string {
  const flat = text.replace(/[\p{Cc}\s]+/gu, ' ').trim();
  return `"${flat.length <= SHOWN_TEXT_CHARS ? flat : `${flat.slice(0, SHOWN_TEXT_CHARS - 1)}…`}"`;
}

function formatTime(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}
