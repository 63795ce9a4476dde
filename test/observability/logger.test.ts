import { Writable } from 'node:stream';
import { createLogger } from '../../src/observability/logger';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  const secrets = ['s3cr3t-signing-value', 'xoxb-1111-2222-abcdefghij', 'app-password-value'];

  it('writes one JSON object per line', () => {
    const { lines, destination } = capture();
    const log = createLogger({ destination, pretty: false });
    log.info({ channel: 'slack', outcome: 'resolved' }, 'message handled');
    expect(JSON.parse(lines[0])).toMatchObject({ level: 30, channel: 'slack', outcome: 'resolved', msg: 'message handled', service: 'helpdesk-bot' });
  });

  it('never prints configured secrets or token-shaped strings, wherever they hide', () => {
    const { lines, destination } = capture();
    const log = createLogger({ destination, pretty: false, secrets });
    log.info({ config: { signingSecret: secrets[0], botToken: secrets[1] } }, 'starting');
    log.error({ err: `request failed with token ${secrets[1]} and ${secrets[2]}` }, `auth failed for ${secrets[0]}`);
    log.warn({ url: 'redis://user:hunter2pass@127.0.0.1:6379/0' }, 'reconnecting');
    log.info({ headers: { authorization: 'Bearer abcdefghijklmnopqrstuvwxyz0123' } }, 'inbound');
    log.info({ note: 'xapp-1-A0123-456789-abcdef' }, 'socket');
    const all = lines.join('');
    for (const secret of [...secrets, 'hunter2pass', 'abcdefghijklmnopqrstuvwxyz0123', 'xapp-1-A0123-456789-abcdef']) expect(all).not.toContain(secret);
    expect(all).toContain('[redacted]');
    expect(all).toContain('127.0.0.1:6379');
  });
});
