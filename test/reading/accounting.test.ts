import { compileEntry } from '../../src/knowledge/knowledgeBase';
import { Lexicon, type LexiconFile } from '../../src/knowledge/lexicon';
import type { EntryDefinition } from '../../src/knowledge/schema';
import { accountFor } from '../../src/reading/accounting';
import { shippedKnowledge, FALSE_ERROR } from '../helpers/knowledge';

// A made-up issue and a made-up lexicon: the mechanism must hold for any entry, not only the
// shipped update entries.
const lexiconFile = (language: string, keys: Record<string, string[]>): LexiconFile => ({
  file: `${language}.yaml`,
  language,
  keys,
  at: () => ({ line: 1, column: 1, sourceLine: '' }),
});

const lexicon = new Lexicon([
  lexiconFile('en', {
    trouble: ['broken', 'crash', 'smell', 'jam', 'not working'],
    something_else: ['other', 'too'],
    change_markers: ['since yesterday', 'anymore', 'since the reset', 'is it normal'],
    all_well: ['fine'],
    talk: ['no problem', 'sorry for the trouble'],
    hypothetical: ['will', 'could'],
    denials: ['no', 'never', 'not', 'no one'],
    conditional: ['if', 'in case'],
    known_words: ['again', 'today', 'printer', 'thanks'],
    paper_trouble: ['jam', 'blinking'],
  }),
  lexiconFile('fr', { trouble: ['plante'] }),
]);

const printerJam: EntryDefinition = {
  id: 'p200-paper-jam',
  title: 'Printer P-200 reports a paper jam with code 0x80070643',
  match: { phrases: ['paper jam'], errors: ['0x80070643'] },
  symptom: { lexicon: ['paper_trouble'] },
  questions: { reseated: { type: 'yes_no', ask: 'Have you reseated the tray?', yes_when: ['reseated'] } },
  flow: [{ when: { reseated: 'yes' }, resolve: 'fine' }],
  replies: { fine: 'Fine.' },
};
const entry = compileEntry(printerJam, 'p200.yaml');

const roles = (...turns: string[]) => accountFor(entry, lexicon, turns).clauses.map((c) => [c.text, c.role]);
const heldBack = (...turns: string[]) => accountFor(entry, lexicon, turns).heldBackBy?.text ?? null;

describe('accounting for every clause before an all-clear', () => {
  it("accounts for the issue's own symptom, named or said with nothing but known words", () => {
    expect(roles('paper jam on my P-200', 'the printer is blinking again today')).toEqual([
      ['paper jam on my P-200', 'symptom'],
      ['the printer is blinking again today', 'symptom'],
    ]);
  });

  it('holds the all-clear back for trouble the entry does not account for, in any clause of any turn', () => {
    expect(heldBack('paper jam', 'yes reseated, but the scanner is broken')).toBe('the scanner is broken');
    expect(heldBack('paper jam', 'reseated. Thanks! it smells of burning though')).toBe('it smells of burning though');
  });

  it('holds it back for its own symptom said of something else or beside "too"', () => {
    expect(heldBack('the stapler jams')).toBe('the stapler jams');
    expect(heldBack('the printer jams too')).toBe('the printer jams too');
    expect(accountFor(entry, lexicon, ['the stapler jams']).heldBackBy?.why).toContain('"stapler"');
  });

  it('does not hold it back for denied trouble, worries in questions, or talk that looks like trouble', () => {
    expect(heldBack('paper jam, no crash', 'never had a crash before', 'will it crash?', 'sorry for the trouble', 'no problem')).toBeNull();
    // A question without a modal still reports: "is it normal that it crashed?"
    expect(heldBack('is it normal that it crashed?')).toBe('is it normal that it crashed');
  });

  it('reads a change the employee reports, in words it does not know, as trouble', () => {
    expect(heldBack('the fax beeps nonstop since yesterday')).toBe('the fax beeps nonstop since yesterday');
    expect(heldBack("search doesn't return anything anymore")).toBe("search doesn't return anything anymore");
    expect(heldBack('the fax works fine since yesterday')).toBeNull();
    // An answer put in time is no report: "reseated since yesterday".
    expect(heldBack('reseated since yesterday')).toBeNull();
  });

  it("reads a marker's own words as the marker: the reset in \"since the reset\" is when, the \"normal\" in \"is it normal\" is asked", () => {
    expect(heldBack('reseated', 'since the reset the fax beeps')).toBe('since the reset the fax beeps');
    expect(heldBack('is it normal that the fax beeps')).toBe('is it normal that the fax beeps');
    expect(heldBack('reseated since the reset')).toBeNull();
  });

  it('reads a clause ending in a denial, a condition, and a denial of more than one word as no report', () => {
    expect(heldBack('anything broken: no')).toBeNull();
    expect(heldBack('if it ever does start to crash I come back')).toBeNull();
    expect(heldBack('no one reported a crash')).toBeNull();
    // ("in case" is a phrase: "in" alone conditions nothing.)
    expect(heldBack('the toner smells in the tray')).toBe('the toner smells in the tray');
  });

  it('takes a log line carrying the issue\'s code as one event about the issue', () => {
    expect(heldBack('2025-04-09 10:14:22, Error SPL Jam in unit two [0x80070643]')).toBeNull();
    expect(heldBack('Error SPL Jam in unit two')).toBe('Error SPL Jam in unit two');
  });

  it('matches other languages\' words as written: the English stemmer makes "plants" no "plante"', () => {
    expect(heldBack('love the new office plants')).toBeNull();
    expect(heldBack('Outlook plante')).toBe('Outlook plante');
  });

  it('never holds anything back with an empty lexicon, and says so for every clause', () => {
    const none = accountFor(entry, new Lexicon([]), ['the scanner is broken']);
    expect(none.heldBackBy).toBeNull();
    expect(none.clauses).toEqual([{ turn: 0, text: 'the scanner is broken', role: 'talk', why: 'reports no trouble' }]);
  });
});

describe('accounting with the shipped knowledge (conversations held-out rounds found)', () => {
  const kb = shippedKnowledge();
  const shipped = kb.get(FALSE_ERROR)!;
  const held = (...turns: string[]) => accountFor(shipped, kb.lexicon, turns).heldBackBy?.text ?? null;

  it.each([
    ['400 MB. oh and the Office and cumulative updates have been failing too, if that matters', 'cumulative updates have been failing too'],
    ['KB5057589 failed with 0x80070643, and the 2025-04 .NET Framework update failed with the same code', 'the 2025-04 .NET Framework update failed with the same code'],
    ['a popup saying my computer is infected and to call a support number, is that you guys?', 'a popup saying my computer is infected'],
    ['Windows Security says my virus protection is turned off', 'Windows Security says my virus protection is turned off'],
    ["I can't find the Excel files I saved in Downloads yesterday", "I can't find the Excel files I saved in Downloads yesterday"],
    ['the fan has been roaring nonstop since the update', 'the fan has been roaring nonstop since the update'],
    ['Teams keeps signing me out every hour since then', 'Teams keeps signing me out every hour since then'],
  ])('holds back on %j', (message, clause) => {
    expect(held(message)).toBe(clause);
  });

  it.each([
    ['KB5057589 failed with 0x80070643 on my laptop, sorry for the long message, I am on the train'],
    ['thanks, no worries'],
    ['no other problems, everything else works fine'],
    ['it failed again this morning'],
    ['yes, restarted since the update'],
    ["Hola, perdón por molestar. La actualización KB5057589 da error 0x80070643"],
    ['Danke, sonst keine Probleme'],
  ])('does not hold back on %j', (message) => {
    expect(held(message)).toBeNull();
  });
});
