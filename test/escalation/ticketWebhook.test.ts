/**
 * The ticket webhook over real HTTP: signed JSON POSTs with an idempotency key, retried through
 * the outbox (SQLite) while the ticket system answers 500, refused for good on a 4xx.
 */
import { loopbackServerConfig } from '../helpers/serverConfig';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteConversationStore } from '../../src/conversation/sqliteStore';
import { TicketWebhookSink } from '../../src/escalation/ticketWebhookSink';
import { verifyWebhookSignature } from '../../src/escalation/webhookSignature';
import type { Logger } from '../../src/logger';
import type { EscalationRecord } from '../../src/messages';
import { startServer, type RunningServer } from '../../src/server/runServer';
import { freePort } from '../fakes/redisServer';
import { FakeTicketWebhook, waitUntil } from '../fakes/ticketWebhook';
import { FALSE_ERROR, shippedKnowledge } from '../helpers/knowledge';

const SECRET = 'test-secret-0123456789abcdef';
let webhook: FakeTicketWebhook;
let server: RunningServer | undefined;
let store: SqliteConversationStore;
let tmp: string;
const lines: Array<{ level: string; obj: object; msg?: string }> = [];
const logger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (obj, msg) => lines.push({ level: 'warn', obj, msg }),
  error: (obj, msg) => lines.push({ level: 'error', obj, msg }),
};

beforeEach(async () => {
  webhook = await FakeTicketWebhook.start();
  tmp = mkdtempSync(join(tmpdir(), 'helpdesk-webhook-'));
  lines.length = 0;
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await webhook.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function start(secret: string | null = SECRET) {
  store = new SqliteConversationStore({ file: join(tmp, 'helpdesk.db') });
  server = await startServer({
    server: loopbackServerConfig(),
    slack: null,
    teams: null,
    knowledge: shippedKnowledge(),
    store,
    sinks: [new TicketWebhookSink({ url: webhook.url, secret })],
    logger,
    outbox: { backoff: { baseMs: 20, maxMs: 100 }, pollMs: 20 },
  });
  return server;
}

/** Checks the signature the way docs/storage.md tells a receiver to, without the bot's own code. */
function signatureValid(headers: Record<string, unknown>, body: string): boolean {
  const timestamp = String(headers['x-helpdesk-timestamp']);
  const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`;
  return headers['x-helpdesk-signature'] === expected && Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
}

test('while the ticket system answers 500 nothing is lost; once it is back every escalation arrives exactly once, in order, signed', async () => {
  const running = await start();
  webhook.status = 500;
  // Five conversations (Slack threads), each escalating three times in a row: three issues
  // (a repeated request about one issue stays with its escalation).
  const issues = ['KB5057589 failed again, can I talk to a person?', 'KB5034441 failed with 0x80070643', 'KB5057598 failed with 0x80070643'];
  const escalations: EscalationRecord[] = [];
  for (let round = 0; round < 3; round++) {
    for (let c = 0; c < 5; c++) {
      const turn = await running.bot.handle({ conversationId: `slack:T1:C1:170000000${c}.0001`, channel: 'slack', user: { id: `U${c}`, name: 'Ana' }, text: `${issues[round]} (${round})` });
      expect(turn.outcome).toBe('escalated');
      expect(turn.escalationDelivered).toBe(true);
      escalations.push(turn.escalation!);
      // Escalation ids carry the time in ms: keep two of one conversation apart.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
  await waitUntil(() => webhook.requests.length >= 15, 'retries against the failing ticket system');
  expect(webhook.accepted).toEqual([]);
  expect(await store.outbox.counts()).toEqual({ pending: 15, done: 0, failed: 0 });
  webhook.status = 200;
  await waitUntil(() => webhook.accepted.length >= 15, 'every escalation to arrive', 10_000);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(await store.outbox.counts()).toEqual({ pending: 0, done: 15, failed: 0 });

  const accepted = webhook.accepted;
  const keys = accepted.map((r) => r.headers['idempotency-key']);
  expect(keys).toHaveLength(15);
  expect(new Set(keys)).toEqual(new Set(escalations.map((e) => e.id)));
  for (let c = 0; c < 5; c++) {
    const conversationId = `slack:T1:C1:170000000${c}.0001`;
    expect(accepted.filter((r) => r.json.conversationId === conversationId).map((r) => r.json.id)).toEqual(escalations.filter((e) => e.conversationId === conversationId).map((e) => e.id));
  }
  for (const request of webhook.requests) {
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['idempotency-key']).toBe(request.json.id);
    expect(signatureValid(request.headers, request.body)).toBe(true);
    expect(verifyWebhookSignature(SECRET, String(request.headers['x-helpdesk-timestamp']), request.body, String(request.headers['x-helpdesk-signature']))).toBe(true);
  }
  expect(lines.filter((l) => l.level === 'warn' && /will retry/.test(l.msg ?? '')).length).toBeGreaterThan(0);
});

test('the payload carries a ticket-ready summary and description and every escalation field', async () => {
  const running = await start();
  await running.bot.handle({ conversationId: 'teams:chat-1', channel: 'teams', user: { id: 'aad-1', name: 'Bob' }, text: 'KB5057589 failed with 0x80070643', link: 'https://teams.microsoft.com/l/chat/1' });
  await running.bot.handle({ conversationId: 'teams:chat-1', channel: 'teams', user: { id: 'aad-1', name: 'Bob' }, text: 'yes' });
  const turn = await running.bot.handle({ conversationId: 'teams:chat-1', channel: 'teams', user: { id: 'aad-1', name: 'Bob' }, text: '120 MB' });
  expect(turn.outcome).toBe('escalated');
  const [request] = await waitUntil(() => webhook.accepted.length === 1 && webhook.accepted, 'the escalation');
  expect(request.json).toEqual({
    type: 'helpdesk.escalation',
    version: 1,
    id: turn.escalation!.id,
    createdAt: turn.escalation!.createdAt,
    summary: expect.stringMatching(/^Helpdesk: .+ \(recovery partition too small\)$/),
    description: expect.stringContaining('Requester: Bob (aad-1) on teams'),
    requester: { id: 'aad-1', name: 'Bob' },
    channel: 'teams',
    conversationId: 'teams:chat-1',
    link: 'https://teams.microsoft.com/l/chat/1',
    entry: { id: FALSE_ERROR, title: expect.any(String) },
    reason: 'recovery_partition_too_small',
    answers: { is_kb5057589: 'yes', rebooted: 'yes', recovery_free_mb: '120 MB' },
    heldBack: null,
    transcript: expect.arrayContaining([{ from: 'employee', text: '120 MB', at: expect.any(String) }]),
  });
  expect(request.json.description).toContain('- recovery_free_mb: 120 MB');
  expect(request.json.description).toContain('Employee: KB5057589 failed with 0x80070643');
});

test('a 4xx refusal is logged with the whole escalation and not retried; 408 and 429 are retried', async () => {
  const running = await start(null);
  webhook.status = 422;
  const refused = await running.bot.handle({ conversationId: 'c-refused', channel: 'slack', user: { id: 'U1' }, text: 'talk to a person about KB5057589' });
  const error = await waitUntil(() => lines.find((l) => l.level === 'error'), 'the refusal in the log');
  expect(error.obj).toMatchObject({ escalation: { id: refused.escalation!.id }, code: 'DELIVERY_REJECTED' });
  expect((error.obj as { err: string }).err).toContain('422');
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(webhook.requests).toHaveLength(1);
  // Unsigned without a secret.
  expect(webhook.requests[0].headers['x-helpdesk-signature']).toBeUndefined();

  for (const status of [429, 408]) {
    webhook.requests.length = 0;
    webhook.status = status;
    const turn = await running.bot.handle({ conversationId: `c-${status}`, channel: 'slack', user: { id: 'U1' }, text: 'talk to a person about KB5057589' });
    await waitUntil(() => webhook.requests.length >= 2, `a retry after ${status}`);
    webhook.status = 200;
    await waitUntil(() => webhook.accepted.some((r) => r.json.id === turn.escalation!.id), `delivery after ${status}`);
  }
});

test('an unreachable ticket system is a retryable failure that names the host only', async () => {
  const port = await freePort();
  const sink = new TicketWebhookSink({ url: `http://127.0.0.1:${port}/hooks?token=s3cret` });
  const error = await sink.deliver({ id: 'r1', conversationId: 'c', channel: 'slack', user: { id: 'U' }, entryId: null, entryTitle: null, reason: 'asked_for_person', answers: {}, transcript: [], createdAt: '' }).catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'DeliveryError', code: 'DELIVERY_UNAVAILABLE', permanent: false });
  expect((error as Error).message).toContain(`127.0.0.1:${port}`);
  expect((error as Error).message).not.toContain('s3cret');
});
