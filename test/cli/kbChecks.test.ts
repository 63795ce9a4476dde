import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { captureIo } from '../helpers/cliIo';

const fixtures = join('test', 'fixtures', 'knowledge');

describe('kb lint static checks', () => {
  it('finds gaps, dead rules, unused questions and replies, and overlapping entries', async () => {
    const io = captureIo();
    expect(await runCli(['kb', 'lint', join(fixtures, 'analysis')], io)).toBe(1);
    const err = io.err();
    expect(err).toMatch(/gappy\.yaml:16:3 flow: no rule applies when free_mb = 250 MB, rebooted = no/);
    expect(err).toMatch(/gappy\.yaml:20:5 flow\[2\]: warning: this rule can never fire/);
    expect(err).toMatch(/gappy\.yaml:13:5 questions\.never_asked: warning: question "never_asked" is declared but never asked/);
    expect(err).toMatch(/gappy\.yaml:25:11 replies\.orphan: warning: reply "orphan" is never used by flow/);
    // A resolving entry without a symptom: its own failure words would hold every all-clear back.
    expect(err).toMatch(/gappy\.yaml:\d+:\d+ flow\[\d\]: warning: this entry can resolve but declares no symptom/);
    expect(err).toMatch(/overlap-b\.yaml:4:3 match: warning: claims the same signals as overlap-a \(.*overlap-a\.yaml:4\): KB5000011, 0x80070643/);
    expect(err.trim().split('\n').pop()).toBe('1 problem in 1 file; nothing was changed.');
  });

  it('passes warnings-only knowledge with a summary that counts them', async () => {
    const io = captureIo();
    expect(await runCli(['kb', 'lint', join(fixtures, 'failing-examples')], io)).toBe(0);
    expect(io.out().trim()).toMatch(/1 entry in 1 file, no problems\.$/);
  });
});

describe('kb test', () => {
  it('passes on the shipped knowledge', async () => {
    const io = captureIo();
    expect(await runCli(['kb', 'test'], io)).toBe(0);
    expect(io.out()).toMatch(/^kb test: \d+ passed, 0 failed\n$/);
  });

  it('prints each failing example with its file:line and what happened instead, and exits 1', async () => {
    const io = captureIo();
    expect(await runCli(['kb', 'test', join(fixtures, 'failing-examples')], io)).toBe(1);
    const out = io.out();
    expect(out).toContain('FAIL test/fixtures/knowledge/failing-examples/wrong.yaml:12 "the printer is jammed" should match wrong-examples');
    expect(out).toContain('decision: no match (the bot does not engage)');
    expect(out).toContain('FAIL test/fixtures/knowledge/failing-examples/wrong.yaml:14 "KB5000012 again" should not match wrong-examples');
    expect(out).toContain('FAIL test/fixtures/knowledge/failing-examples/wrong.yaml:16 conversation should end resolved in wrong-examples, but ended escalated in wrong-examples');
    expect(out.trim().split('\n').pop()).toBe('kb test: 1 passed, 3 failed');
  });

  it('refuses knowledge that does not load', async () => {
    const io = captureIo();
    expect(await runCli(['kb', 'test', join(fixtures, 'broken')], io)).toBe(1);
    expect(io.err()).toContain('does not load');
  });

  it('runs as a real child process with the same exit code', () => {
    const run = spawnSync(process.execPath, ['bin/helpdesk-bot.js', 'kb', 'test', join(fixtures, 'failing-examples')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('kb test: 1 passed, 3 failed');
  });
});
