/** The report as a terminal page and as CSV. */
import { buildReport } from '../../src/reports/report';
import { CSV_COLUMNS, renderCsv } from '../../src/reports/renderCsv';
import { renderText } from '../../src/reports/renderText';
import { conversation, WEEK, weekOfEvents } from './fixtureEvents';

const report = buildReport(weekOfEvents(), WEEK);

describe('renderText', () => {
  it('shows the figures, the escalations, the entries and the unanswered groups', () => {
    const page = renderText(report);
    expect(page).toContain('Helpdesk report, in the last 7d: 2025-05-01 09:00 to 2025-05-08 09:00 UTC');
    expect(page).toMatch(/^Conversations started\s+13$/m);
    expect(page).toMatch(/^Deflection\s+50%\s+3 resolved of 6 that ended resolved or escalated$/m);
    expect(page).toMatch(/^Median turns to resolution\s+3\s+messages, over 3 resolved conversations$/m);
    expect(page).toMatch(/^ {2}asked_for_person\s+2$/m);
    expect(page).toMatch(/^ {2}\(nothing matched\)\s+1$/m);
    expect(page).toMatch(/^ {2}kb5057589-winre-false-error\s+4\s+2\s+1\s+1$/m);
    expect(page).toContain('Unanswered messages (7), grouped by similar wording (TF-IDF cosine ≥ 0.3)');
    expect(page).toContain('  1 without a meaningful word ("hi", "thanks") left out');
    expect(page).toMatch(/^ {2}1\. {3}3× {2}"[^"]*printer[^"]*"$/im);
    expect(page).toMatch(/^ {5}also: "[^"]*(printer|jam)[^"]*"$/im);
  });

  it('says when only part of the unanswered messages is grouped or listed', () => {
    const events = ['printer jams', 'vpn drops', 'outlook crashes', 'teams camera is black'].flatMap((text, i) =>
      conversation(`m00000000000000${i}`, `2025-05-0${i + 2}T10:00:00.000Z`, [{ type: 'unmatched', text }]),
    );
    const page = renderText(buildReport(events, WEEK, { maxGroupedMessages: 3, topGroups: 2 }));
    expect(page).toContain('Unanswered messages (4), grouped by similar wording');
    expect(page).toContain('  only the newest 3 are grouped\n  the 2 biggest of 3 groups:\n  1.   1×  "teams camera is black"');
  });

  it('says so in one line when no conversation started in the window', () => {
    expect(renderText(buildReport([], WEEK))).toBe('No conversations started in the last 7d (2025-05-01 09:00 to 2025-05-08 09:00 UTC).');
    expect(renderText(buildReport([], { ...WEEK, label: '2025-05-01T09:00' }))).toMatch(/^No conversations started since 2025-05-01T09:00 \(/);
  });

  it("keeps an employee's control characters and line breaks off the terminal, and cuts long messages", () => {
    const text = `printer \u001b[31mred\u001b[0m\nsecond line ${'x'.repeat(200)}`;
    const page = renderText(buildReport(conversation('p000000000000001', '2025-05-02T10:00:00.000Z', [{ type: 'unmatched', text }]), WEEK));
    const line = page.split('\n').find((l) => l.includes('printer'))!;
    expect(line).not.toMatch(/\p{Cc}/u);
    expect(line).toContain('"printer [31mred [0m second line xxx');
    expect(line).toMatch(/x…"$/);
  });
});

describe('renderCsv', () => {
  /** Splits RFC 4180 CSV, quoted fields included. */
  function parseCsv(csv: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < csv.length; i++) {
      const ch = csv[i];
      if (quoted) {
        if (ch === '"' && csv[i + 1] === '"') (field += '"'), i++;
        else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') row.push(field), (field = '');
      else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
      else field += ch;
    }
    return rows;
  }

  it('writes one table with a section column, every row as wide as the header', () => {
    const rows = parseCsv(renderCsv(report));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
    const get = (section: string, key: string) => rows.find((r) => r[0] === section && r[1] === key);
    expect(get('summary', 'conversations')?.[2]).toBe('13');
    expect(get('summary', 'deflection')?.slice(2, 3)).toEqual(['0.5']);
    expect(get('summary', 'deflection')?.[6]).toMatch(/^resolved \/ \(resolved \+ escalated\)/);
    expect(get('escalation_reason', 'asked_for_person')?.[2]).toBe('2');
    expect(get('escalation_entry', '')?.[2]).toBe('1');
    expect(get('entry', 'kb5057589-winre-false-error')?.slice(2, 6)).toEqual(['4', '2', '1', '1']);
    const printer = get('unanswered', '1')!;
    expect(printer[2]).toBe('3');
    expect(printer[6]).toMatch(/printer/i);
    expect(printer[7].split(' | ')).toHaveLength(2);
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(['summary', 'escalation_reason', 'escalation_entry', 'entry', 'unanswered']));
  });

  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    const events = [
      ...conversation('q000000000000001', '2025-05-02T10:00:00.000Z', [{ type: 'unmatched', text: '=HYPERLINK("http://x","printer, \nbroken")' }]),
    ];
    const csv = renderCsv(buildReport(events, WEEK));
    expect(csv).toContain('"\'=HYPERLINK(""http://x"",""printer, \nbroken"")"');
    const row = parseCsv(csv).find((r) => r[0] === 'unanswered')!;
    expect(row[6]).toBe('\'=HYPERLINK("http://x","printer, \nbroken")');
  });
});
