import { compileEntry, KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { exclusionsFor, matchMessage } from '../../src/matching/matcher';
import { FALSE_ERROR, REAL_FAILURE, UNLISTED, shippedKnowledge } from '../helpers/knowledge';

const kb = shippedKnowledge();
const decide = (text: string) => matchMessage(kb, text).decision;

describe('matching the shipped knowledge', () => {
  it.each([
    'Windows update keeps saying KB5057589 failed with 0x80070643, what do i do?',
    'Getting `0x80070643 – ERROR_INSTALL_FAILURE` on <https://support.microsoft.com/help/5057589|KB5057589> :confused:',
    '<at>Helpdesk</at> KB5057589 failed with 0x80070643',
    'my pc shows 0X80070643 for the winre update',
    'update for the Windows Recovery Environment failed with -2147023293',
    'the Safe OS dynamic update shows error 2147944003',
  ])('lands %j in the KB5057589 entry', (text) => {
    expect(decide(text)).toEqual({ kind: 'match', entryId: FALSE_ERROR });
  });

  it('reads typos in phrase words as the known words, and says so', () => {
    const result = matchMessage(kb, 'windos recovery enviroment update faild with 0x80070643');
    expect(result.decision).toEqual({ kind: 'match', entryId: FALSE_ERROR });
    expect(result.signals.corrections).toEqual(
      expect.arrayContaining([
        { typed: 'windos', as: 'windows' },
        { typed: 'enviroment', as: 'environment' },
      ]),
    );
  });

  it.each([
    ['KB5034441 failed with 0x80070643', REAL_FAILURE],
    ['server 2022 shows KB5034439 failed 0x80070643', REAL_FAILURE],
    ['KB5057589 and KB5034441 both fail with 0x80070643', REAL_FAILURE],
    ['KB5099999 failed with 0x80070643', UNLISTED],
  ])('never lands %j in the harmless entry', (text, entryId) => {
    const result = matchMessage(kb, text);
    expect(result.decision).toEqual({ kind: 'match', entryId });
    const harmless = result.candidates.find((c) => c.entryId === FALSE_ERROR);
    if (harmless) expect(harmless.qualified).toBe(false);
  });

  it('treats a one-digit-off KB number as another update (digits are never fuzzy)', () => {
    const result = matchMessage(kb, 'winre update KB5057598 failed with 0x80070643');
    expect(result.decision).toEqual({ kind: 'match', entryId: UNLISTED });
    expect(result.candidates.find((c) => c.entryId === FALSE_ERROR)?.excludedBy).toEqual(['another update KB5057598']);
  });

  it('refuses the harmless entry when another error code is named', () => {
    const result = matchMessage(kb, 'KB5057589 failed with 0x800f0922');
    expect(result.decision).toEqual({ kind: 'none' });
    expect(result.candidates[0]).toMatchObject({ entryId: FALSE_ERROR, qualified: false, excludedBy: ['another error 0x800f0922'] });
  });

  it('refuses an entry by an exclusion written as a regex, and says which', () => {
    const result = matchMessage(kb, '2025-09 Safe OS Dynamic Update failed with 0x80070643');
    expect(result.decision.kind).not.toBe('match');
    expect(result.candidates.find((c) => c.entryId === FALSE_ERROR)?.excludedBy).toEqual([expect.stringMatching(/^phrase \/.*2025/)]);
    expect(exclusionsFor(kb.get(FALSE_ERROR)!, matchMessage(kb, "it's the 2025-09 one"))).toHaveLength(1);
    expect(decide('Sent: Wednesday, 9 April 2025 11:02. KB5057589 failed on 2025-04-09 with 0x80070643')).toEqual({ kind: 'match', entryId: FALSE_ERROR });
  });

  it("reads a Microsoft support link's words without taking its numbers for another Windows", () => {
    const link = '<https://support.microsoft.com/en-us/topic/april-8-2025-kb5057589-windows-recovery-environment-update-for-windows-10-version-21h2-and-22h2-1fdc1a87-1ea6-4cf1-a3fc-8c4e5a5f1a6b|KB5057589>';
    expect(decide(link)).toEqual({ kind: 'match', entryId: FALSE_ERROR });
  });

  it('asks which update when only the shared error code is known', () => {
    const result = matchMessage(kb, 'windows update failed with 0x80070643');
    expect(result.decision.kind).toBe('ambiguous');
    expect(result.decision.kind === 'ambiguous' && result.decision.entryIds.sort()).toEqual([UNLISTED, FALSE_ERROR, REAL_FAILURE].sort());
    expect(result.candidates.find((c) => c.entryId === FALSE_ERROR)?.unmet).toEqual(['require_any: updates or phrases']);
  });

  it.each([
    'hi',
    'getting 0x80070005 on the cumulative update',
    'how do I make a recovery drive?',
    'what is a recovery partition?',
    'KB5058379 asks for bitlocker recovery key after reboot',
    'C: drive is almost out of disk space, what can i delete?',
    'my laptop keeps asking me to restart, can I postpone it?',
  ])('does not engage on %j', (text) => {
    expect(decide(text)).toEqual({ kind: 'none' });
  });

  it('calls two entries with equal evidence ambiguous instead of picking one', () => {
    const twin = (id: string) =>
      compileEntry({ id, title: id, match: { updates: ['KB5000001'] }, flow: [{ escalate: 'x' }], replies: { x: 'x' } }, `${id}.yaml`);
    const tied = new KnowledgeBase([twin('first-entry'), twin('second-entry')]);
    expect(matchMessage(tied, 'KB5000001 fails').decision).toEqual({ kind: 'ambiguous', entryIds: ['first-entry', 'second-entry'] });
  });
});

describe('a common error code (listed by many entries)', () => {
  // 40 entries list 0x80070643 and need their update id to apply, as real knowledge would.
  const entry = (id: string, match: object) => compileEntry({ id, title: id, match, flow: [{ escalate: 'x' }], replies: { x: 'x' } } as never, `${id}.yaml`);
  const many = Array.from({ length: 40 }, (_, i) => entry(`needs-update-${i}`, { updates: [`KB${5100000 + i}`], errors: ['0x80070643'], require_any: ['updates'] }));

  it('asks which update when it is all there is, naming more entries than the bot would list', () => {
    const decision = matchMessage(new KnowledgeBase(many), 'error 0x80070643 again').decision;
    expect(decision.kind).toBe('ambiguous');
    expect(decision.kind === 'ambiguous' && decision.entryIds.length).toBeGreaterThan(5);
  });

  it('still counts as evidence for the entry the update names', () => {
    const result = matchMessage(new KnowledgeBase(many), 'KB5100007 failed with 0x80070643');
    expect(result.decision).toEqual({ kind: 'match', entryId: 'needs-update-7' });
    expect(result.candidates[0]).toMatchObject({ entryId: 'needs-update-7', score: 15, hits: ['update KB5100007', 'error 0x80070643'] });
  });

  it('lands in an entry that the code alone qualifies', () => {
    const kb = new KnowledgeBase([...many, entry('code-alone', { errors: ['0x80070643'], require_any: ['errors'] })]);
    expect(matchMessage(kb, 'error 0x80070643 again').decision).toEqual({ kind: 'match', entryId: 'code-alone' });
  });

  it('gives a rare code and a common code both to the entry that lists them', () => {
    const kb = new KnowledgeBase([...many, entry('two-codes', { errors: ['0x80070643', '0x800f0922'], require_all: ['errors'] })]);
    const result = matchMessage(kb, '0x800f0922 then 0x80070643');
    expect(result.decision).toEqual({ kind: 'match', entryId: 'two-codes' });
    expect(result.candidates[0].score).toBe(10);
  });

  it('does not engage when every entry listing it is ruled out', () => {
    const excluding = many.map((_, i) => entry(`strict-${i}`, { updates: [`KB${5200000 + i}`], errors: ['0x80070643'], require_any: ['updates'], exclude: { other_errors: true } }));
    expect(matchMessage(new KnowledgeBase(excluding), '0x80070643 and 0x800f0922').decision).toEqual({ kind: 'none' });
  });
});

describe('word readings', () => {
  const entry = (id: string, phrase: string) => compileEntry({ id, title: id, match: { phrases: [phrase] }, flow: [{ escalate: 'x' }], replies: { x: 'x' } }, `${id}.yaml`);

  it('belong to one knowledge base: a reloaded base reads the same typo by its own words', () => {
    const before = new KnowledgeBase([entry('printer', 'printer jammed')]);
    expect(matchMessage(before, 'the scanerr jammed').signals.corrections).toEqual([]);
    const after = new KnowledgeBase([entry('scanner', 'scanner jammed')]);
    expect(matchMessage(after, 'the scanerr jammed').signals.corrections).toEqual([{ typed: 'scanerr', as: 'scanner' }]);
    expect(matchMessage(after, 'the scanerr jammed').decision).toEqual({ kind: 'match', entryId: 'scanner' });
    expect(matchMessage(before, 'the scanerr jammed').decision).toEqual({ kind: 'none' });
  });

  it('report a typo each time it is typed', () => {
    const kb2 = new KnowledgeBase([entry('scanner', 'scanner jammed')]);
    expect(matchMessage(kb2, 'scanerr jammed, the scanerr!').signals.corrections).toHaveLength(2);
  });
});

describe('matching cost', () => {
  // The index must find the one relevant entry among thousands without scanning them: with
  // 5,000 entries that share common words, only entries with a hit are ever judged.
  it('judges only entries that a signal points at', () => {
    const entries = Array.from({ length: 5000 }, (_, i) =>
      compileEntry(
        {
          id: `entry-${i}`,
          title: `Entry ${i}`,
          match: { updates: [`KB${4000000 + i}`], phrases: [`windows update widget${i} problem`] },
          flow: [{ escalate: 'x' }],
          replies: { x: 'x' },
        },
        `entry-${i}.yaml`,
      ),
    );
    const big = new KnowledgeBase(entries);
    const result = matchMessage(big, 'windows update problem with widget4321, KB4001234 fails');
    expect(result.candidates.map((c) => c.entryId).sort()).toEqual(['entry-1234', 'entry-4321']);
  });
});
