/** Finds a support lead's phrases in a message: word forms in order, small typos, negation. */
import type { Detector } from '../knowledge/knowledgeBase';
import { allowedEdits, withinEdits } from '../matching/fuzzy';
import type { Lexicon } from '../knowledge/lexicon';
import { negatedAt, tokenize, type NegationWords, type Token } from '../matching/words';

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
  /** The negation words to read with (negationWords of the knowledge's lexicon). */
  negation: NegationWords;
  anyForm?: boolean;
  /**
   * Words as written or by stem only, no typos: for broad lists read against everything the
   * employee wrote (the lexicon's trouble words), where "train" must not be "drain".
   */
  exact?: boolean;
}

/**
 * `detect` for lists read often: phrases missing one of their words are skipped before the
 * word-by-word search (see presentWords). Same result, in the list's order.
 */
export function detectListed(detectors: readonly Detector[], tokens: readonly Token[], lowerText: string, options: DetectOptions): Detection | null {
  if (detectors.length === 0) return null;
  const present = presentWords(vocabularyOf(detectors), tokens, options);
  const candidates = detectors.filter((d) => d.regex !== undefined || (d.words ?? []).every((w) => present.has(w)));
  return detect(candidates, tokens, lowerText, options);
}

/** The first of `detectors` found in the message, or null. */
export function detect(detectors: readonly Detector[], tokens: readonly Token[], lowerText: string, options: DetectOptions): Detection | null {
  for (const detector of detectors) {
    if (detector.regex) {
      if (detector.regex.test(lowerText)) return { detector, at: -1, negated: false };
      continue;
    }
    const at = findWords(detector.words ?? [], options.anyForm ? (detector.stems ?? []) : null, tokens, options.negation.negations, options.exact === true);
    // A phrase that carries its own negation ("will not boot") is not turned around again.
    if (at >= 0) {
      const selfNegated = (detector.words ?? []).some((w) => w === 'not' || w === 'no');
      const negated = !selfNegated && negatedAt(tokens, at, options.negation, 3, options.anyForm === true);
      // "It hasn't crashed again", "never had a BSOD before", "never seen it crash this often":
      // denied in form, reported in meaning.
      const reported = negated && options.anyForm === true && saidToHaveHappened(tokens, at + (detector.words?.length ?? 1), options.negation.happened);
      return { detector, at, negated: negated && !reported };
    }
  }
  return null;
}

/**
 * Every detector of the list found in the message, each once, in no set order: for readers that
 * weigh all that was said (accounting.ts) rather than stop at the first phrase.
 */
export function detectAll(detectors: readonly Detector[], tokens: readonly Token[], lowerText: string, options: DetectOptions): Detection[] {
  if (detectors.length === 0) return [];
  const vocabulary = vocabularyOf(detectors);
  const present = presentWords(vocabulary, tokens, options);
  const found: Detection[] = [];
  for (const word of present) {
    for (const detector of vocabulary.byFirstWord.get(word) ?? []) {
      if (!detector.words!.every((w) => present.has(w))) continue;
      const hit = detect([detector], tokens, lowerText, options);
      if (hit) found.push(hit);
    }
  }
  for (const detector of vocabulary.regexes) if (detector.regex!.test(lowerText)) found.push({ detector, at: -1, negated: false });
  return found;
}

const HAS_DIGIT = /\d/;

/** Whether one of `happened` follows a negated symptom closely: it says the symptom did happen. */
function saidToHaveHappened(tokens: readonly Token[], from: number, happened: ReadonlySet<string>): boolean {
  for (let i = from; i < Math.min(tokens.length, from + 3); i++) if (happened.has(tokens[i].word)) return true;
  return false;
}

// Where a negation stops reaching: "No idea. It crashes now", "no idea, can someone fix it" and
// "no crashes but a blue screen now" all say what follows. (A list such as "no crashes, blue
// screens" is read as two pieces too: that errs towards a person, never towards "ignore it".)
const PIECE_BREAK = /[.!?;,](?=\s|$)|\n|\s(?:but|however|although|though)\s/i;

/**
 * A detector said, and not negated, anywhere in the text, or null: each sentence is read on its
 * own, and every detector is tried (a negated "crash" does not hide a later "blue screen").
 */
export function raisedIn(detectors: readonly Detector[], text: string, options: DetectOptions): Detector | null {
  if (detectors.length === 0) return null;
  const vocabulary = vocabularyOf(detectors);
  for (const piece of piecesOf(text)) {
    // Only phrases whose first word is in the piece, and then whose every word is, are looked
    // for in order: the lists run to hundreds of phrases, and a message to thousands of words.
    const present = presentWords(vocabulary, piece.tokens, options);
    for (const word of present) {
      for (const detector of vocabulary.byFirstWord.get(word) ?? []) {
        if (!detector.words!.every((w) => present.has(w))) continue;
        const hit = detect([detector], piece.tokens, piece.lower, options);
        if (hit && !hit.negated) return detector;
      }
    }
    for (const detector of vocabulary.regexes) if (detector.regex!.test(piece.lower)) return detector;
  }
  return null;
}

interface Piece {
  tokens: Token[];
  lower: string;
}

// One message is read by several lists (handoff, each flag): its pieces are made once.
let lastText: string | undefined;
let lastPieces: Piece[] = [];

function piecesOf(text: string): Piece[] {
  if (text !== lastText) {
    lastPieces = text.split(PIECE_BREAK).map((piece) => ({ tokens: tokenize(piece), lower: piece.toLowerCase() }));
    lastText = text;
  }
  return lastPieces;
}

/** The distinct words of a detector list: by stem, and which of them each typed word stands for. */
interface Vocabulary {
  words: string[];
  wordSet: ReadonlySet<string>;
  byFirstWord: Map<string, Detector[]>;
  regexes: Detector[];
  byStem: Map<string, string[]>;
  /** Typed word → the list's words it is, or is near (remembered: chat repeats its words). */
  near: Map<string, string[]>;
}

const NEAR_LIMIT = 10_000;
const vocabularies = new WeakMap<readonly Detector[], Vocabulary>();

function vocabularyOf(detectors: readonly Detector[]): Vocabulary {
  let vocabulary = vocabularies.get(detectors);
  if (!vocabulary) {
    const words = new Set<string>();
    const byStem = new Map<string, string[]>();
    const byFirstWord = new Map<string, Detector[]>();
    const regexes: Detector[] = [];
    for (const d of detectors) {
      if (d.regex) regexes.push(d);
      else if (d.words && d.words.length > 0) byFirstWord.set(d.words[0], [...(byFirstWord.get(d.words[0]) ?? []), d]);
      (d.words ?? []).forEach((w, i) => {
        if (words.has(w)) return;
        words.add(w);
        const stemmed = d.stems?.[i] ?? w;
        byStem.set(stemmed, [...(byStem.get(stemmed) ?? []), w]);
      });
    }
    vocabulary = { words: [...words], wordSet: words, byFirstWord, regexes, byStem, near: new Map() };
    vocabularies.set(detectors, vocabulary);
  }
  return vocabulary;
}

/** The detector words that some token of the piece stands for: as typed, near it, or (anyForm) by stem. */
function presentWords(vocabulary: Vocabulary, tokens: readonly Token[], options: DetectOptions): Set<string> {
  const present = new Set<string>();
  const anyForm = options.anyForm === true;
  for (const t of tokens) {
    if (options.exact) {
      if (vocabulary.wordSet.has(t.word)) present.add(t.word);
      // (Stems of two letters are too weak to stand for a word: Italian "di" is not "died".)
      if (anyForm && t.stem.length > 2) for (const w of vocabulary.byStem.get(t.stem) ?? []) present.add(w);
      continue;
    }
    let near = vocabulary.near.get(t.word);
    if (!near) {
      near = vocabulary.words.filter((w) => sameWord(t.word, w));
      if (vocabulary.near.size >= NEAR_LIMIT) vocabulary.near.clear();
      vocabulary.near.set(t.word, near);
    }
    for (const w of near) present.add(w);
    if (anyForm) for (const w of vocabulary.byStem.get(t.stem) ?? []) present.add(w);
  }
  return present;
}

function findWords(words: readonly string[], stems: readonly string[] | null, tokens: readonly Token[], negations: ReadonlySet<string>, exact = false): number {
  if (words.length === 0) return -1;
  const same = exact
    ? (token: Token, w: number) => token.word === words[w] || (stems !== null && token.stem.length > 2 && token.stem === stems[w])
    : (token: Token, w: number) => sameWord(token.word, words[w]) || (stems !== null && token.stem === stems[w]);
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
        if (negations.has(tokens[next].word)) break;
      }
    }
    if (ok) return start;
  }
  return -1;
}

function sameWord(typed: string, wanted: string): boolean {
  if (typed === wanted) return true;
  // Digits are exact: "kb5057598" is another update, not a typo of "kb5057589".
  if (HAS_DIGIT.test(typed) || HAS_DIGIT.test(wanted)) return false;
  const edits = Math.min(allowedEdits(typed.length), allowedEdits(wanted.length));
  if (edits === 0 || Math.abs(typed.length - wanted.length) > edits) return false;
  // The same pairs come back with every message (a phrase word against "restarted"): remembered.
  const key = `${typed} ${wanted}`;
  let near = nearPairs.get(key);
  if (near === undefined) {
    near = withinEdits(typed, wanted, edits);
    if (nearPairs.size >= NEAR_PAIRS_LIMIT) nearPairs.clear();
    nearPairs.set(key, near);
  }
  return near;
}

const nearPairs = new Map<string, boolean>();
const NEAR_PAIRS_LIMIT = 50_000;

/** The lexicon's negation words (negations, subjects, list_words, worries), built once per lexicon. */
export function negationWords(lexicon: Lexicon): NegationWords {
  return lexicon.derive(negationWords, () => {
    return {
      negations: lexicon.singles('negations'),
      subjects: lexicon.singles('subjects'),
      listWords: lexicon.singles('list_words'),
      worries: lexicon.singles('worries'),
      happened: lexicon.singles('happened_after_negation'),
    };
  });
}
