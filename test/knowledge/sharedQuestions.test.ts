import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileEntry, type SharedQuestions } from '../../src/knowledge/knowledgeBase';
import { loadKnowledgeDir } from '../../src/knowledge/load';
import type { KnowledgeProblem } from '../../src/knowledge/problems';
import type { EntryDefinition, QuestionDefinition } from '../../src/knowledge/schema';
import { readTurn } from '../../src/dialogue/slots';
import { shippedKnowledge } from '../helpers/knowledge';

const lexicon = shippedKnowledge().lexicon;

const where = (p: KnowledgeProblem) => `${p.file.split(/[\\/]/).slice(-2).join('/')}:${p.line}:${p.column} ${p.code}`;
const ENTRY = 'kb5057589-winre-false-error.yaml';

describe('shared questions', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  /** The shipped knowledge with one file's text changed. */
  const loadWith = (file: string, change: (text: string) => string) => {
    const dir = mkdtempSync(join(tmpdir(), 'helpdesk-shared-'));
    dirs.push(dir);
    cpSync('knowledge', dir, { recursive: true });
    writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
    return loadKnowledgeDir(dir, { thorough: true });
  };

  it('give the shipped entry its restart, free-space and symptom questions', () => {
    const result = loadKnowledgeDir('knowledge', { thorough: true });
    expect(result.problems).toEqual([]);
    expect([...result.sharedQuestions.keys()]).toEqual(['restart_since_update', 'recovery_partition_free_space', 'system_degraded', 'winre_disabled']);
  });

  it('points an unknown name at its place in the entry, with the nearest shared name', () => {
    const result = loadWith(ENTRY, (t) => t.replace('shared: restart_since_update', 'shared: restart_since_updates'));
    expect(result.problems.map(where)).toEqual([expect.stringMatching(/kb5057589-winre-false-error\.yaml:\d+:\d+ unknown-shared-question$/)]);
    expect(result.problems[0].sourceLine).toContain('restart_since_updates');
    expect(result.problems[0].hint).toBe('did you mean "restart_since_update"?');
    expect(result.problems[0].path).toBe('questions.rebooted.shared');
  });

  it('refuses a shared question of another type', () => {
    const result = loadWith(ENTRY, (t) => t.replace('\nquestions:\n', '\nquestions:\n  also_rebooted: { type: flag, shared: restart_since_update }\n'));
    expect(result.problems.map((p) => `${p.code} ${p.path}: ${p.message}`)).toEqual(['shared-type questions.also_rebooted.shared: "restart_since_update" is a yes_no question, and "also_rebooted" is flag']);
  });

  it('checks the shared file like an entry: unknown keys and missing wording, at their line and column', () => {
    const result = loadWith(join('shared', 'questions.yaml'), (t) => `${t}\nextra_question:\n  type: yes_no\n  yes_wen: [yes]\n`);
    expect(result.problems.map(where)).toEqual([expect.stringMatching(/shared\/questions\.yaml:\d+:3 unknown-key$/)]);
    expect(result.problems[0].hint).toBe('did you mean "yes_when"?');
    const unasked = loadWith(join('shared', 'questions.yaml'), (t) => `${t}\nextra_question:\n  type: yes_no\n  yes_when: [yes]\n`);
    expect(unasked.problems.map((p) => `${p.code} ${p.path}`)).toEqual(['missing-ask extra_question']);
  });

  it("put the entry's own words first and take what it leaves out from the shared question", () => {
    const shared: SharedQuestions = new Map<string, QuestionDefinition>([
      ['printer_reset', { type: 'yes_no', ask: 'Have you reset the printer?', yes_when: ['reset it'], help: 'Hold the power button.' }],
    ]);
    const def: EntryDefinition = {
      id: 'printer-jam',
      title: 'Printer jam',
      match: { phrases: ['paper jam'] },
      questions: { reset: { type: 'yes_no', shared: 'printer_reset', yes_when: ['power cycled'] } },
      flow: [{ when: { reset: 'yes' }, resolve: 'done' }],
      replies: { done: 'Done.' },
    };
    const entry = compileEntry(def, 'printer-jam.yaml', undefined, shared);
    const reset = entry.questions.get('reset')!;
    expect(reset).toMatchObject({ ask: 'Have you reset the printer?', help: 'Hold the power button.' });
    expect(reset.type === 'yes_no' && reset.yesWhen.map((d) => d.text)).toEqual(['power cycled', 'reset it']);
    expect(readTurn(entry, lexicon, 'I power cycled it', null).filled).toEqual({ reset: { type: 'yes_no', value: 'yes' } });
  });

  it('applies the restart reader only where a question names it', () => {
    const question = (reader?: 'restart_since_update'): EntryDefinition => ({
      id: 'kiosk',
      title: 'Kiosk',
      match: { phrases: ['kiosk app'] },
      questions: { restarted: { type: 'yes_no', ask: 'Restarted?', yes_when: ['restarted'], ...(reader && { reader }) } },
      flow: [{ when: { restarted: 'yes' }, resolve: 'done' }],
      replies: { done: 'Done.' },
    });
    // A restart this morning after a failure this afternoon cannot be put after the update.
    const said = 'yes, restarted this morning';
    const earlier = 'the kiosk app failed this afternoon';
    expect(readTurn(compileEntry(question('restart_since_update'), 'k.yaml'), lexicon, said, 'restarted', earlier).filled).toEqual({});
    expect(readTurn(compileEntry(question(), 'k.yaml'), lexicon, said, 'restarted', earlier).filled).toEqual({ restarted: { type: 'yes_no', value: 'yes' } });
    // Sleep, a closed lid or a time before the update hold back a restart only.
    for (const answer of ['yes, I closed the lid', 'yes, that was before the update']) {
      expect(readTurn(compileEntry(question('restart_since_update'), 'k.yaml'), lexicon, answer, 'restarted').dontKnow).toBe(true);
      expect(readTurn(compileEntry(question(), 'k.yaml'), lexicon, answer, 'restarted').filled).toEqual({ restarted: { type: 'yes_no', value: 'yes' } });
    }
  });

  it('works free space out of used and total figures only where a size question names that reader', () => {
    const entryWith = (reader?: 'free_space_from_usage'): EntryDefinition => ({
      id: 'quota',
      title: 'Quota',
      match: { phrases: ['quota banner'] },
      questions: { free_mb: { type: 'size', ask: 'How much is free?', context: ['partition'], not_about: ['used'], ...(reader && { reader }) } },
      flow: [{ when: { free_mb: { below: 250 } }, escalate: 'low' }, { when: { free_mb: { at_least: 250 } }, resolve: 'fine' }],
      replies: { low: 'Low.', fine: 'Fine.' },
    });
    const said = 'only 50 MB used of 500 MB';
    expect(readTurn(compileEntry(entryWith('free_space_from_usage'), 'q.yaml'), lexicon, said, 'free_mb').filled.free_mb).toMatchObject({ mb: 450 });
    expect(readTurn(compileEntry(entryWith(), 'q.yaml'), lexicon, said, 'free_mb').filled.free_mb).toBeUndefined();
  });
});
