import { conditionHolds, evaluateTable } from '../../src/dialogue/decisionTable';
import type { SizeBound } from '../../src/dialogue/answers';
import { compileEntry } from '../../src/knowledge/knowledgeBase';
import { FALSE_ERROR, shippedKnowledge } from '../helpers/knowledge';

const entry = shippedKnowledge().get(FALSE_ERROR)!;
const yes = { type: 'yes_no', value: 'yes' } as const;
/** The update named (as KB5057589 or April 2025): the resolution needs it. */
const named = { is_kb5057589: yes };
const no = { type: 'yes_no', value: 'no' } as const;
const size = (mb: number) => ({ type: 'size', mb }) as const;
const bounded = (mb: number, bound: SizeBound) => ({ type: 'size', mb, bound }) as const;

describe('the KB5057589 decision table', () => {
  it('asks about the restart first, because that rule comes first', () => {
    expect(evaluateTable(entry, {})).toMatchObject({ kind: 'ask', question: 'rebooted' });
  });

  it('asks for the restart even when the space is already known', () => {
    expect(evaluateTable(entry, { recovery_free_mb: size(800) })).toMatchObject({ kind: 'ask', question: 'rebooted' });
  });

  it('sends a PC that was not restarted to restart', () => {
    expect(evaluateTable(entry, { rebooted: no })).toMatchObject({ kind: 'fire', rule: { say: 'restart_first', then_ask: 'rebooted' } });
  });

  it('then asks for the free space', () => {
    expect(evaluateTable(entry, { rebooted: yes })).toMatchObject({ kind: 'ask', question: 'recovery_free_mb' });
  });

  it.each([
    [250, 'resolve'],
    [249.999, 'escalate'],
    [0.1, 'escalate'],
    [1024, 'resolve'],
  ])('with %d MB free: %s', (free, action) => {
    const result = evaluateTable(entry, { ...named, rebooted: yes, recovery_free_mb: size(free) });
    expect(result.kind).toBe('fire');
    expect(result.kind === 'fire' && Object.keys(result.rule)).toContain(action);
  });

  it('escalates a degraded system before anything else', () => {
    expect(evaluateTable(entry, { system_degraded: { type: 'flag', value: true }, rebooted: yes, recovery_free_mb: size(900) })).toMatchObject({
      kind: 'fire',
      rule: { escalate: 'system_degraded' },
    });
  });

  it('escalates too little space at once, without waiting for the restart answer', () => {
    expect(evaluateTable(entry, { recovery_free_mb: size(100) })).toMatchObject({ kind: 'fire', rule: { escalate: 'recovery_partition_too_small' } });
  });

  it('resolves on a bound that settles the threshold, and asks again on one that does not', () => {
    expect(evaluateTable(entry, { ...named, rebooted: yes, recovery_free_mb: bounded(300, 'above') })).toMatchObject({ kind: 'fire', rule: { resolve: 'safe_to_ignore' } });
    expect(evaluateTable(entry, { rebooted: yes, recovery_free_mb: bounded(250, 'below') })).toMatchObject({ kind: 'fire', rule: { escalate: 'recovery_partition_too_small' } });
    expect(evaluateTable(entry, { rebooted: yes, recovery_free_mb: bounded(1024, 'below') })).toEqual({ kind: 'ask', question: 'recovery_free_mb', index: 3, unsettled: true });
    expect(evaluateTable(entry, { rebooted: yes, recovery_free_mb: bounded(300, 'at_most') })).toMatchObject({ kind: 'ask', unsettled: true });
  });

  it('asks which update it is last, only when it was not named, and hands over when it is another', () => {
    expect(evaluateTable(entry, { rebooted: yes, recovery_free_mb: size(400) })).toMatchObject({ kind: 'ask', question: 'is_kb5057589' });
    expect(evaluateTable(entry, { is_kb5057589: no, rebooted: yes, recovery_free_mb: size(400) })).toMatchObject({ kind: 'fire', rule: { escalate: 'another_update' } });
  });

  it('escalates WinRE disabled before asking anything', () => {
    expect(evaluateTable(entry, { winre_disabled: { type: 'flag', value: true } })).toMatchObject({ kind: 'fire', rule: { escalate: 'winre_disabled' } });
  });
});

describe('conditionHolds on a size with a bound', () => {
  const below = { below: 250 };
  const atLeast = { at_least: 250 };
  it.each([
    // [size, bound, below 250, at least 250]
    [250, 'below', true, false],
    [300, 'below', null, null],
    [249, 'at_most', true, false],
    [250, 'at_most', null, null],
    [250, 'at_least', false, true],
    [200, 'at_least', null, null],
    [250, 'above', false, true],
    [249, 'above', null, null],
    [400, 'about', false, true],
    [80, 'about', true, false],
    [250, 'about', null, null],
    [270, 'about', null, null],
  ] as const)('%d MB %s: below 250 %p, at least 250 %p', (mb, bound, isBelow, isAtLeast) => {
    expect(conditionHolds(below, bounded(mb, bound))).toBe(isBelow);
    expect(conditionHolds(atLeast, bounded(mb, bound))).toBe(isAtLeast);
  });

  it.each([
    [100, 200, true, false],
    [300, 400, false, true],
    [200, 300, null, null],
  ] as const)('a range %d-%d MB: below 250 %p, at least 250 %p', (mb, upToMb, isBelow, isAtLeast) => {
    const range = { type: 'size', mb, bound: 'between', upToMb } as const;
    expect(conditionHolds(below, range)).toBe(isBelow);
    expect(conditionHolds(atLeast, range)).toBe(isAtLeast);
  });
});

describe('an escalation further down the table', () => {
  const flowEntry = (flow: unknown[]) =>
    compileEntry(
      {
        id: 'flow-test',
        title: 'Flow test',
        match: { updates: ['KB5000001'] },
        questions: {
          checked: { type: 'yes_no', ask: 'Checked?' },
          broken: { type: 'flag', when: ['broken'] },
        },
        flow,
        replies: { fine: 'Fine.', hand_over: 'A person will help.' },
      } as never,
      'flow-test.yaml',
    );

  it('acts before earlier questions once the answers given make it hold', () => {
    const e = flowEntry([{ when: { checked: 'yes' }, resolve: 'fine' }, { when: { broken: true }, escalate: 'hand_over' }, { escalate: 'hand_over' }]);
    expect(evaluateTable(e, { broken: { type: 'flag', value: true } })).toMatchObject({ kind: 'fire', index: 1 });
  });

  it('does not act on a row without conditions, or on flags nobody raised', () => {
    const e = flowEntry([{ when: { checked: 'yes' }, resolve: 'fine' }, { when: { broken: false }, escalate: 'hand_over' }, { escalate: 'hand_over' }]);
    expect(evaluateTable(e, {})).toMatchObject({ kind: 'ask', question: 'checked' });
  });
});
