/**
 * The other side of Teams for tests, on 127.0.0.1: a fake Bot Connector (the `serviceUrl` the
 * bot replies to) and a fake incoming webhook. Both record what they receive.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector REST API. */
export interface ConnectorCall {
  /** `send` (new message), `reply` (in reply to an activity), `update` (PUT), `member` (GET member). */
  kind: 'send' | 'reply' | 'update' | 'member';
  conversationId: string;
  /** The activity replied to (`reply`) or updated (`update`), or the member looked up. */
  targetId?: string;
  /** The id this fake gave the new activity (`send`, `reply`). */
  id?: string;
  authorization?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function close(server: Server): Promise<void> {
  // Clients keep connections alive; drop them so jest exits cleanly.
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** A Teams member as GET /v3/conversations/:id/members/:memberId returns it. */
export interface FakeMember {
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipalName: string;
  email: string;
}

export class FakeBotConnector {
  readonly calls: ConnectorCall[] = [];
  /** Members by Teams user id, for the member lookup. */
  readonly members = new Map<string, FakeMember>();
  /** How long posted activities wait for their answer (a slow connector, to catch a turn in flight). */
  holdMs = 0;
  private nextId = 1;

  private constructor(
    private readonly server: Server,
    /** The serviceUrl to put in activities (with the trailing slash Teams uses). */
    readonly serviceUrl: string,
  ) {}

  static async start(): Promise<FakeBotConnector> {
    let connector: FakeBotConnector | undefined;
    const { server, url } = await listen((req, res, body) => connector!.handle(req, res, body));
    connector = new FakeBotConnector(server, `${url}/`);
    return connector;
  }

  /** Messages the bot posted (new or replies), in order. */
  get messages(): ConnectorCall[] {
    return this.calls.filter((c) => c.kind === 'send' || c.kind === 'reply');
  }

  get updates(): ConnectorCall[] {
    return this.calls.filter((c) => c.kind === 'update');
  }

  /** Waits until at least `count` messages were posted to a conversation; returns them. */
  messagesTo(conversationId: string, count: number): Promise<ConnectorCall[]> {
    return waitFor(() => {
      const found = this.messages.filter((c) => c.conversationId === conversationId);
      return found.length >= count && found;
    }, `${count} message(s) to ${conversationId} (have ${this.messages.filter((c) => c.conversationId === conversationId).length})`);
  }

  close(): Promise<void> {
    return close(this.server);
  }

  private handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const match = /^\/v3\/conversations\/([^/]+)\/(activities|members)(?:\/([^/]+))?$/.exec(path);
    if (!match) return json(res, 404, { error: { code: 'NotFound', message: `no route ${req.method} ${path}` } });
    const conversationId = decodeURIComponent(match[1]);
    const targetId = match[3] === undefined ? undefined : decodeURIComponent(match[3]);
    const body = raw ? JSON.parse(raw) : undefined;
    const authorization = req.headers.authorization;
    if (match[2] === 'members' && req.method === 'GET' && targetId) {
      this.calls.push({ kind: 'member', conversationId, targetId, authorization, body });
      const member = this.members.get(targetId);
      return member ? json(res, 200, member) : json(res, 404, { error: { code: 'MemberNotFoundInConversation', message: 'not a member' } });
    }
    if (match[2] === 'activities' && req.method === 'POST') {
      const id = `bot-activity-${this.nextId++}`;
      this.calls.push({ kind: targetId ? 'reply' : 'send', conversationId, targetId, id, authorization, body });
      if (this.holdMs > 0) {
        setTimeout(() => json(res, 201, { id }), this.holdMs);
        return;
      }
      return json(res, 201, { id });
    }
    if (match[2] === 'activities' && req.method === 'PUT' && targetId) {
      this.calls.push({ kind: 'update', conversationId, targetId, authorization, body });
      return json(res, 200, { id: targetId });
    }
    json(res, 405, { error: { code: 'MethodNotAllowed', message: `${req.method} ${path}` } });
  }
}

/** A Teams incoming webhook / Workflows trigger: records JSON posts and answers like Workflows (202). */
export class FakeWebhook {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly posts: any[] = [];
  /** The status to answer with; 202 like Workflows. */
  status = 202;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeWebhook> {
    let webhook: FakeWebhook | undefined;
    const { server, url } = await listen((req, res, body) => {
      if (req.method !== 'POST') return json(res, 405, {});
      webhook!.posts.push(JSON.parse(body));
      res.writeHead(webhook!.status).end();
    });
    // A path and query like a real Workflows URL, which carries its signature in the query.
    webhook = new FakeWebhook(server, `${url}/workflows/abc/triggers/manual/paths/invoke?sig=secret-signature`);
    return webhook;
  }

  close(): Promise<void> {
    return close(this.server);
  }
}
