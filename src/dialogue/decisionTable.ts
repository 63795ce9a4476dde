/** Evaluates an entry's ordered decision table against the answers known so far. */
import type { CompiledEntry } from '../knowledge/knowledgeBase';
import type { ConditionDefinition, RuleDefinition } from '../knowledge/schema';
import { APPROXIMATE } from './answers';
import type { SlotValue } from './state';

export type TableResult =
  /** A rule's conditions all hold: act on it. */
  | { kind: 'fire'; rule: RuleDefinition; index: number }
  /**
   * The first rule that could still fire needs this answer. `unsettled`: the answer is there but
   * is a bound on both sides of a threshold ("less than 1 GB" against "at least 250 MB").
   */
  | { kind: 'ask'; question: string; index: number; unsettled: boolean }
  /** Every rule is ruled out: the table has a gap, and a person must decide. */
  | { kind: 'none' };

type RuleVerdict = { kind: 'holds' } | { kind: 'fails' } | { kind: 'undecided'; question: string; unsettled: boolean };

/**
 * Rules are tried in order. A condition on an unanswered question that can be asked makes the
 * rule undecided, and the bot asks rather than skip to a later rule: the order of the table is
 * the order of the questions. Flags nobody raised count as false.
 *
 * One exception: a later rule that escalates and already holds on what the employee said acts at
 * once ("only 100 MB free" before the restart question is answered). Handing over is safe
 * whatever the missing answers would have been, and asking them first would only keep the
 * employee waiting.
 */
export function evaluateTable(entry: CompiledEntry, slots: Readonly<Record<string, SlotValue>>): TableResult {
  for (let index = 0; index < entry.flow.length; index++) {
    const rule = entry.flow[index];
    const verdict = ruleVerdict(entry, rule, slots);
    if (verdict.kind === 'fails') continue;
    if (verdict.kind === 'holds') return { kind: 'fire', rule, index };
    for (let later = index + 1; later < entry.flow.length; later++) {
      const next = entry.flow[later];
      if (next.escalate !== undefined && heldOnAnswers(entry, next, slots)) return { kind: 'fire', rule: next, index: later };
    }
    return { kind: 'ask', question: verdict.question, index, unsettled: verdict.unsettled };
  }
  return { kind: 'none' };
}

function ruleVerdict(entry: CompiledEntry, rule: RuleDefinition, slots: Readonly<Record<string, SlotValue>>): RuleVerdict {
  let undecided: { question: string; unsettled: boolean } | null = null;
  for (const [name, condition] of Object.entries(rule.when ?? {})) {
    const question = entry.questions.get(name);
    const value = slots[name] ?? (question?.type === 'flag' ? ({ type: 'flag', value: false } as const) : undefined);
    let holds = value === undefined ? null : conditionHolds(condition, value, question?.type === 'size' ? question.unitMb : 1);
    // A figure without its unit may hand over, never settle anything else: "350" is asked again.
    if (holds === true && value?.type === 'size' && value.bound === 'unitless' && rule.escalate === undefined) holds = null;
    if (holds === false) return { kind: 'fails' };
    if (holds === null) undecided ??= { question: name, unsettled: value !== undefined };
  }
  return undecided ? { kind: 'undecided', ...undecided } : { kind: 'holds' };
}

/** Whether every condition of the rule holds on answers actually given (not on default flags). */
function heldOnAnswers(entry: CompiledEntry, rule: RuleDefinition, slots: Readonly<Record<string, SlotValue>>): boolean {
  const conditions = Object.entries(rule.when ?? {});
  if (conditions.length === 0) return false;
  return conditions.every(([name, condition]) => {
    const value = slots[name];
    const question = entry.questions.get(name);
    return value !== undefined && conditionHolds(condition, value, question?.type === 'size' ? question.unitMb : 1) === true;
  });
}

/**
 * Whether one condition holds; size thresholds are in the question's unit (`unitMb` MB each).
 * null when a bounded size cannot tell: "less than 1 GB" is neither below 250 MB nor at least.
 */
export function conditionHolds(condition: ConditionDefinition, value: SlotValue, unitMb = 1): boolean | null {
  if (typeof condition === 'object') {
    if (value.type !== 'size') return false;
    const size = value.mb / unitMb;
    if ('below' in condition) {
      const limit = condition.below;
      switch (value.bound) {
        case undefined:
          return size < limit;
        case 'about':
          return size * (1 + APPROXIMATE) < limit ? true : size * (1 - APPROXIMATE) >= limit ? false : null;
        case 'between':
          return upTo(value, unitMb) < limit ? true : size >= limit ? false : null;
        case 'below':
          return size <= limit ? true : null;
        case 'at_most':
          return size < limit ? true : null;
        case 'above':
        case 'at_least':
          return size >= limit ? false : null;
        case 'unitless':
          return size < limit;
      }
    }
    const limit = condition.at_least;
    switch (value.bound) {
      case undefined:
        return size >= limit;
      case 'about':
        return size * (1 - APPROXIMATE) >= limit ? true : size * (1 + APPROXIMATE) < limit ? false : null;
      case 'between':
        return size >= limit ? true : upTo(value, unitMb) < limit ? false : null;
      case 'at_least':
      case 'above':
        return size >= limit ? true : null;
      case 'below':
        return size <= limit ? false : null;
      case 'at_most':
        return size < limit ? false : null;
      case 'unitless':
        return size >= limit;
    }
  }
  const wantYes = condition === true || condition === 'yes';
  if (value.type === 'yes_no') return (value.value === 'yes') === wantYes;
  if (value.type === 'flag') return value.value === wantYes;
  return false;
}

/** The upper end of a range, in the question's unit (its lower end when it has none). */
function upTo(value: Extract<SlotValue, { type: 'size' }>, unitMb: number): number {
  return (value.upToMb ?? value.mb) / unitMb;
}
