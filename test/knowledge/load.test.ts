import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeDir } from '../../src/knowledge/load';
import { formatProblem, type KnowledgeProblem } from '../../src/knowledge/problems';

const fixtures = join('test', 'fixtures', 'knowledge');
const broken = loadKnowledgeDir(join(fixtures, 'broken'));
const inFile = (name: string) => broken.problems.filter((p) => p.file.endsWith(name));
const where = (p: KnowledgeProblem) => `${p.file.split(/[\\/]/).pop()}:${p.line}:${p.column} ${p.path}`;

describe('loading broken knowledge', () => {
  it('collects the problems of every file instead of stopping at the first', () => {
    const files = new Set(broken.problems.map((p) => p.file.split(/[\\/]/).pop()));
    expect([...files].sort()).toEqual(['alias-bomb.yaml', 'bad-ids.yaml', 'bad-regex.yaml', 'syntax.yaml', 'unknown-key.yaml', 'unknown-question.yaml', 'wrong-types.yaml']);
    expect(broken.entries).toEqual([]);
  });

  it('points an unknown key at the key, with the allowed keys and a guess', () => {
    const [p] = inFile('unknown-key.yaml');
    expect(where(p)).toBe('unknown-key.yaml:5:3 match.requires_any');
    expect(p.message).toContain('unknown key "requires_any"');
    expect(p.message).toContain('require_any');
    expect(p.hint).toBe('did you mean "require_any"?');
    expect(p.sourceLine).toBe('  requires_any: [updates]');
  });

  it('names the expected and the found type', () => {
    const problems = inFile('wrong-types.yaml').map((p) => `${where(p)}: ${p.message}`);
    expect(problems).toEqual([
      'wrong-types.yaml:4:12 match.updates: expected a list, found text "KB5000002"',
      'wrong-types.yaml:8:13 replies.handover: expected text, found number 42',
    ]);
  });

  it('names undeclared questions with the declared ones, and unknown placeholders', () => {
    const problems = inFile('unknown-question.yaml').map((p) => `${where(p)}: ${p.message}`);
    expect(problems).toContain('unknown-question.yaml:15:13 flow[1].when.recovery_free: unknown question "recovery_free" (declared: rebooted, recovery_free_mb)');
    expect(problems).toContain('unknown-question.yaml:19:13 replies.handover: {recovery_space} is not a question (declared: rebooted, recovery_free_mb)');
    expect(inFile('unknown-question.yaml').find((p) => p.code === 'unknown-question')?.hint).toBe('did you mean "recovery_free_mb"?');
  });

  it('refuses invalid regular expressions and ones that can backtrack catastrophically', () => {
    const problems = inFile('bad-regex.yaml');
    expect(problems.map((p) => [p.code, where(p)])).toEqual([
      ['bad-regex', 'bad-regex.yaml:12:16 questions.degraded.when[0].regex'],
      ['unsafe-regex', 'bad-regex.yaml:13:16 questions.degraded.when[1].regex'],
      ['bad-regex', 'bad-regex.yaml:7:16 match.exclude.phrases[0].regex'],
    ]);
  });

  it('reports YAML syntax errors where they are', () => {
    const [p] = inFile('syntax.yaml');
    expect(p.code).toBe('yaml-syntax');
    expect(p.line).toBe(2);
  });

  it('refuses alias bombs without expanding them', () => {
    const [p] = inFile('alias-bomb.yaml');
    expect(p.code).toBe('yaml-aliases');
  });

  it('refuses malformed update ids and error codes (1603 alone identifies nothing)', () => {
    expect(inFile('bad-ids.yaml').map((p) => `${where(p)} ${p.code}`)).toEqual([
      'bad-ids.yaml:4:13 match.updates[0] bad-update-id',
      'bad-ids.yaml:4:19 match.updates[1] bad-update-id',
      'bad-ids.yaml:5:12 match.errors[0] bad-error-code',
    ]);
  });

  it('finds one id used by two files and names both places', () => {
    const result = loadKnowledgeDir(join(fixtures, 'duplicates'));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].message).toMatch(/id "same-id" is already used by .*one\.yaml:1:5/);
    expect(where(result.problems[0])).toBe('two.yaml:1:5 id');
  });

  it('formats a problem as file:line:column, path, message, source line and caret', () => {
    const text = formatProblem(inFile('unknown-key.yaml')[0]);
    expect(text.split('\n')).toEqual([
      expect.stringMatching(/unknown-key\.yaml:5:3 match\.requires_any: unknown key "requires_any"/),
      '      requires_any: [updates]',
      '      ^',
      '    hint: did you mean "require_any"?',
    ]);
  });

  it('loads a good folder with no problems', () => {
    const result = loadKnowledgeDir(join(fixtures, 'good'));
    expect(result.problems).toEqual([]);
    expect(result.entries.map((e) => e.definition.id)).toEqual(['kb5034441-winre-partition-too-small']);
  });

  it('says so when the folder is missing', () => {
    const result = loadKnowledgeDir(join(fixtures, 'does-not-exist'));
    expect(result.problems[0].code).toBe('unreadable-dir');
  });

  it('reads the same entries with the fast parser as with the careful one', () => {
    for (const dir of ['knowledge', join(fixtures, 'good'), join(fixtures, 'failing-examples')]) {
      const fast = loadKnowledgeDir(dir);
      const careful = loadKnowledgeDir(dir, { thorough: true });
      expect(fast.problems).toEqual(careful.problems);
      expect(fast.entries.map((e) => e.definition)).toEqual(careful.entries.map((e) => e.definition));
      expect(fast.entries.map((e) => e.at(['flow', 0]))).toEqual(careful.entries.map((e) => e.at(['flow', 0])));
    }
  });

  it('loads entries that use anchors and aliases through the careful parser', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-alias-'));
    writeFileSync(
      join(dir, 'alias.yaml'),
      ['id: with-alias', 'title: Uses an alias', 'match:', '  updates: &ids [KB5000020]', 'flow:', '  - escalate: handover', 'replies:', '  handover: &text A person will help.', '  again: *text', 'examples:', '  match: [KB5000020 fails]', ''].join('\n'),
    );
    const result = loadKnowledgeDir(dir);
    expect(result.problems).toEqual([]);
    expect(result.entries[0].definition.replies).toEqual({ handover: 'A person will help.', again: 'A person will help.' });
  });
});
