import { readTurn } from '../../src/dialogue/slots';
import { matchMessage } from '../../src/matching/matcher';
import { normalizeText } from '../../src/matching/normalize';
import { afterLastCorrection } from '../../src/matching/selfCorrection';
import { FALSE_ERROR, REAL_FAILURE, shippedKnowledge } from '../helpers/knowledge';

const kb = shippedKnowledge();

describe('a message that corrects itself', () => {
  it('finds where the last correction ends, and nothing in a plain apology', () => {
    const text = 'kb5057859, sorry typo, I mean KB5057589';
    expect(text.slice(afterLastCorrection(text, kb.lexicon))).toBe(' KB5057589');
    expect(afterLastCorrection('sorry for the long message, 400 MB free', kb.lexicon)).toBe(-1);
  });

  it.each([
    ['kb5057859 — sorry typo, I mean KB5057589 — failed w/ 0x80070643', FALSE_ERROR],
    ['~KB5057598~ sorry, typo: *KB5057589* failed with 0x80070643', FALSE_ERROR],
    ['KB5057589 failed, I mean KB5034441', REAL_FAILURE],
    ['KB5075589 failed with 0x80070643 — sorry, KB5057589, digits swapped', FALSE_ERROR],
  ])('means the update named after the correction in %j', (text, entryId) => {
    expect(matchMessage(kb, text).decision).toEqual({ kind: 'match', entryId });
  });

  it('keeps every update when the correction names none', () => {
    expect(matchMessage(kb, 'KB5057589 and KB5034441 failed, my bad for not saying earlier').signals.updates).toEqual(['KB5057589', 'KB5034441']);
  });

  it.each([
    ["150 MB - no sorry, I misread the column, it's 1.5 GB free", 1536],
    ['1.5 GB, no sorry, I misread, it is 150 MB', 150],
    ['90 MB, sorry, 900 MB — fat fingers', 900],
    ['~120 MB~ sorry, *420 MB*', 420],
  ])('takes the size given after the correction in %j', (text, mb) => {
    const entry = kb.get(FALSE_ERROR)!;
    expect(readTurn(entry, kb.lexicon, normalizeText(text), 'recovery_free_mb').filled.recovery_free_mb).toMatchObject({ mb });
  });
});
