/**
 * What the Redis store adds to the contract: its documented key layout, and surviving a Redis
 * restart under load (a real redis-server child, killed and started again on the same port).
 */
import Redis from 'ioredis';
import { HelpdeskBot, type BotTurn } from '../../src/bot';
import { RedisConversationStore } from '../../src/conversation/redisStore';
import { STATE_VERSION } from '../../src/dialogue/state';
import { RedisServer } from '../fakes/redisServer';
import { FALSE_ERROR, shippedKnowledge } from '../helpers/knowledge';

let redis: RedisServer | undefined;
const closers: Array<() => Promise<unknown> | void> = [];

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await redis?.stop();
  redis = undefined;
});

const message = (conversationId: string, text: string) => ({ conversationId, channel: 'slack', user: { id: 'U1' }, text });

test('keeps everything under helpdesk:v1: as documented, with idle expiry as the key TTL', async () => {
  redis = await RedisServer.start();
  const store = await RedisConversationStore.connect(redis.url);
  closers.push(() => store.close());
  const client = new Redis(redis.url);
  closers.push(() => client.disconnect());
  const bot = new HelpdeskBot({ knowledge: shippedKnowledge(), store, events: store.events, idleMs: 60_000 });
  await bot.handle(message('slack:T1:C1:1700000000.000100', 'KB5057589 failed'));
  await store.claimDelivery('Ev0001', 300_000);

  expect((await client.keys('*')).sort()).toEqual(['helpdesk:v1:conv:slack:T1:C1:1700000000.000100', 'helpdesk:v1:events', 'helpdesk:v1:meta', 'helpdesk:v1:seen:Ev0001']);
  const ttl = await client.pttl('helpdesk:v1:conv:slack:T1:C1:1700000000.000100');
  expect(ttl).toBeGreaterThan(59_000);
  expect(ttl).toBeLessThanOrEqual(60_000);
  expect(JSON.parse((await client.get('helpdesk:v1:conv:slack:T1:C1:1700000000.000100'))!)).toMatchObject({ version: STATE_VERSION, entryId: FALSE_ERROR, pending: 'rebooted' });
  expect(await client.hgetall('helpdesk:v1:meta')).toMatchObject({ schema: '1' });
  expect(await client.pttl('helpdesk:v1:seen:Ev0001')).toBeGreaterThan(299_000);
  expect(await client.xlen('helpdesk:v1:events')).toBe(1);
});

test('a Redis restart under load loses no acknowledged conversation state, and the bot carries on', async () => {
  redis = await RedisServer.start({ persistent: true });
  const server = redis;
  const store = await RedisConversationStore.connect(redis.url);
  closers.push(() => store.close());
  const bot = new HelpdeskBot({ knowledge: shippedKnowledge(), store, idleMs: 600_000 });

  // Ten conversations, each sending turn after turn; every turn keeps the conversation open and
  // adds a distinct line to its transcript.
  const conversations = Array.from({ length: 10 }, (_, i) => `load:${i}`);
  const acknowledged = new Map<string, string[]>(conversations.map((c) => [c, []]));
  let failures = 0;
  let stop = false;
  const run = async (id: string) => {
    const first = await bot.handle(message(id, 'KB5057589 failed'));
    expect(first.replies[0].questionId).toBe(`${FALSE_ERROR}/rebooted`);
    acknowledged.get(id)!.push('KB5057589 failed');
    for (let n = 1; !stop; n++) {
      const text = `not yet, sorry (${n})`;
      let turn: BotTurn;
      try {
        turn = await bot.handle(message(id, text));
      } catch {
        failures += 1;
        continue;
      }
      expect(turn.replies[0].questionId).toBe(`${FALSE_ERROR}/rebooted`);
      acknowledged.get(id)!.push(text);
    }
  };
  const load = Promise.all(conversations.map(run));
  const count = () => [...acknowledged.values()].reduce((n, list) => n + list.length, 0);
  const wait = async (more: number) => {
    const target = count() + more;
    const deadline = Date.now() + 10_000;
    while (count() < target && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(count()).toBeGreaterThanOrEqual(target);
  };

  await wait(50);
  await server.kill();
  const beforeOutage = count();
  await new Promise((resolve) => setTimeout(resolve, 300));
  await server.restart();
  await wait(50);
  stop = true;
  await load;
  expect(count()).toBeGreaterThan(beforeOutage);

  // Read back through a fresh connection: every acknowledged turn is in the stored transcript, in order.
  const check = await RedisConversationStore.connect(server.url);
  closers.push(() => check.close());
  for (const id of conversations) {
    const stored = (await check.get(id))!.transcript.filter((t) => t.from === 'employee').map((t) => t.text);
    const acked = acknowledged.get(id)!;
    let at = 0;
    for (const text of stored) if (text === acked[at]) at += 1;
    expect({ id, missing: acked.slice(at) }).toEqual({ id, missing: [] });
  }
  // Turns that ran into the outage waited in the client's queue or failed, but the bot went on.
  expect(failures).toBeLessThan(count());
  const after = await bot.handle(message('after-restart', 'KB5057589 failed'));
  expect(after.outcome).toBe('pending');
}, 40_000);
