/**
 * Word-level typo tolerance. A vocabulary is indexed by its words' one-letter deletions
 * (the SymSpell idea), so finding the near spellings of a typed word costs a few map look-ups
 * whatever the vocabulary's size; candidates are then confirmed with natural's
 * Damerau-Levenshtein distance.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
import distances = require('natural/lib/natural/distance/levenshtein_distance');

/** Shortest word that may be corrected: shorter words have too many neighbours. */
export const MIN_FUZZY_LENGTH = 5;

/** How many edits a word of this length may be away from a vocabulary word. */
export function allowedEdits(length: number): number {
  if (length < MIN_FUZZY_LENGTH) return 0;
  return length >= 9 ? 2 : 1;
}

export function editDistance(a: string, b: string): number {
  return distances.DamerauLevenshteinDistance(a, b) as number;
}

/**
 * Whether `a` and `b` are at most `max` edits apart. Most word pairs are far apart, and a count
 * of the letters one has that the other lacks rules them out without the full distance (no edit,
 * a swap included, changes that count by more than one).
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > max) return false;
  return lettersApart(a, b) <= max && editDistance(a, b) <= max;
}

// Letter counts of one word, reset after each use (words here are ASCII; others skip the count).
const letterCounts = new Int32Array(128);

/** How many letters one word has that the other lacks, the larger side: a lower bound of the edits. */
function lettersApart(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) >= 128) return 0;
  for (let i = 0; i < b.length; i++) if (b.charCodeAt(i) >= 128) return 0;
  for (let i = 0; i < a.length; i++) letterCounts[a.charCodeAt(i)]++;
  let onlyB = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (letterCounts[c] > 0) letterCounts[c]--;
    else onlyB++;
  }
  let onlyA = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    onlyA += letterCounts[c];
    letterCounts[c] = 0;
  }
  return Math.max(onlyA, onlyB);
}

/** Corrections remembered per vocabulary; logs and chat repeat their words, so this stays warm. */
const CORRECTION_CACHE_LIMIT = 20_000;

/** A set of known words that answers "which known word did the employee mean?". */
export class FuzzyVocabulary {
  private readonly words = new Set<string>();
  private readonly byDeletion = new Map<string, string[]>();
  private readonly corrections = new Map<string, string | null>();

  add(word: string): void {
    if (this.words.has(word)) return;
    this.words.add(word);
    this.corrections.clear();
    if (!isFuzzyCandidate(word)) return;
    for (const key of deletions(word, allowedEdits(word.length))) {
      const list = this.byDeletion.get(key);
      if (list) list.push(word);
      else this.byDeletion.set(key, [word]);
    }
  }

  /** The known word closest to `typed`, or null; exact words are returned as they are. */
  correct(typed: string): string | null {
    if (this.words.has(typed)) return typed;
    if (!isFuzzyCandidate(typed)) return null;
    let known = this.corrections.get(typed);
    if (known === undefined) {
      known = this.nearest(typed);
      // Dropping everything at the limit keeps memory bounded with no bookkeeping per hit.
      if (this.corrections.size >= CORRECTION_CACHE_LIMIT) this.corrections.clear();
      this.corrections.set(typed, known);
    }
    return known;
  }

  private nearest(typed: string): string | null {
    const limit = allowedEdits(typed.length);
    let best: string | null = null;
    let bestDistance = Infinity;
    for (const key of deletions(typed, limit)) {
      for (const candidate of this.byDeletion.get(key) ?? []) {
        const d = editDistance(typed, candidate);
        if (d <= Math.min(limit, allowedEdits(candidate.length)) && d < bestDistance) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    return best;
  }
}

/**
 * Longest word that may be corrected. Real words are shorter; a pasted blob is not a typo, and
 * its deletions would cost its length squared.
 */
const MAX_FUZZY_LENGTH = 32;

// Digits are never fuzzy: a KB number or an error code one digit off is a different thing.
function isFuzzyCandidate(word: string): boolean {
  return word.length >= MIN_FUZZY_LENGTH && word.length <= MAX_FUZZY_LENGTH && !/\d/.test(word);
}

/**
 * The word itself and every spelling with up to `depth` letters removed. Two words within `depth`
 * edits share one of these (a transposition or a substitution is one removal on each side), so
 * only words that share one are measured.
 */
function deletions(word: string, depth: number): string[] {
  const out = new Set([word]);
  let level = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of level) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    level = next;
  }
  return [...out];
}
