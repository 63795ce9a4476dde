/** Evaluates an entry's ordered decision table against the answers known so far. */
import type { CompiledEntry } from '../knowledge/knowledgeBase';
import type { ConditionDefinition, RuleDefinition } from '../knowledge/schema';
import type { SlotValue } from './state';

export type TableResult =
  /** A rule's conditions all hold: act on it. */
  | { kind: 'fire'; rule: RuleDefinition; index: number }
  /** The first rule that could still fire needs this answer. */
  | { kind: 'ask'; question: string; index: number }
  /** Every rule is ruled out: the table has a gap, and a person must decide. */
  | { kind: 'none' };

/**
 * Rules are tried in order. A condition on an unanswered question that can be asked makes the
 * rule undecided, and the bot asks rather than skip to a later rule: the order of the table is
 * the order of the questions. Flags nobody raised count as false.
 */
export function evaluateTable(entry: CompiledEntry, slots: Readonly<Record<string, SlotValue>>): TableResult {
  for (let index = 0; index < entry.flow.length; index++) {
    const rule = entry.flow[index];
    let unknown: string | null = null;
    let holds = true;
    for (const [name, condition] of Object.entries(rule.when ?? {})) {
      const question = entry.questions.get(name);
      const value = slots[name] ?? (question?.type === 'flag' ? ({ type: 'flag', value: false } as const) : undefined);
      if (value === undefined) {
        unknown ??= name;
        continue;
      }
      if (!conditionHolds(condition, value, question?.type === 'size' ? question.unitMb : 1)) {
        holds = false;
        break;
      }
    }
    if (!holds) continue;
    if (unknown !== null) return { kind: 'ask', question: unknown, index };
    return { kind: 'fire', rule, index };
  }
  return { kind: 'none' };
}

/** Whether one condition holds; size thresholds are in the question's unit (`unitMb` MB each). */
export function conditionHolds(condition: ConditionDefinition, value: SlotValue, unitMb = 1): boolean {
  if (typeof condition === 'object') {
    if (value.type !== 'size') return false;
    const size = value.mb / unitMb;
    return 'below' in condition ? size < condition.below : size >= condition.at_least;
  }
  const wantYes = condition === true || condition === 'yes';
  if (value.type === 'yes_no') return (value.value === 'yes') === wantYes;
  if (value.type === 'flag') return value.value === wantYes;
  return false;
}
