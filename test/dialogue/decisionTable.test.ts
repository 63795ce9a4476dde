import { evaluateTable } from '../../src/dialogue/decisionTable';
import { FALSE_ERROR, shippedKnowledge } from '../helpers/knowledge';

const entry = shippedKnowledge().get(FALSE_ERROR)!;
const yes = { type: 'yes_no', value: 'yes' } as const;
const no = { type: 'yes_no', value: 'no' } as const;
const size = (mb: number) => ({ type: 'size', mb }) as const;

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
    const result = evaluateTable(entry, { rebooted: yes, recovery_free_mb: size(free) });
    expect(result.kind).toBe('fire');
    expect(result.kind === 'fire' && Object.keys(result.rule)).toContain(action);
  });

  it('escalates a degraded system before anything else', () => {
    expect(evaluateTable(entry, { system_degraded: { type: 'flag', value: true }, rebooted: yes, recovery_free_mb: size(900) })).toMatchObject({
      kind: 'fire',
      rule: { escalate: 'system_degraded' },
    });
  });

  it('escalates WinRE disabled before asking anything', () => {
    expect(evaluateTable(entry, { winre_disabled: { type: 'flag', value: true } })).toMatchObject({ kind: 'fire', rule: { escalate: 'winre_disabled' } });
  });
});
