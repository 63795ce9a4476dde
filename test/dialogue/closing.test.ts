import { asksToConfirm, closesResolution } from '../../src/dialogue/closing';
import { normalizeText } from '../../src/matching/normalize';
import { shippedKnowledge } from '../helpers/knowledge';

const lexicon = shippedKnowledge().lexicon;
const closes = (text: string) => closesResolution(normalizeText(text), lexicon);

describe('asksToConfirm', () => {
  it('hears a question that only asks the answer to be confirmed', () => {
    expect(asksToConfirm(normalizeText('so I can just ignore it then?'), lexicon)).toBe(true);
    expect(asksToConfirm(normalizeText('is it safe even though it crashed?'), lexicon)).toBe(false);
    expect(asksToConfirm(normalizeText('how do I add a shared mailbox?'), lexicon)).toBe(false);
  });
});

describe('closesResolution', () => {
  it.each(['thanks!', 'brilliant, thank you so much!', 'no worries, cheers', 'MB, sorry!', 'ok danke', 'no problem, obrigada', "nothing's broken, no crashes, just wanted to be sure"])('hears %j as a closing', (text) => {
    expect(closes(text)).toBe(true);
  });

  it.each(['thanks, but it still fails', 'thanks! is it safe to delete the update?', 'also the printer on floor 3 is jammed', 'ok it crashed again', 'thanks, now it will not boot'])('does not hear %j as one', (text) => {
    expect(closes(text)).toBe(false);
  });
});
