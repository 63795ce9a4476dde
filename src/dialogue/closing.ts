/**
 * Whether a message after a resolution only closes it ("thanks!", "no worries", "MB, sorry!",
 * "nothing's broken, just wanted to be sure"): the answer stands and needs no reply.
 */
import { tokenize } from '../matching/words';

// A closing word ("thanks", "perfect", "danke") in a short message that asks nothing more and
// reports no trouble; or a message of nothing but such words, filler and units ("MB, sorry!").
const CLOSING = new Set(['sure', 'thanks', 'thank', 'thx', 'thanx', 'ty', 'tysm', 'cheers', 'great', 'perfect', 'awesome', 'brilliant', 'cool', 'ok', 'okay', 'k', 'kk', 'nice', 'super', 'lovely', 'excellent', 'wonderful', 'fantastic', 'good', 'noted', 'understood', 'appreciated', 'appreciate', 'phew', 'relief', 'ta', 'merci', 'danke', 'gracias', 'grazie', 'obrigado', 'obrigada', 'bedankt', 'dank', 'dzieki', 'dziekuje', 'shukriya', 'dhanyavaad', 'gotcha', 'sweet', 'amazing', 'helpful']);
const BENIGN = new Set([...CLOSING, 'sorry', 'so', 'much', 'a', 'lot', 'lots', 'for', 'the', 'help', 'very', 'that', 'this', 'all', 'it', 'is', 'you', 'guys', 'team', 'mate', 'again', 'just', 'will', 'do', 'got', 'i', 'we', 'then', 'oh', 'ah', 'yes', 'yep', 'yeah', 'sure', 'right', 'alright', 'fine', 'sounds', 'to', 'know', 'have', 'day', 'nice', 'mb', 'gb', 'megs', 'megabytes', 'meant', 'sorted', 'bye', 'bot']);
// Words that report trouble or ask for more: such a message is not a closing.
const TROUBLE = new Set(['but', 'still', 'not', 'cannot', 'problem', 'problems', 'issue', 'issues', 'wrong', 'broken', 'blue', 'stuck']);
const TROUBLE_STEMS = /^(?:fail|error|crash|freez|froze|hang|bsod|reboot|restart)/;
const CLOSING_MAX_WORDS = 12;
const DENIED_BEFORE = new Set(['no', 'nothing', 'never', 'without', 'zero']);
const NO_TROUBLE = /\bno (?:problems?|worries|prob)\b/gi;

export function closesResolution(normalized: string): boolean {
  if (normalized.includes('?')) return false;
  const typed = calmWords(normalized);
  if (typed === null) return false;
  return typed.some((w) => CLOSING.has(w)) || typed.every((w) => BENIGN.has(w));
}

/** Whether a short question only asks the answer to be confirmed: "so I can just ignore it then?". */
export function asksToConfirm(normalized: string): boolean {
  return normalized.includes('?') && CONFIRMS.test(normalized) && calmWords(normalized) !== null;
}

const CONFIRMS = /\b(?:ignore|safe|fine|ok|okay|normal|nothing (?:else )?to do|do anything|need to do)\b[^?]*\?/i;

/** The words of a short message that reports no trouble, or null. */
function calmWords(normalized: string): string[] | null {
  const typed = tokenize(normalized.replace(NO_TROUBLE, ' thanks ')).map((token) => token.word);
  if (typed.length === 0 || typed.length > CLOSING_MAX_WORDS) return null;
  // Trouble denied is none: "nothing's broken, no crashes, just wanted to be sure".
  if (typed.some((w, i) => (TROUBLE.has(w) || TROUBLE_STEMS.test(w)) && !DENIED_BEFORE.has(typed[i - 1] ?? '') && !DENIED_BEFORE.has(typed[i - 2] ?? ''))) return null;
  return typed;
}

