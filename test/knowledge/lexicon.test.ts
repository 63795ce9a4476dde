import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeDir } from '../../src/knowledge/load';
import { REQUIRED_KEYS } from '../../src/knowledge/lexicon';
import type { KnowledgeProblem } from '../../src/knowledge/problems';

const where = (p: KnowledgeProblem) => `${p.file.split(/[\\/]/).slice(-3).join('/')}:${p.line}:${p.column} ${p.code}`;

/** A copy of the shipped knowledge, with `change` applied to it. */
function shippedCopy(change: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'helpdesk-lexicon-'));
  cpSync('knowledge', dir, { recursive: true });
  change(dir);
  return dir;
}

describe('the shared lexicon', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const load = (change: (dir: string) => void) => {
    const dir = shippedCopy(change);
    dirs.push(dir);
    return loadKnowledgeDir(dir, { thorough: true });
  };

  it('loads with the shipped knowledge, every language merged and no file read as an entry', () => {
    const result = loadKnowledgeDir('knowledge', { thorough: true });
    expect(result.problems).toEqual([]);
    expect(result.entries.map((e) => e.definition.id).sort()).toEqual(['0x80070643-unlisted-update', 'kb5034441-winre-partition-too-small', 'kb5057589-winre-false-error']);
    for (const key of REQUIRED_KEYS) expect(result.lexicon.has(key)).toBe(true);
    // Spanish and English trouble words are one key.
    expect(result.lexicon.detectors('trouble').map((d) => d.text)).toEqual(expect.arrayContaining(['crash', 'no funciona']));
  });

  it('points a wrong value at its file, line and column', () => {
    const result = load((dir) => writeFileSync(join(dir, 'shared', 'lexicon', 'sv.yaml'), 'language: sv\ntrouble:\n  - fel\n  - 42\n'));
    expect(result.problems.map(where)).toEqual(['shared/lexicon/sv.yaml:4:5 lexicon-invalid']);
    expect(result.problems[0].message).toBe('expected a word or phrase, or { regex: "..." }, found 42');
  });

  it('refuses a pattern that could hang the bot, at its place', () => {
    const result = load((dir) => writeFileSync(join(dir, 'shared', 'lexicon', 'ko.yaml'), 'language: ko\nperson_request:\n  - regex: "(a+)+b"\n'));
    expect(result.problems.map(where)).toEqual(['shared/lexicon/ko.yaml:3:12 unsafe-regex']);
  });

  it('refuses a key that is no name, and a file that is no mapping', () => {
    const result = load((dir) => {
      writeFileSync(join(dir, 'shared', 'lexicon', 'sv.yaml'), 'language: sv\nTrouble Words: [fel]\n');
      writeFileSync(join(dir, 'shared', 'lexicon', 'da.yaml'), '- fejl\n');
    });
    expect(result.problems.map(where).sort()).toEqual(['shared/lexicon/da.yaml:1:1 lexicon-invalid', 'shared/lexicon/sv.yaml:2:1 bad-name']);
  });

  it('reports an unknown lexicon key named by an entry at its place in the entry', () => {
    const result = load((dir) => {
      const file = join(dir, 'kb5057589-winre-false-error.yaml');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace('lexicon: [update_failure]', 'lexicon: [update_failures]'));
    });
    expect(result.problems.map(where)).toEqual([expect.stringMatching(/kb5057589-winre-false-error\.yaml:\d+:\d+ unknown-lexicon-key$/)]);
    expect(result.problems[0].hint).toBe('did you mean "update_failure"?');
    expect(result.problems[0].sourceLine).toContain('update_failures');
  });

  it('is required once an entry can say "safe to ignore", and names the key that is missing', () => {
    const without = load((dir) => rmSync(join(dir, 'shared', 'lexicon'), { recursive: true }));
    expect(without.problems.map((p) => p.code)).toEqual(['no-lexicon']);
    const partial = load((dir) => {
      rmSync(join(dir, 'shared', 'lexicon'), { recursive: true });
      mkdirSync(join(dir, 'shared', 'lexicon'));
      writeFileSync(join(dir, 'shared', 'lexicon', 'en.yaml'), 'language: en\ntrouble: [crash]\n');
    });
    expect(partial.problems.map((p) => p.message)).toContain('no language file has the key "something_else"');
  });
});
