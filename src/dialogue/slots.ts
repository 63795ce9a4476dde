/** Fills an entry's questions from what the employee wrote, wherever they wrote it. */
import type { CompiledEntry, CompiledQuestion } from '../knowledge/knowledgeBase';
import { tokenize, type Token } from '../matching/words';
import { findSizes, parseYesNo, saysDontKnow } from './answers';
import { detect } from './detect';
import type { SlotValue } from './state';

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
      const hit = detect(q.when, tokens, lower);
      return hit && !hit.negated ? { type: 'flag', value: true } : null;
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
      const near = findSizes(text, null).filter((s) => {
        const around = text.slice(Math.max(0, s.index - CONTEXT_CHARS), s.index + CONTEXT_CHARS);
        return detect(q.context, tokenize(around), around.toLowerCase()) !== null;
      });
      return smallest(near);
    }
  }
}

function directAnswer(q: CompiledQuestion, text: string, tokens: Token[]): SlotValue | null {
  switch (q.type) {
    case 'yes_no': {
      const value = parseYesNo(tokens);
      return value ? { type: 'yes_no', value } : null;
    }
    case 'size':
      return smallest(findSizes(text, q.unitMb));
    case 'flag':
      return null;
  }
}

// Several sizes in one answer: trust the smallest, since too little space is what must not be missed.
function smallest(sizes: Array<{ mb: number }>): SlotValue | null {
  if (sizes.length === 0) return null;
  return { type: 'size', mb: Math.min(...sizes.map((s) => s.mb)) };
}

/** Readable form of an answer, for escalations and placeholders. */
export function describeSlot(value: SlotValue): string {
  switch (value.type) {
    case 'yes_no':
      return value.value;
    case 'flag':
      return value.value ? 'yes' : 'no';
    case 'size':
      return value.mb >= 1024 ? `${round(value.mb / 1024)} GB` : `${round(value.mb)} MB`;
  }
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}
