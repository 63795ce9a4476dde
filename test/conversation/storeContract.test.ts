/**
 * One contract, three stores: memory, SQLite (a temporary file) and Redis (a real redis-server
 * child). Conversations, delivery claims, the escalation outbox and the event log behave the
 * same in each, so `serve` can switch with one setting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { RedisConversationStore } from '../../src/conversation/redisStore';
import { SqliteConversationStore } from '../../src/conversation/sqliteStore';
import type { Storage } from '../../src/conversation/storage';
import { MemoryConversationStore } from '../../src/conversation/store';
import { STATE_VERSION, type ConversationState } from '../../src/dialogue/state';
import type { BotEvent } from '../../src/events/eventLog';
import type { EscalationRecord } from '../../src/messages';
import { RedisServer } from '../fakes/redisServer';

interface Harness {
  name: string;
  /** Opens a handle on the test's data; a second call opens another handle (another "process") on the same data. */
  open(): Promise<Storage>;
  reset(): Promise<void>;
}

let redis: RedisServer;
let tmp: string;
const opened: Storage[] = [];

beforeAll(async () => {
  redis = await RedisServer.start();
  tmp = mkdtempSync(join(tmpdir(), 'helpdesk-contract-'));
});

afterAll(async () => {
  await redis?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

let fileNo = 0;
let memory: MemoryConversationStore | undefined;
let sqliteFile = '';

const harnesses: Harness[] = [
  {
    name: 'memory',
    async open() {
      memory ??= new MemoryConversationStore();
      return memory;
    },
    async reset() {
      memory = undefined;
    },
  },
  {
    name: 'sqlite',
    async open() {
      const store = new SqliteConversationStore({ file: sqliteFile });
      opened.push(store);
      return store;
    },
    async reset() {
      fileNo += 1;
      sqliteFile = join(tmp, `contract-${fileNo}`, 'helpdesk.db');
    },
  },
  {
    name: 'redis',
    async open() {
      const store = await RedisConversationStore.connect(redis.url);
      opened.push(store);
      return store;
    },
    async reset() {
      const client = new Redis(redis.url);
      await client.flushall();
      client.disconnect();
    },
  },
];

function state(conversationId: string, text = 'KB5057589 failed'): ConversationState {
  const at = '2025-05-01T10:00:00.000Z';
  return {
    version: STATE_VERSION,
    conversationId,
    channel: 'slack',
    user: { id: 'U1', name: 'Ana' },
    phase: 'asking',
    entryId: 'kb5057589-winre-false-error',
    candidates: [],
    slots: { rebooted: { type: 'yes_no', value: 'yes' } },
    pending: 'recovery_free_mb',
    misunderstood: 0,
    dontKnow: 0,
    transcript: [{ from: 'employee', text, at }],
    startedAt: at,
    updatedAt: at,
  };
}

function escalation(conversationId: string, n: number): EscalationRecord {
  return {
    id: `${conversationId}#${n}`,
    conversationId,
    channel: 'slack',
    user: { id: 'U1' },
    entryId: null,
    entryTitle: null,
    reason: 'asked_for_person',
    answers: {},
    transcript: [{ from: 'employee', text: `message ${n}`, at: '2025-05-01T10:00:00.000Z' }],
    createdAt: '2025-05-01T10:00:00.000Z',
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const T0 = 1_750_000_000_000;

describe.each(harnesses)('$name store', (harness) => {
  beforeEach(() => harness.reset());

  describe('conversations', () => {
    test('keeps, replaces and deletes state; an unknown conversation has none', async () => {
      const store = await harness.open();
      expect(await store.get('c1')).toBeUndefined();
      await store.set('c1', state('c1'), 60_000);
      expect(await store.get('c1')).toEqual(state('c1'));
      await store.set('c1', state('c1', 'second'), 60_000);
      expect((await store.get('c1'))?.transcript[0].text).toBe('second');
      await store.delete('c1');
      expect(await store.get('c1')).toBeUndefined();
      await store.delete('never-there');
    });

    test('hands out copies: changing what get returned changes nothing stored', async () => {
      const store = await harness.open();
      await store.set('c1', state('c1'), 60_000);
      const read = (await store.get('c1'))!;
      read.transcript.push({ from: 'bot', text: 'mutated', at: read.startedAt });
      expect((await store.get('c1'))!.transcript).toHaveLength(1);
    });

    test('forgets a conversation once it has been idle for its time, and each save restarts the clock', async () => {
      const store = await harness.open();
      await store.set('short', state('short'), 150);
      await store.set('renewed', state('renewed'), 400);
      await sleep(250);
      await store.set('renewed', state('renewed'), 400);
      expect(await store.get('short')).toBeUndefined();
      await sleep(250);
      expect(await store.get('renewed')).toBeDefined();
    });

    test('state written through one handle is read through another (another process or replica)', async () => {
      const a = await harness.open();
      const b = await harness.open();
      await a.set('c1', state('c1'), 60_000);
      expect(await b.get('c1')).toEqual(state('c1'));
    });
  });

  describe('claimDelivery', () => {
    test('is true once per delivery id, and again after the claim expires', async () => {
      const store = await harness.open();
      expect(await store.claimDelivery('Ev1', 150)).toBe(true);
      expect(await store.claimDelivery('Ev1', 150)).toBe(false);
      expect(await store.claimDelivery('Ev2', 150)).toBe(true);
      await sleep(250);
      expect(await store.claimDelivery('Ev1', 150)).toBe(true);
    });

    test('exactly one of many simultaneous claims through two handles wins', async () => {
      const a = await harness.open();
      const b = await harness.open();
      for (let n = 0; n < 20; n++) {
        const results = await Promise.all([a, b, a, b].map((s) => s.claimDelivery(`Ev-race-${n}`, 60_000)));
        expect(results.filter(Boolean)).toHaveLength(1);
      }
    });
  });

  describe('outbox', () => {
    const claim = (store: Storage, overrides: Partial<Parameters<Storage['outbox']['claim']>[0]> = {}) =>
      store.outbox.claim({ sinks: ['ticket-webhook'], owner: 'w1', now: T0, leaseMs: 30_000, limit: 10, ...overrides });

    test('delivers each conversation in order: only the oldest unfinished delivery is handed out', async () => {
      const store = await harness.open();
      await store.outbox.add(escalation('c1', 1), ['ticket-webhook'], T0);
      await store.outbox.add(escalation('c1', 2), ['ticket-webhook'], T0);
      await store.outbox.add(escalation('c2', 1), ['ticket-webhook'], T0);
      const first = await claim(store);
      expect(first.map((d) => d.record.id)).toEqual(['c1#1', 'c2#1']);
      expect(first[0]).toMatchObject({ sink: 'ticket-webhook', attempts: 0, enqueuedAt: T0 });
      expect(first[0].record).toEqual(escalation('c1', 1));
      expect(await claim(store, { owner: 'w2', now: T0 + 1 })).toEqual([]);
      expect(await store.outbox.complete(first[0].id, 'w1', T0 + 2)).toBe(true);
      expect((await claim(store, { now: T0 + 3 })).map((d) => d.record.id)).toEqual(['c1#2']);
      expect(await store.outbox.counts()).toEqual({ pending: 2, done: 1, failed: 0 });
    });

    test('keeps sinks apart: one sink failing does not hold up another', async () => {
      const store = await harness.open();
      await store.outbox.add(escalation('c1', 1), ['ticket-webhook', 'slack:C0SUPPORT'], T0);
      await store.outbox.add(escalation('c1', 2), ['ticket-webhook', 'slack:C0SUPPORT'], T0);
      const both = await claim(store, { sinks: ['ticket-webhook', 'slack:C0SUPPORT'] });
      expect(both.map((d) => `${d.sink} ${d.record.id}`).sort()).toEqual(['slack:C0SUPPORT c1#1', 'ticket-webhook c1#1']);
      const webhook = both.find((d) => d.sink === 'ticket-webhook')!;
      const slack = both.find((d) => d.sink === 'slack:C0SUPPORT')!;
      expect(await store.outbox.retryLater(webhook.id, 'w1', T0 + 60_000, 'answered 503')).toBe(true);
      expect(await store.outbox.complete(slack.id, 'w1', T0 + 1)).toBe(true);
      const next = await claim(store, { sinks: ['ticket-webhook', 'slack:C0SUPPORT'], now: T0 + 2 });
      expect(next.map((d) => `${d.sink} ${d.record.id}`)).toEqual(['slack:C0SUPPORT c1#2']);
    });

    test('waits until the retry time, then hands the delivery out again with its attempt count', async () => {
      const store = await harness.open();
      await store.outbox.add(escalation('c1', 1), ['ticket-webhook'], T0);
      const [d] = await claim(store);
      await store.outbox.retryLater(d.id, 'w1', T0 + 5000, 'answered 500');
      expect(await claim(store, { now: T0 + 4999 })).toEqual([]);
      const [again] = await claim(store, { now: T0 + 5000 });
      expect(again).toMatchObject({ id: d.id, attempts: 1 });
    });

    test('a lease keeps other workers off until it runs out; the old holder then cannot reschedule it', async () => {
      const a = await harness.open();
      const b = await harness.open();
      await a.outbox.add(escalation('c1', 1), ['ticket-webhook'], T0);
      const [d] = await claim(a, { owner: 'w1', leaseMs: 1000 });
      expect(await claim(b, { owner: 'w2', now: T0 + 999 })).toEqual([]);
      const [taken] = await claim(b, { owner: 'w2', now: T0 + 1000 });
      expect(taken.id).toBe(d.id);
      expect(await a.outbox.retryLater(d.id, 'w1', T0 + 2000, 'late')).toBe(false);
      expect(await a.outbox.fail(d.id, 'w1', T0 + 2000, 'late')).toBe(false);
      expect(await b.outbox.complete(taken.id, 'w2', T0 + 1001)).toBe(true);
      expect(await a.outbox.complete(d.id, 'w1', T0 + 1002)).toBe(false);
    });

    test('only one of two workers claiming at once gets a delivery', async () => {
      const a = await harness.open();
      const b = await harness.open();
      for (let n = 0; n < 10; n++) await a.outbox.add(escalation(`c${n}`, 1), ['ticket-webhook'], T0);
      const [x, y] = await Promise.all([claim(a, { owner: 'w1', limit: 6 }), claim(b, { owner: 'w2', limit: 6 })]);
      const ids = [...x, ...y].map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(10);
    });

    test('a permanent failure ends that delivery and lets the next one of the conversation go', async () => {
      const store = await harness.open();
      await store.outbox.add(escalation('c1', 1), ['ticket-webhook'], T0);
      await store.outbox.add(escalation('c1', 2), ['ticket-webhook'], T0);
      const [d] = await claim(store);
      expect(await store.outbox.fail(d.id, 'w1', T0 + 1, 'answered 400')).toBe(true);
      expect((await claim(store, { now: T0 + 2 })).map((x) => x.record.id)).toEqual(['c1#2']);
      expect(await store.outbox.counts()).toMatchObject({ pending: 1, failed: 1 });
    });

    test('adding the same escalation twice queues it once; sinks this worker lacks are left alone', async () => {
      const store = await harness.open();
      await store.outbox.add(escalation('c1', 1), ['ticket-webhook', 'teams:webhook'], T0);
      await store.outbox.add(escalation('c1', 1), ['ticket-webhook', 'teams:webhook'], T0);
      expect(await claim(store)).toHaveLength(1);
      expect(await store.outbox.counts()).toMatchObject({ pending: 2 });
    });
  });

  describe('event log', () => {
    const event = (at: string, type: BotEvent['type'], extra: Partial<BotEvent> = {}): BotEvent => ({
      type,
      conversation: 'a1b2c3d4e5f60718',
      entryId: type === 'unmatched' ? null : 'kb5057589-winre-false-error',
      channel: 'slack',
      at,
      started: true,
      ...extra,
    });

    test('returns events in time order, with everything a report needs, filtered by since and until', async () => {
      const store = await harness.open();
      const unmatched = event('2025-05-01T10:00:00.000Z', 'unmatched', { text: 'printer on floor 3 jams' });
      const matched = event('2025-05-01T11:00:00.000Z', 'matched');
      const escalated = event('2025-05-01T12:00:00.000Z', 'escalated', { reason: 'asked_for_person', started: false });
      for (const e of [unmatched, matched, escalated]) await store.events.record(e);
      expect(await store.events.query()).toEqual([unmatched, matched, escalated]);
      expect(await store.events.query({ since: new Date('2025-05-01T11:00:00.000Z') })).toEqual([matched, escalated]);
      expect(await store.events.query({ since: new Date('2025-05-01T10:30:00.000Z'), until: new Date('2025-05-01T12:00:00.000Z') })).toEqual([matched]);
    });
  });
});
