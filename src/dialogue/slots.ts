/** Fills an entry's questions from what the employee wrote, wherever they wrote it. */
import type { CompiledEntry, CompiledQuestion, Detector } from '../knowledge/knowledgeBase';
import { tokenize, type Token } from '../matching/words';
import { CLAUSE_BREAK, findSizes, parseYesNo, saysDontKnow, saysNoSpace, type SizeBound, type SizeReading } from './answers';
import { detect, raisedIn } from './detect';
import type { SlotValue } from './state';

type SizeQuestion = Extract<CompiledQuestion, { type: 'size' }>;

/** Characters on each side of a size in which a context word must stand. */
const CONTEXT_CHARS = 48;

export interface TurnReading {
  /** Slots this message fills or changes. */
  filled: Record<string, SlotValue>;
  /** The message says the employee does not know the answer to `pending`. */
  dontKnow: boolean;
}

/**
 * Reads one message for every question of the entry. Phrases count anywhere; a short answer
 * ("yup", "0.3 GB") counts only for the question just asked (`pending`).
 */
export function readTurn(entry: CompiledEntry, text: string, pending: string | null): TurnReading {
  const tokens = tokenize(text);
  const lower = text.toLowerCase();
  const filled: Record<string, SlotValue> = {};
  for (const question of entry.questions.values()) {
    const value = findAnywhere(question, text, lower, tokens);
    if (value) filled[question.name] = value;
  }
  let dontKnow = false;
  const asked = pending ? entry.questions.get(pending) : undefined;
  if (asked && !filled[asked.name]) {
    if (saysDontKnow(tokens)) dontKnow = true;
    else {
      const direct = directAnswer(asked, text, tokens);
      if (direct) filled[asked.name] = direct;
    }
  }
  return { filled, dontKnow };
}

function findAnywhere(q: CompiledQuestion, text: string, lower: string, tokens: Token[]): SlotValue | null {
  switch (q.type) {
    case 'flag': {
      return raisedIn(q.when, text, { anyForm: true }) ? { type: 'flag', value: true } : null;
    }
    case 'yes_no': {
      // "No" phrases first: when a message says both, the cautious reading wins.
      const no = detect(q.noWhen, tokens, lower);
      if (no) return { type: 'yes_no', value: no.negated ? 'yes' : 'no' };
      const yes = detect(q.yesWhen, tokens, lower);
      if (yes) return { type: 'yes_no', value: yes.negated ? 'no' : 'yes' };
      return null;
    }
    case 'size': {
      if (q.context.length === 0) return null;
      return smallest(findSizes(text, null).filter((s) => aboutSubject(q, text, s.index)));
    }
  }
}

// Where a statement ends: a clause break (CLAUSE_BREAK) other than a comma.
const STATEMENT_BREAK = /[.!?;](?=\s|$)|\n|\s(?:and|but|while|whereas|though|although|however)\s/gi;

/**
 * The text around a size up to the nearest breaks, at most CONTEXT_CHARS on each side. What a
 * size is about is said in its statement ("recovery partition: 450 MB total, 50 MB free"); what
 * it is not about, in its own clause ("rebooted, C: drive has 50 GB free").
 */
function around(text: string, index: number, breaks: RegExp): string {
  const from = Math.max(0, index - CONTEXT_CHARS);
  let start = from;
  let end = Math.min(text.length, index + CONTEXT_CHARS);
  for (const m of text.slice(from, end).matchAll(breaks)) {
    const at = from + m.index;
    if (at < index) start = at + m[0].length;
    else {
      end = at;
      break;
    }
  }
  return text.slice(start, end);
}

/** Whether a size stands where the question's context names its subject, and nothing else does. */
function aboutSubject(q: SizeQuestion, text: string, index: number): boolean {
  return saidOf(q.context, around(text, index, STATEMENT_BREAK)) && !aboutSomethingElse(q, text, index);
}

function aboutSomethingElse(q: SizeQuestion, text: string, index: number): boolean {
  return saidOf(q.notAbout, around(text, index, CLAUSE_BREAK));
}

function saidOf(detectors: readonly Detector[], clause: string): boolean {
  return detectors.length > 0 && detect(detectors, tokenize(clause), clause.toLowerCase(), { anyForm: true }) !== null;
}

function directAnswer(q: CompiledQuestion, text: string, tokens: Token[]): SlotValue | null {
  switch (q.type) {
    case 'yes_no': {
      const value = parseYesNo(text);
      return value ? { type: 'yes_no', value } : null;
    }
    case 'size': {
      // The question was asked, so a size answers it unless its clause says it is about something else.
      const sizes = findSizes(text, q.unitMb).filter((s) => !aboutSomethingElse(q, text, s.index));
      if (sizes.length === 0 && saysNoSpace(tokens)) return { type: 'size', mb: 0 };
      return smallest(sizes);
    }
    case 'flag':
      return null;
  }
}

// Several sizes in one answer: trust the smallest, since too little space is what must not be missed.
function smallest(sizes: readonly SizeReading[]): SlotValue | null {
  if (sizes.length === 0) return null;
  const least = sizes.reduce((a, b) => (b.mb < a.mb ? b : a));
  return least.bound ? { type: 'size', mb: least.mb, bound: least.bound } : { type: 'size', mb: least.mb };
}

/** Readable form of an answer, for escalations and placeholders. */
export function describeSlot(value: SlotValue): string {
  switch (value.type) {
    case 'yes_no':
      return value.value;
    case 'flag':
      return value.value ? 'yes' : 'no';
    case 'size': {
      const size = value.mb >= 1024 ? `${round(value.mb / 1024)} GB` : `${round(value.mb)} MB`;
      return value.bound ? `${BOUND_WORDS[value.bound]} ${size}` : size;
    }
  }
}

const BOUND_WORDS: Record<SizeBound, string> = { below: 'less than', at_most: 'at most', above: 'more than', at_least: 'at least', about: 'about' };

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}
