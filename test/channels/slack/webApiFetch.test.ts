import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { webApiFetch } from '../../../src/channels/slack/webApiFetch';

// The real WebClient over loopback, with our transport: what it sends, and how it reads answers.
type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let server: Server;
let handler: Handler;
const received: Array<{ url: string; body: string; auth?: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body, auth: req.headers.authorization });
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => (received.length = 0));

const client = (options: webApi.WebClientOptions = {}) =>
  new webApi.WebClient('xoxb-test', {
    slackApiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    fetch: webApiFetch,
    retryConfig: { retries: 0 },
    logLevel: webApi.LogLevel.ERROR,
    ...options,
  });
const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string | string[]> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(value));
};

describe('the Web API transport', () => {
  it('sends the call form-encoded with the token and returns the parsed answer', async () => {
    handler = (_req, _body, res) => json(res, 200, { ok: true, ts: '1700000000.000100', text: 'Grüße ✅' }, { 'x-oauth-scopes': ['chat:write', 'reactions:write'] });
    const result = await client().chat.postMessage({ channel: 'D1', text: 'Has the PC restarted?', blocks: [{ type: 'divider' }] });
    expect(result).toMatchObject({ ok: true, ts: '1700000000.000100', text: 'Grüße ✅' });
    // A repeated header reaches the client joined, as fetch gives it.
    expect(result.response_metadata?.scopes).toEqual(['chat:write', 'reactions:write']);
    const [call] = received;
    expect(call.url).toBe('/api/chat.postMessage');
    expect(call.auth).toBe('Bearer xoxb-test');
    const form = new URLSearchParams(call.body);
    expect(form.get('text')).toBe('Has the PC restarted?');
    expect(JSON.parse(form.get('blocks')!)).toEqual([{ type: 'divider' }]);
  });

  it('reports an HTTP error with its status and body', async () => {
    handler = (_req, _body, res) => {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('upstream down');
    };
    await expect(client().chat.postMessage({ channel: 'D1', text: 'x' })).rejects.toMatchObject({
      code: webApi.ErrorCode.HTTPError,
      statusCode: 503,
      body: 'upstream down',
    });
  });

  it('reads Retry-After on a 429', async () => {
    handler = (_req, _body, res) => json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '7' });
    await expect(client({ rejectRateLimitedCalls: true }).chat.postMessage({ channel: 'D1', text: 'x' })).rejects.toMatchObject({
      code: webApi.ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
  });

  it('does not follow a redirect', async () => {
    handler = (req, _body, res) => {
      if (req.url?.startsWith('/elsewhere')) return json(res, 200, { ok: true });
      res.writeHead(302, { location: '/elsewhere' });
      res.end();
    };
    await expect(client().chat.postMessage({ channel: 'D1', text: 'x' })).rejects.toMatchObject({ code: webApi.ErrorCode.HTTPError, statusCode: 302 });
    expect(received.map((r) => r.url)).toEqual(['/api/chat.postMessage']);
  });

  it('reports a refused connection without the token', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = (await client({ slackApiUrl: `http://127.0.0.1:${port}/api/` })
      .chat.postMessage({ channel: 'D1', text: 'x' })
      .then(
        () => new Error('the call succeeded'),
        (e: unknown) => e,
      )) as Error & { code?: string };
    expect(error).toMatchObject({ code: webApi.ErrorCode.RequestError });
    expect(JSON.stringify({ message: error.message, stack: error.stack })).not.toContain('xoxb-test');
  });

  it('gives up at the client timeout', async () => {
    let late: NodeJS.Timeout | undefined;
    handler = (_req, _body, res) => (late = setTimeout(() => json(res, 200, { ok: true }), 2000));
    await expect(client({ timeout: 100 }).chat.postMessage({ channel: 'D1', text: 'x' })).rejects.toMatchObject({ code: webApi.ErrorCode.RequestError });
    clearTimeout(late);
  });
});
