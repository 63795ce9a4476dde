/**
 * Whether a message after a resolution only closes it ("thanks!", "no worries", "MB, sorry!",
 * "nothing's broken, just wanted to be sure"): the answer stands and needs no reply. The words
 * are the shared lexicon's (closing, closing_talk, not_closing, confirm_words, denials).
 */
import type { Lexicon } from '../knowledge/lexicon';
import { tokenize, type Token } from '../matching/words';
import { detectAll, negationWords } from '../reading/detect';

/** A closing is short: a longer message says something more. */
const CLOSING_MAX_WORDS = 12;
/** How many words before a trouble word a denial may stand ("no crashes", "nothing is broken"). */
const DENIAL_REACH = 2;

interface ClosingWords {
  closing: ReadonlySet<string>;
  /** Closing phrases of more than one word ("no worries"): read as a closing word. */
  closingPhrases: ReturnType<Lexicon['detectors']>;
  benign: ReadonlySet<string>;
  notClosing: ReadonlySet<string>;
  denials: ReadonlySet<string>;
  confirm: ReturnType<Lexicon['detectors']>;
}

function closingWords(lexicon: Lexicon): ClosingWords {
  return lexicon.derive(closingWords, () => {
    const closing = lexicon.singles('closing');
    return {
      closing,
      closingPhrases: lexicon.detectors('closing').filter((d) => (d.words?.length ?? 0) > 1),
      benign: new Set([...closing, ...lexicon.singles('closing_talk')]),
      notClosing: lexicon.words('not_closing'),
      denials: lexicon.words('denials'),
      confirm: lexicon.detectors('confirm_words'),
    };
  });
}

/** A closing word ("thanks", "perfect", "danke") in a short message that asks nothing more and reports no trouble; or a message of nothing but such words, filler and units ("MB, sorry!"). */
export function closesResolution(normalized: string, lexicon: Lexicon): boolean {
  if (normalized.includes('?')) return false;
  const calm = calmWords(normalized, lexicon);
  if (calm === null) return false;
  const w = closingWords(lexicon);
  return calm.saidClosing || calm.words.some((word) => w.closing.has(word)) || calm.words.every((word) => w.benign.has(word));
}

/** Whether a short question only asks the answer to be confirmed: "so I can just ignore it then?". */
export function asksToConfirm(normalized: string, lexicon: Lexicon): boolean {
  const mark = normalized.lastIndexOf('?');
  if (mark < 0 || calmWords(normalized, lexicon) === null) return false;
  const asked = normalized.slice(0, mark);
  return detectAll(closingWords(lexicon).confirm, tokenize(asked), asked.toLowerCase(), { negation: negationWords(lexicon) }).length > 0;
}

/** The words of a short message that reports no trouble (closing phrases aside), or null. */
function calmWords(normalized: string, lexicon: Lexicon): { words: string[]; saidClosing: boolean } | null {
  const w = closingWords(lexicon);
  const tokens = tokenize(normalized);
  // "No worries", "no problem": a closing, whatever the words in it.
  const phrases = detectAll(w.closingPhrases, tokens, normalized.toLowerCase(), { negation: negationWords(lexicon) }).filter((hit) => hit.at >= 0);
  const inPhrase = new Set(phrases.flatMap((hit) => Array.from({ length: hit.detector.words?.length ?? 0 }, (_, i) => hit.at + i)));
  const rest: Token[] = tokens.filter((_, i) => !inPhrase.has(i));
  const typed = rest.map((token) => token.word);
  if (tokens.length === 0 || tokens.length > CLOSING_MAX_WORDS) return null;
  // Trouble denied is none: "nothing's broken, no crashes, just wanted to be sure".
  const troubled = rest.some((token, i) => (w.notClosing.has(token.word) || w.notClosing.has(token.stem)) && !typed.slice(Math.max(0, i - DENIAL_REACH), i).some((before) => w.denials.has(before)));
  if (troubled) return null;
  return { words: typed, saidClosing: phrases.length > 0 };
}
