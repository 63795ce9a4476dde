import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { captureIo } from '../helpers/cliIo';

describe('the terminal chat', () => {
  it('chats to a resolution, with numbered options that can be picked by number', async () => {
    const io = captureIo({ stdin: 'KB5057589 failed with 0x80070643\n1\n2\nthanks\nquit\n' });
    expect(await runCli(['chat'], io)).toBe(0);
    const out = io.out();
    expect(out).toContain('Has the PC restarted since the update was installed?');
    expect(out).toContain("[1] Yes  [2] No  [3] I don't know  [4] Talk to a person");
    expect(out).toContain('(Yes)');
    expect(out).toContain('[1] Less than 250 MB  [2] 250 MB or more');
    expect(out).toContain('(250 MB or more)');
    expect(out).toContain('safe to ignore');
    expect(out).toContain('(resolved; a new question starts a new conversation, a problem with this one goes to a person)');
    // "thanks" keeps it resolved: no second note, and not the "don't know" fallback.
    expect(out.split('(resolved;').length).toBe(2);
    expect(out).not.toContain("I don't know this one yet.");
  });

  it('hands a problem reported after a resolution to a person, with the earlier answers', async () => {
    const io = captureIo({ stdin: 'KB5057589 failed with 0x80070643\n1\n2\nnow it keeps crashing\n', env: { USER: 'ana' } });
    expect(await runCli(['chat'], io)).toBe(0);
    const out = io.out();
    expect(out).toContain('safe to ignore');
    expect(out).toContain('│ reason:  reopened_after_resolution');
    expect(out).toContain('│   employee: now it keeps crashing');
    expect(out).toContain('(conversation closed; a new message starts a new one)');
  });

  it('prints the escalation record that support would receive', async () => {
    const io = captureIo({ stdin: 'KB5034441 failed with 0x80070643\n', env: { USER: 'ana' } });
    expect(await runCli(['chat'], io)).toBe(0);
    const out = io.out();
    expect(out).toContain('escalated to IT support');
    expect(out).toContain('│ who:     ana');
    expect(out).toContain('│ entry:   kb5034441-winre-partition-too-small');
    expect(out).toContain('│ reason:  recovery_partition_too_small');
    expect(out).toContain('│   employee: KB5034441 failed with 0x80070643');
  });

  it('starts the chat with `start` when no channel is configured', async () => {
    const io = captureIo({ stdin: 'hi\n' });
    expect(await runCli(['start'], io)).toBe(0);
    expect(io.out()).toContain("I don't know this one yet.");
  });

  it('serves instead when .env configures a channel', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-env-'));
    writeFileSync(join(dir, '.env'), 'TEAMS_ENABLED=true\nPORT=not-a-port\n');
    const io = captureIo({ stdin: 'hi\n', cwd: dir });
    expect(await runCli(['start'], io)).toBe(78);
    expect(io.err()).toContain('configuration error: PORT must be a whole number');
  });
});
