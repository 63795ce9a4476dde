/**
 * A fake Slack Web API on 127.0.0.1 for the Slack benchmark: answers every method the adapter
 * calls with `ok: true` and counts the calls, so the bot's replies are really posted somewhere.
 */
import { createServer, type Server } from 'node:http';

export interface FakeSlackApi {
  /** Base URL for SLACK_API_URL, ending in `/`. */
  url: string;
  calls: Record<string, number>;
  reset(): void;
  close(): Promise<void>;
}

export function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: Record<string, number> = {};
  let seq = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
      calls[method] = (calls[method] ?? 0) + 1;
      const body = Buffer.concat(chunks).toString('utf8');
      const channel = /"channel"\s*:\s*"([^"]+)"|channel=([^&]+)/.exec(body)?.slice(1).find(Boolean) ?? 'D000000000';
      seq += 1;
      const ts = `${1_800_000_000 + seq}.000100`;
      const answer =
        method === 'auth.test'
          ? { ok: true, user_id: 'U0BENCHBOT', bot_id: 'B0BENCH01', team_id: 'T0BENCH01', user: 'helpdesk', team: 'bench' }
          : method === 'chat.getPermalink'
            ? { ok: true, channel, permalink: `https://bench.slack.com/archives/${channel}/p${seq}` }
            : { ok: true, channel, ts, message: { ts, text: '' } };
      const json = JSON.stringify(answer);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
      res.end(json);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}/api/`,
        calls,
        reset: () => {
          for (const k of Object.keys(calls)) delete calls[k];
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
