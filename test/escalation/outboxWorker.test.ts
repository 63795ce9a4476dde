/** The outbox worker: retries with backoff per sink, order per conversation, permanent refusals, shutdown flush. */
import { HelpdeskBot } from '../../src/bot';
import { MemoryConversationStore } from '../../src/conversation/store';
import { backoffDelay } from '../../src/escalation/backoff';
import { DeliveryError } from '../../src/escalation/deliveryError';
import { MemoryOutboxStore } from '../../src/escalation/memoryOutbox';
import { OutboxWorker, type OutboxWorkerOptions } from '../../src/escalation/outboxWorker';
import type { EscalationSink } from '../../src/escalation/sink';
import type { Logger } from '../../src/logger';
import type { EscalationRecord } from '../../src/messages';
import { waitUntil } from '../fakes/ticketWebhook';
import { shippedKnowledge } from '../helpers/knowledge';

/** A sink that fails while `down` is set, and records what it took. */
class FlakySink implements EscalationSink {
  readonly delivered: EscalationRecord[] = [];
  attempts = 0;
  down: false | (() => Error) = false;
  constructor(readonly name: string) {}
  async deliver(record: EscalationRecord): Promise<void> {
    this.attempts += 1;
    if (this.down) throw this.down();
    this.delivered.push(record);
  }
}

function logs() {
  const lines: Array<{ level: string; obj: object; msg?: string }> = [];
  const at = (level: string) => (obj: object, msg?: string) => lines.push({ level, obj, msg });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

const workers: OutboxWorker[] = [];
afterEach(async () => {
  for (const w of workers.splice(0)) await w.stop();
});

function worker(options: Partial<OutboxWorkerOptions> & Pick<OutboxWorkerOptions, 'sinks'>) {
  const w = new OutboxWorker({ store: new MemoryOutboxStore(), backoff: { baseMs: 10, maxMs: 40 }, pollMs: 20, flushMs: 200, ...options });
  workers.push(w);
  return w;
}

let n = 0;
const record = (conversationId: string): EscalationRecord => ({
  id: `${conversationId}#${++n}`,
  conversationId,
  channel: 'slack',
  user: { id: 'U1' },
  entryId: null,
  entryTitle: null,
  reason: 'asked_for_person',
  answers: {},
  transcript: [],
  createdAt: new Date().toISOString(),
});

test('backoff doubles from the base up to the cap, with jitter in the upper half', () => {
  const options = { baseMs: 1000, maxMs: 8000 };
  expect([1, 2, 3, 4, 5, 10].map((f) => backoffDelay(f, options, () => 1))).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
  expect([1, 2, 3, 4].map((f) => backoffDelay(f, options, () => 0))).toEqual([500, 1000, 2000, 4000]);
});

test('a sink that is down gets every escalation once it is back, in order per conversation; the other sink is not held up', async () => {
  const tickets = new FlakySink('ticket-webhook');
  const slack = new FlakySink('slack:C0SUPPORT');
  tickets.down = () => new DeliveryError('DELIVERY_UNAVAILABLE', 'answered 503');
  const w = worker({ sinks: [tickets, slack] });
  w.start();
  const sent = [record('c1'), record('c2'), record('c1'), record('c1'), record('c2')];
  for (const r of sent) expect(await w.enqueue(r)).toEqual(['ticket-webhook', 'slack:C0SUPPORT']);
  await waitUntil(() => slack.delivered.length === 5, 'the support channel to get all five');
  await waitUntil(() => tickets.attempts >= 6, 'a few failed attempts');
  expect(tickets.delivered).toEqual([]);
  tickets.down = false;
  await waitUntil(() => tickets.delivered.length === 5, 'the ticket sink to catch up');
  for (const sink of [tickets, slack]) {
    for (const c of ['c1', 'c2']) {
      expect(sink.delivered.filter((r) => r.conversationId === c).map((r) => r.id)).toEqual(sent.filter((r) => r.conversationId === c).map((r) => r.id));
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(tickets.delivered).toHaveLength(5);
});

test('a permanent refusal is logged with the whole escalation and not retried; the next one goes through', async () => {
  const tickets = new FlakySink('ticket-webhook');
  const { logger, lines } = logs();
  tickets.down = () => new DeliveryError('DELIVERY_REJECTED', 'answered 400');
  const w = worker({ sinks: [tickets], logger });
  w.start();
  const refused = record('c1');
  await w.enqueue(refused);
  await waitUntil(() => lines.some((l) => l.level === 'error'), 'the refusal to be logged');
  tickets.down = false;
  const next = record('c1');
  await w.enqueue(next);
  await waitUntil(() => tickets.delivered.length === 1, 'the next escalation');
  expect(tickets.delivered[0].id).toBe(next.id);
  expect(tickets.attempts).toBe(2);
  expect(lines.find((l) => l.level === 'error')).toMatchObject({ obj: { escalation: refused, sink: 'ticket-webhook', code: 'DELIVERY_REJECTED' } });
});

test('gives up (and logs in full) a delivery still failing after maxAgeMs', async () => {
  const tickets = new FlakySink('ticket-webhook');
  tickets.down = () => new Error('socket hang up');
  const { logger, lines } = logs();
  const w = worker({ sinks: [tickets], logger, maxAgeMs: 100 });
  w.start();
  await w.enqueue(record('c1'));
  const given = await waitUntil(() => lines.find((l) => l.level === 'error'), 'the give-up line');
  expect(given.msg).toMatch(/given up/);
  const attempts = tickets.attempts;
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(tickets.attempts).toBe(attempts);
});

test('an attempt that hangs is cut off after attemptTimeoutMs and retried', async () => {
  let calls = 0;
  const delivered: string[] = [];
  const hanging: EscalationSink = {
    name: 'ticket-webhook',
    deliver: (r) => {
      calls += 1;
      if (calls === 1) return new Promise(() => undefined);
      delivered.push(r.id);
      return Promise.resolve();
    },
  };
  const w = worker({ sinks: [hanging], attemptTimeoutMs: 50 });
  w.start();
  const r = record('c1');
  await w.enqueue(r);
  await waitUntil(() => delivered.length === 1, 'the second attempt');
  expect(delivered).toEqual([r.id]);
});

test('stop() delivers what is due before returning, and leaves a sink that stays down for later', async () => {
  const up = new FlakySink('slack:C0SUPPORT');
  const down = new FlakySink('ticket-webhook');
  down.down = () => new DeliveryError('DELIVERY_UNAVAILABLE', 'answered 502');
  const store = new MemoryOutboxStore();
  const w = new OutboxWorker({ store, sinks: [up, down], backoff: { baseMs: 60_000, maxMs: 60_000 }, flushMs: 1000 });
  // Not started: only stop's flush delivers.
  await w.enqueue(record('c1'));
  await w.enqueue(record('c2'));
  const started = Date.now();
  await w.stop();
  expect(Date.now() - started).toBeLessThan(900);
  expect(up.delivered).toHaveLength(2);
  expect(await store.counts()).toEqual({ pending: 2, done: 2, failed: 0 });
});

test('the bot tells the employee support has it even while every sink is down, and says false only without a sink', async () => {
  const tickets = new FlakySink('ticket-webhook');
  tickets.down = () => new DeliveryError('DELIVERY_UNAVAILABLE', 'answered 503');
  const w = worker({ sinks: [tickets] });
  w.start();
  const store = new MemoryConversationStore();
  const bot = new HelpdeskBot({ knowledge: shippedKnowledge(), store, outbox: w });
  const turn = await bot.handle({ conversationId: 'c1', channel: 'slack', user: { id: 'U1' }, text: 'talk to a human pls, KB5057589 keeps failing' });
  expect(turn.outcome).toBe('escalated');
  expect(turn.escalationDelivered).toBe(true);
  expect(turn.replies[0].text).toMatch(/passed this to IT support/);

  const { logger, lines } = logs();
  const lonely = new HelpdeskBot({ knowledge: shippedKnowledge(), outbox: worker({ sinks: [] }), logger });
  const none = await lonely.handle({ conversationId: 'c2', channel: 'slack', user: { id: 'U1' }, text: 'talk to a human pls, KB5057589 keeps failing' });
  expect(none.escalationDelivered).toBe(false);
  expect(lines.find((l) => l.level === 'warn')?.obj).toMatchObject({ escalation: { conversationId: 'c2' } });

  const broken = new HelpdeskBot({ knowledge: shippedKnowledge(), outbox: { enqueue: () => Promise.reject(new Error('SQLITE_FULL')) }, logger });
  const failed = await broken.handle({ conversationId: 'c3', channel: 'slack', user: { id: 'U1' }, text: 'talk to a human pls, KB5057589 keeps failing' });
  expect(failed.escalationDelivered).toBe(false);
  expect(lines.find((l) => l.level === 'error')?.obj).toMatchObject({ escalation: { conversationId: 'c3' }, err: 'SQLITE_FULL' });
});
