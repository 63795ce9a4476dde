/** Finds a support lead's phrases in a message: word forms in order, small typos, negation. */
import type { Detector } from '../knowledge/knowledgeBase';
import { allowedEdits, withinEdits } from '../matching/fuzzy';
import { negatedAt, type Token } from '../matching/words';

/** How many extra words may stand between two words of a phrase ("after a restart"). */
const GAP = 1;

export interface Detection {
  detector: Detector;
  /** Token index where the phrase starts (-1 for a regex, which has no tokens). */
  at: number;
  negated: boolean;
}

/** The first of `detectors` found in the message, or null. */
export function detect(detectors: readonly Detector[], tokens: readonly Token[], lowerText: string): Detection | null {
  for (const detector of detectors) {
    if (detector.regex) {
      if (detector.regex.test(lowerText)) return { detector, at: -1, negated: false };
      continue;
    }
    const at = findWords(detector.words ?? [], tokens);
    // A phrase that carries its own negation ("will not boot") is not turned around again.
    if (at >= 0) {
      const selfNegated = (detector.words ?? []).some((w) => w === 'not' || w === 'no');
      return { detector, at, negated: !selfNegated && negatedAt(tokens, at) };
    }
  }
  return null;
}

function findWords(words: readonly string[], tokens: readonly Token[]): number {
  if (words.length === 0) return -1;
  for (let start = 0; start < tokens.length; start++) {
    if (!sameWord(tokens[start].word, words[0])) continue;
    let pos = start;
    let ok = true;
    for (let w = 1; w < words.length && ok; w++) {
      ok = false;
      for (let next = pos + 1; next <= pos + 1 + GAP && next < tokens.length; next++) {
        if (sameWord(tokens[next].word, words[w])) {
          pos = next;
          ok = true;
          break;
        }
      }
    }
    if (ok) return start;
  }
  return -1;
}

function sameWord(typed: string, wanted: string): boolean {
  if (typed === wanted) return true;
  const edits = Math.min(allowedEdits(typed.length), allowedEdits(wanted.length));
  return edits > 0 && withinEdits(typed, wanted, edits);
}
