import { compileKnowledge, type CompiledQuestion } from '../../src/knowledge/knowledgeBase';
import type { LoadedEntry } from '../../src/knowledge/load';
import type { EntryDefinition } from '../../src/knowledge/schema';

const entry = (id: string, yesWhen: string[]): LoadedEntry => ({
  file: `${id}.yaml`,
  at: () => ({ line: 1, column: 1, sourceLine: '' }),
  definition: {
    id,
    title: id,
    match: { updates: ['KB5000001'] },
    questions: { rebooted: { type: 'yes_no', ask: 'Restarted?', yes_when: yesWhen, no_when: ['not yet'] } },
    flow: [{ escalate: 'x' }],
    replies: { x: 'x' },
  } as EntryDefinition,
});

const yesWhen = (q: CompiledQuestion | undefined) => (q?.type === 'yes_no' ? q.yesWhen : undefined);

describe('compiling knowledge', () => {
  it('shares one compiled list between entries that write the same phrases', () => {
    const kb = compileKnowledge([entry('a', ['restarted', 'rebooted']), entry('b', ['restarted', 'rebooted']), entry('c', ['rebooted'])]);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => kb.get(id)!.questions.get('rebooted'));
    expect(yesWhen(a)).toBe(yesWhen(b));
    expect(yesWhen(c)).not.toBe(yesWhen(a));
    expect(yesWhen(c)!.map((d) => d.text)).toEqual(['rebooted']);
    expect(yesWhen(a)!.map((d) => d.text)).toEqual(['restarted', 'rebooted']);
  });
});
