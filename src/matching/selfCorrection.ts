/**
 * Where a message corrects itself: "kb5057859, sorry typo, I mean KB5057589", "150 MB - no
 * sorry, I misread the column, it's 1.5 GB". What the employee wrote before the correction is
 * what they took back; the figure or update id after it is the one they mean. The words are the
 * shared lexicon's: `self_correction` takes back wherever it stands; `self_correction_before_figure`
 * ("sorry", "oops", "wait, no") only when a figure or an id follows at once ("90 MB, sorry,
 * 900 MB"), since "sorry for the long message" takes nothing back.
 */
import type { Lexicon } from '../knowledge/lexicon';
import { phrasePattern } from '../reading/says';

function correctionPattern(lexicon: Lexicon): RegExp | null {
  return lexicon.derive(correctionPattern, () => {
    const always = phrasePattern(lexicon, 'self_correction');
    const beforeFigure = phrasePattern(lexicon, 'self_correction_before_figure');
    const parts = [always?.source, beforeFigure && `${beforeFigure.source}[\\s,;:.!*~-]*(?=(?:kb\\s*)?\\d)`].filter((p): p is string => Boolean(p));
    return parts.length > 0 ? new RegExp(parts.join('|'), 'gi') : null;
  });
}

/** The index just after the message's last correction, or -1 when it has none. */
export function afterLastCorrection(text: string, lexicon: Lexicon): number {
  const pattern = correctionPattern(lexicon);
  if (!pattern) return -1;
  let end = -1;
  for (const m of text.matchAll(pattern)) end = m.index + m[0].length;
  return end;
}
