/**
 * A ticket system's webhook endpoint for tests, on 127.0.0.1. It records every request (raw body
 * included, for signature checks) and answers with `status`, which a test changes to take the
 * ticket system down and bring it back.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TicketRequest {
  headers: IncomingHttpHeaders;
  body: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  /** What this fake answered. */
  status: number;
}

export class FakeTicketWebhook {
  /** The status the next requests get. */
  status = 200;
  readonly requests: TicketRequest[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeTicketWebhook> {
    let fake: FakeTicketWebhook | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const status = fake!.status;
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          json = undefined;
        }
        fake!.requests.push({ headers: req.headers, body, json, status });
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(status < 300 ? '{"ok":true}' : `{"error":"status ${status}"}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeTicketWebhook(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/tickets`);
    return fake;
  }

  /** Requests answered 2xx: the escalations the ticket system took. */
  get accepted(): TicketRequest[] {
    return this.requests.filter((r) => r.status >= 200 && r.status < 300);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

type Nothing = undefined | null | false;

/** Polls until `check` returns a value (not undefined, null or false), or fails after `timeoutMs`. */
export async function waitUntil<T>(check: () => T | Nothing | Promise<T | Nothing>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
