/** Finds a support lead's phrases in a message: word forms in order, small typos, negation. */
import type { Detector } from '../knowledge/knowledgeBase';
import { allowedEdits, withinEdits } from '../matching/fuzzy';
import { NEGATIONS, negatedAt, tokenize, type Token } from '../matching/words';

/** How many extra words may stand between two words of a phrase ("after a restart"). */
const GAP = 1;

export interface Detection {
  detector: Detector;
  /** Token index where the phrase starts (-1 for a regex, which has no tokens). */
  at: number;
  negated: boolean;
}

/**
 * `anyForm`: a word also matches by its stem ("bluescreens", "crashed" for "bluescreen", "crash").
 * Right for symptoms and context; wrong for yes/no phrases, where "restart" is not "restarted".
 */
export interface DetectOptions {
  anyForm?: boolean;
}

/** The first of `detectors` found in the message, or null. */
export function detect(detectors: readonly Detector[], tokens: readonly Token[], lowerText: string, options: DetectOptions = {}): Detection | null {
  for (const detector of detectors) {
    if (detector.regex) {
      if (detector.regex.test(lowerText)) return { detector, at: -1, negated: false };
      continue;
    }
    const at = findWords(detector.words ?? [], options.anyForm ? (detector.stems ?? []) : null, tokens);
    // A phrase that carries its own negation ("will not boot") is not turned around again.
    if (at >= 0) {
      const selfNegated = (detector.words ?? []).some((w) => w === 'not' || w === 'no');
      return { detector, at, negated: !selfNegated && negatedAt(tokens, at) };
    }
  }
  return null;
}

// Where a negation stops reaching: "No idea. It crashes now", "no idea, can someone fix it" and
// "no crashes but a blue screen now" all say what follows. (A list such as "no crashes, blue
// screens" is read as two pieces too: that errs towards a person, never towards "ignore it".)
const PIECE_BREAK = /[.!?;,](?=\s|$)|\n|\s(?:but|however|although|though)\s/i;

/**
 * The first detector said, and not negated, anywhere in the text: each sentence is read on its
 * own, and every detector is tried (a negated "crash" does not hide a later "blue screen").
 */
export function raisedIn(detectors: readonly Detector[], text: string, options: DetectOptions = {}): Detector | null {
  if (detectors.length === 0) return null;
  for (const piece of text.split(PIECE_BREAK)) {
    const tokens = tokenize(piece);
    const lower = piece.toLowerCase();
    for (const detector of detectors) {
      const hit = detect([detector], tokens, lower, options);
      if (hit && !hit.negated) return detector;
    }
  }
  return null;
}

function findWords(words: readonly string[], stems: readonly string[] | null, tokens: readonly Token[]): number {
  if (words.length === 0) return -1;
  const same = (token: Token, w: number) => sameWord(token.word, words[w]) || (stems !== null && token.stem === stems[w]);
  for (let start = 0; start < tokens.length; start++) {
    if (!same(tokens[start], 0)) continue;
    let pos = start;
    let ok = true;
    for (let w = 1; w < words.length && ok; w++) {
      ok = false;
      for (let next = pos + 1; next <= pos + 1 + GAP && next < tokens.length; next++) {
        if (same(tokens[next], w)) {
          pos = next;
          ok = true;
          break;
        }
        // A skipped word may not be a negation: "restart not done" is not "restart done".
        if (NEGATIONS.has(tokens[next].word)) break;
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
