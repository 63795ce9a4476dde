/**
 * A fake Slack Web API on 127.0.0.1: answers the methods the adapter calls the way Slack does,
 * records every call, and can answer 429 with Retry-After or an error once, on request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_TEAM = 'T0HELPDESK';
export const FAKE_BOT_USER = 'U0HDBOT01';
export const FAKE_BOT_ID = 'B0HDBOT01';
export const FAKE_APP_ID = 'A0HDAPP01';

export interface SlackApiCall {
  method: string;
  args: Record<string, unknown>;
  /** The bearer token sent, if any. */
  token?: string;
  status: number;
  response: Record<string, unknown>;
}

type Planned = { kind: 'rate_limit'; retryAfterSec: number } | { kind: 'error'; error: string };

export class FakeSlackApi {
  readonly calls: SlackApiCall[] = [];
  /** What apps.connections.open hands out (the fake Socket Mode server). */
  socketUrl: string | undefined;
  private readonly planned = new Map<string, Planned[]>();
  private seq = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeSlackApi> {
    const server = createServer();
    const api = new FakeSlackApi(server);
    server.on('request', (req, res) => void api.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return api;
  }

  /** The base URL to give as SLACK_API_URL. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  /** The next call to `method` is answered 429 with this Retry-After. */
  rateLimitNext(method: string, retryAfterSec = 1): void {
    this.plan(method, { kind: 'rate_limit', retryAfterSec });
  }

  /** The next call to `method` is answered `{ ok: false, error }`. */
  failNext(method: string, error: string): void {
    this.plan(method, { kind: 'error', error });
  }

  /** Successful calls to one method, in order. */
  ok(method: string): SlackApiCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200 && c.response.ok === true);
  }

  /** Every attempt at one method, failed ones included. */
  attempts(method: string): SlackApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Posts (chat.postMessage) to one channel, in order. */
  posts(channel: string): SlackApiCall[] {
    return this.ok('chat.postMessage').filter((c) => c.args.channel === channel);
  }

  /** Polls until `find` returns something, or fails after `timeoutMs` with what was recorded. */
  async waitFor<T>(what: string, find: () => T | undefined | null | false, timeoutMs = 8000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found) return found;
      if (Date.now() > deadline) {
        const seen = this.calls.map((c) => `${c.method}(${c.status})`).join(', ') || 'none';
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; calls seen: ${seen}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private plan(method: string, what: Planned): void {
    const list = this.planned.get(method) ?? [];
    list.push(what);
    this.planned.set(method, list);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
    const args = parseArgs(raw, req.headers['content-type'] ?? '');
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof args.token === 'string' ? args.token : undefined;

    const planned = this.planned.get(method)?.shift();
    if (planned?.kind === 'rate_limit') {
      const response = { ok: false, error: 'ratelimited' };
      this.calls.push({ method, args, token, status: 429, response });
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(planned.retryAfterSec) });
      res.end(JSON.stringify(response));
      return;
    }
    const response = planned?.kind === 'error' ? { ok: false, error: planned.error } : this.answer(method, args);
    this.calls.push({ method, args, token, status: 200, response });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(response));
  }

  // Shapes follow Slack's documented responses, trimmed to what a client reads.
  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://acme.slack.com/', team: 'Acme', user: 'helpdesk', team_id: FAKE_TEAM, user_id: FAKE_BOT_USER, bot_id: FAKE_BOT_ID, is_enterprise_install: false };
      case 'chat.postMessage': {
        const ts = this.nextTs();
        const message = { type: 'message', text: args.text, user: FAKE_BOT_USER, bot_id: FAKE_BOT_ID, app_id: FAKE_APP_ID, ts, team: FAKE_TEAM, blocks: args.blocks, ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}) };
        return { ok: true, channel: args.channel, ts, message };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text, message: { text: args.text, blocks: args.blocks } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.getPermalink': {
        const ts = String(args.message_ts ?? '');
        return { ok: true, channel: args.channel, permalink: `https://acme.slack.com/archives/${String(args.channel)}/p${ts.replace('.', '')}` };
      }
      case 'apps.connections.open':
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'invalid_auth' };
      default:
        return { ok: true };
    }
  }

  private nextTs(): string {
    this.seq += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(900000 + this.seq).padStart(6, '0')}`;
  }
}

/** Web API arguments: form fields, with JSON-valued fields (blocks) decoded. */
function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
