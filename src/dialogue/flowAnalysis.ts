/**
 * Static checks of an entry's decision table: every combination of answers must end in a rule
 * (a gap would leave the bot with nothing safe to say), and every rule must be reachable.
 */
import type { CompiledEntry } from '../knowledge/knowledgeBase';
import type { ConditionDefinition } from '../knowledge/schema';
import { evaluateTable } from './decisionTable';
import type { SlotValue } from './state';

export interface FlowFinding {
  code: 'flow-gap' | 'dead-rule' | 'unused-question' | 'unused-reply' | 'flow-too-large' | 'no-symptom';
  severity: 'error' | 'warning';
  path: Array<string | number>;
  message: string;
  hint?: string;
}

/** Above this many answer combinations the table is not enumerated. */
const MAX_COMBINATIONS = 20_000;

export function analyzeFlow(entry: CompiledEntry): FlowFinding[] {
  const findings: FlowFinding[] = [];
  const used = usedQuestions(entry);
  for (const [name, question] of entry.questions) {
    if (!used.has(name)) {
      findings.push({
        code: 'unused-question',
        severity: 'warning',
        path: ['questions', name],
        message: question.type === 'flag' ? `flag "${name}" is never tested in flow` : `question "${name}" is declared but never asked`,
        hint: 'use it in a flow rule, or remove it',
      });
    }
  }
  const usedReplies = new Set(entry.flow.flatMap((r) => [r.resolve, r.escalate, r.say].filter((x): x is string => x !== undefined)));
  for (const name of Object.keys(entry.replies)) {
    if (!usedReplies.has(name)) findings.push({ code: 'unused-reply', severity: 'warning', path: ['replies', name], message: `reply "${name}" is never used by flow` });
  }

  // Without a symptom, the employee's own description of the issue ("it failed again") is
  // trouble the entry does not account for, and holds every all-clear back.
  const resolves = entry.flow.findIndex((rule) => rule.resolve !== undefined);
  if (resolves >= 0 && entry.symptom.lexicon.length === 0 && entry.symptom.phrases.length === 0) {
    findings.push({
      code: 'no-symptom',
      severity: 'warning',
      path: ['flow', resolves],
      message: 'this entry can resolve but declares no symptom: "it failed", "the error is back" will hold every all-clear back',
      hint: 'add symptom: { lexicon: [update_failure] } (or the lexicon key and phrases that describe this issue)',
    });
  }

  const axes = [...used].filter((name) => entry.questions.has(name)).map((name) => ({ name, values: valuesFor(entry, name) }));
  const combinations = axes.reduce((n, axis) => n * axis.values.length, 1);
  if (combinations > MAX_COMBINATIONS) {
    findings.push({ code: 'flow-too-large', severity: 'warning', path: ['flow'], message: `${combinations} answer combinations are too many to check every path` });
    return findings;
  }
  const fired = new Set<number>();
  let gap: Record<string, SlotValue> | null = null;
  for (const slots of assignments(axes)) {
    const result = evaluateTable(entry, slots);
    if (result.kind === 'fire') fired.add(result.index);
    else if (result.kind === 'none') gap ??= slots;
  }
  if (gap) {
    findings.push({
      code: 'flow-gap',
      severity: 'error',
      path: ['flow'],
      message: `no rule applies when ${describeAssignment(gap)}; the bot would have to hand over without saying why`,
      hint: 'add a rule for this case, or a last rule without `when` that escalates',
    });
  }
  entry.flow.forEach((rule, index) => {
    if (!fired.has(index)) {
      findings.push({
        code: 'dead-rule',
        severity: 'warning',
        path: ['flow', index],
        message: 'this rule can never fire: earlier rules already decide every case it matches, or its conditions contradict each other',
        hint: 'move it up, or remove it',
      });
    }
  });
  return findings;
}

function usedQuestions(entry: CompiledEntry): Set<string> {
  const used = new Set<string>();
  for (const rule of entry.flow) {
    for (const name of Object.keys(rule.when ?? {})) used.add(name);
    if (rule.then_ask) used.add(rule.then_ask);
  }
  return used;
}

/** The answers worth trying for one question: both sides of every threshold the flow uses. */
function valuesFor(entry: CompiledEntry, name: string): SlotValue[] {
  const question = entry.questions.get(name)!;
  if (question.type === 'yes_no') return [{ type: 'yes_no', value: 'yes' }, { type: 'yes_no', value: 'no' }];
  if (question.type === 'flag') return [{ type: 'flag', value: false }, { type: 'flag', value: true }];
  const thresholds = entry.flow.flatMap((rule) => {
    const c = rule.when?.[name] as ConditionDefinition | undefined;
    if (!c || typeof c !== 'object') return [];
    return ['below' in c ? c.below : c.at_least];
  });
  const points = new Set<number>([0]);
  for (const t of thresholds) {
    const mb = t * question.unitMb;
    points.add(Math.max(0, mb - 0.001));
    points.add(mb);
    points.add(mb + 1);
  }
  return [...points].sort((a, b) => a - b).map((mb) => ({ type: 'size', mb }));
}

function* assignments(axes: Array<{ name: string; values: SlotValue[] }>, i = 0, acc: Record<string, SlotValue> = {}): Generator<Record<string, SlotValue>> {
  if (i === axes.length) {
    yield { ...acc };
    return;
  }
  for (const value of axes[i].values) {
    acc[axes[i].name] = value;
    yield* assignments(axes, i + 1, acc);
  }
}

function describeAssignment(slots: Record<string, SlotValue>): string {
  return Object.entries(slots)
    .map(([name, v]) => `${name} = ${v.type === 'size' ? `${Math.round(v.mb * 1000) / 1000} MB` : v.type === 'flag' ? String(v.value) : v.value}`)
    .join(', ');
}
