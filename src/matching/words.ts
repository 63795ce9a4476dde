/**
 * Word-level text handling shared by matching and answer parsing: tokens, stems, negation.
 * Only natural's stemmer module is loaded; the package's index pulls database clients and
 * prints to stdout (see ENVIRONMENT.md).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
import PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer');

export interface Token {
  /** Lowercased word as typed, contractions expanded ("won't" gives "will", "not"). */
  word: string;
  /** Porter stem of `word`. */
  stem: string;
}

// Contractions become their plain words so that negation is one token ("not") everywhere.
// One pass of one regex: this runs on every message and every phrase.
const CONTRACTION = /\b(?:(won|can|shan)'?t|(cannot)|(do|does|did|is|are|was|were|has|have|had|could|would|should|must|need|ai)n'?t|(i)'?m|(it|that|there|what)'s|(i|you|we|they)'ve|(i|you|we|they|it)'ll|(idk)|(dunno))\b/g;

function expandContraction(whole: string, ...groups: Array<string | undefined>): string {
  const [modal, cannot, aux, im, is, ve, ll, idk, dunno] = groups;
  if (modal) return `${modal === 'won' ? 'will' : modal === 'shan' ? 'shall' : 'can'} not`;
  if (cannot) return 'can not';
  if (aux) return `${aux} not`;
  if (im) return 'i am';
  if (is) return `${is} is`;
  if (ve) return `${ve} have`;
  if (ll) return `${ll} will`;
  if (idk) return 'i do not know';
  if (dunno) return 'do not know';
  return whole;
}

/** Lowercases, expands contractions and splits into word tokens with their stems. */
export function tokenize(text: string): Token[] {
  return words(text).map((word) => ({ word, stem: stem(word) }));
}

/** The words `tokenize` finds, without their stems (for callers that stem each distinct word once). */
export function words(text: string): string[] {
  return splitWords(foldAccents(text.toLowerCase()).replace(/[\u2018\u2019\u02BC]/g, "'").replace(CONTRACTION, expandContraction));
}

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

// A letter with an accent is its plain letter ("técnico", "möchte", "Größe" as "grosse"): a word
// would otherwise split at the accent. Messages and phrases go through here alike.
// Letters that carry their mark inside them, so NFD leaves them whole: Polish "ł" ("człowiek"),
// Danish and Norwegian "ø", Croatian "đ", German "ß", the ligatures.
const UNDECOMPOSED_AS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };
const UNDECOMPOSED = new RegExp(`[${Object.keys(UNDECOMPOSED_AS).join('')}]`, 'g');

function foldAccents(lower: string): string {
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(COMBINING_MARKS, '').replace(UNDECOMPOSED, (c) => UNDECOMPOSED_AS[c]) : lower;
}

/**
 * The words of lowercased text: runs of a-z and 0-9, joined across single dots, underscores and
 * slashes ("23h2", "c:/windows/system32", "kb5057589.msu"). One `match` call: V8 builds the whole
 * list natively, about a fifth quicker than a char-code scan on a pasted log (and far quicker than
 * a `matchAll` or `exec` loop).
 */
const WORD = /[a-z0-9]+(?:[._/][a-z0-9]+)*/g;

function splitWords(lower: string): string[] {
  return lower.match(WORD) ?? [];
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/** Porter stem of one lowercased word; words with digits are kept whole (digits are exact). */
export function stem(word: string): string {
  if (/\d/.test(word)) return word;
  let cached = stemCache.get(word);
  if (cached === undefined) {
    cached = PorterStemmer.stem(word) as string;
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, cached);
  }
  return cached;
}

/**
 * The words a negation is read with, from the shared lexicon (negations, subjects, list_words,
 * worries): "not restarted", "no crashes or freezes", "no it crashed", "worried it would crash".
 */
export interface NegationWords {
  /** Words that turn the statement after them around. */
  negations: ReadonlySet<string>;
  /** Words that start a statement of their own after a "no": in "no it crashed" the crash is reported. */
  subjects: ReadonlySet<string>;
  /** Words a negation reaches across without counting them ("no crashes or freezes"). */
  listWords: ReadonlySet<string>;
  /** Words that make what follows a worry or a condition rather than a report. */
  worries: ReadonlySet<string>;
  /** Words after a negated symptom that say it did happen ("it hasn't crashed again"). */
  happened: ReadonlySet<string>;
}

/**
 * Whether a negation stands within `window` tokens before position `at`. `reportsAfterAnswer`,
 * for symptoms: a "no" or "not yet" followed by a subject is an answer of its own ("no it
 * crashed"), and a worry or a condition is no report ("worried it would crash"). Requests keep
 * "would" ("I would like to talk to a person").
 */
export function negatedAt(tokens: readonly Token[], at: number, words: NegationWords, window = 3, reportsAfterAnswer = false): boolean {
  let counted = 0;
  for (let i = at - 1; i >= 0 && counted < window; i--) {
    const word = tokens[i].word;
    if (reportsAfterAnswer && words.worries.has(word)) return true;
    if (words.negations.has(word)) {
      const next = tokens[i + 1]?.word === 'yet' ? i + 2 : i + 1;
      if (!(reportsAfterAnswer && next < at && words.subjects.has(tokens[next].word))) return true;
    }
    // A negation reaches along a list: "no crashes or freezes or blue screens".
    if (!words.listWords.has(word)) counted++;
  }
  return false;
}
