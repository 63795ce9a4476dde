import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { captureIo } from '../helpers/cliIo';

describe('helpdesk-bot kb lint', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kb-lint-'));
    cpSync('knowledge', dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a one-line summary and exits 0 on the shipped knowledge', async () => {
    const io = captureIo();
    expect(await runCli(['kb', 'lint', 'knowledge'], io)).toBe(0);
    expect(io.out()).toBe('knowledge: 3 entries in 3 files, no problems.\n');
  });

  it('prints each error of a broken copy of an entry with file:line:column and exits 1', async () => {
    const file = join(dir, 'kb5057589-winre-false-error.yaml');
    const original = readFileSync(file, 'utf8');
    const lines = original.split('\n');
    const flowLine = lines.findIndex((l) => l.includes('recovery_free_mb: { below: 250 }'));
    const typoLine = lines.findIndex((l) => l.startsWith('  require_any:'));
    lines[flowLine] = lines[flowLine].replace('recovery_free_mb', 'recovery_free');
    lines[typoLine] = lines[typoLine].replace('require_any', 'requires_any');
    writeFileSync(file, lines.join('\n'));

    const io = captureIo();
    expect(await runCli(['kb', 'lint', dir], io)).toBe(1);
    const err = io.err();
    expect(err).toContain(`${file}:${typoLine + 1}:3 match.requires_any: unknown key "requires_any"`);
    expect(err).toContain(`${file}:${flowLine + 1}:13 flow[3].when.recovery_free: unknown question "recovery_free" (declared: is_kb5057589, rebooted, recovery_free_mb, system_degraded, winre_disabled)`);
    expect(err.trim().split('\n').pop()).toBe('2 problems in 1 file; nothing was changed.');
  });

  it('reports both errors once the schema problem is fixed', async () => {
    const file = join(dir, 'kb5057589-winre-false-error.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('resolve: safe_to_ignore', 'resolve: safe_to_ignor').replace('then_ask: rebooted', 'then_ask: restarted'));
    const io = captureIo();
    expect(await runCli(['kb', 'lint', dir], io)).toBe(1);
    expect(io.err()).toMatch(/flow\[5\]\.resolve: unknown reply "safe_to_ignor" .*\n[\s\S]*hint: did you mean "safe_to_ignore"\?/);
    expect(io.err()).toContain('flow[2].then_ask: unknown question "restarted"');
    expect(io.err()).toContain('2 problems in 1 file');
  });

  it('refuses to serve broken knowledge and says where to look', async () => {
    writeFileSync(join(dir, 'extra.yaml'), 'id: extra\n');
    const io = captureIo({ stdin: '{"id":"a","turns":["hi"]}' });
    expect(await runCli(['replay', '-', '--knowledge', dir], io)).toBe(78);
    expect(io.err()).toContain('extra.yaml:1:1 title: required key is missing');
    expect(io.out()).toBe('');
  });
});

describe('helpdesk-bot kb explain', () => {
  it('shows signals, candidates with their verdicts, and the decision', async () => {
    const io = captureIo();
    expect(await runCli(['kb', 'explain', 'KB5057589 and KB5034441 fail with 0x80070643'], io)).toBe(0);
    const out = io.out();
    expect(out).toContain('updates: KB5057589, KB5034441');
    expect(out).toContain('errors:  0x80070643');
    expect(out).toMatch(/kb5057589-winre-false-error +score 15 +excluded by another update KB5034441/);
    expect(out).toMatch(/kb5034441-winre-partition-too-small +score 15 +qualifies/);
    expect(out).toContain('decision: match kb5034441-winre-partition-too-small');
  });

  it('prints the same explanation as JSON with --json', async () => {
    const io = captureIo();
    expect(await runCli(['kb', 'explain', '--json', 'windos recovery enviroment update faild'], io)).toBe(0);
    const result = JSON.parse(io.out());
    expect(result.decision).toEqual({ kind: 'match', entryId: 'kb5057589-winre-false-error' });
    expect(result.signals.corrections).toContainEqual({ typed: 'windos', as: 'windows' });
  });
});

describe('usage', () => {
  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['replay'], 'replay needs exactly one FILE'],
    [['kb'], 'kb needs a command'],
    [['kb', 'explain'], 'kb explain needs the message'],
    [['--nope'], "Unknown option '--nope'"],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const io = captureIo();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err()).toContain(message);
  });
});
