/**
 * Two replicas of the bot (two real startServer instances with the Slack adapter) on one Redis:
 * a Slack event and its retry reaching different replicas are handled once, a conversation
 * moves between replicas, and each escalation reaches the support channel and the ticket
 * webhook exactly once although both replicas' outbox workers run.
 */
import { loopbackServerConfig } from '../helpers/serverConfig';
import { createHmac } from 'node:crypto';
import { readSlackConfig } from '../../src/channels/slack/slackConfig';
import { RedisConversationStore } from '../../src/conversation/redisStore';
import { TicketWebhookSink } from '../../src/escalation/ticketWebhookSink';
import { startServer, type RunningServer } from '../../src/server/runServer';
import { RedisServer } from '../fakes/redisServer';
import { FakeSlackApi } from '../fakes/slackApi';
import { DM_CHANNEL, messageEvent, SUPPORT_CHANNEL } from '../fakes/slackPayloads';
import { FakeTicketWebhook, waitUntil } from '../fakes/ticketWebhook';
import { FALSE_ERROR, shippedKnowledge } from '../helpers/knowledge';

const SIGNING_SECRET = '5c0ffee5c0ffee5c0ffee5c0ffee5c0f';
let redis: RedisServer;
let api: FakeSlackApi;
let webhook: FakeTicketWebhook;
let replicas: RunningServer[] = [];
const stores: RedisConversationStore[] = [];

beforeEach(async () => {
  redis = await RedisServer.start();
  api = await FakeSlackApi.start();
  webhook = await FakeTicketWebhook.start();
  const { config, problems } = readSlackConfig({
    SLACK_BOT_TOKEN: 'xoxb-1111111111-2222222222-replicasreplicas',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.url,
    SLACK_SUPPORT_CHANNEL: SUPPORT_CHANNEL,
  });
  expect(problems).toEqual([]);
  for (let i = 0; i < 2; i++) {
    const store = await RedisConversationStore.connect(redis.url);
    stores.push(store);
    replicas.push(
      await startServer({
        server: loopbackServerConfig(),
        slack: config,
        teams: null,
        knowledge: shippedKnowledge(),
        store,
        sinks: [new TicketWebhookSink({ url: webhook.url })],
        outbox: { backoff: { baseMs: 20, maxMs: 100 }, pollMs: 10 },
      }),
    );
  }
});

afterEach(async () => {
  for (const replica of replicas) await replica.close();
  replicas = [];
  stores.length = 0;
  await api.close();
  await webhook.close();
  await redis.stop();
});

/** POSTs an event to one replica, signed as Slack signs it; `retryNum` marks Slack's retry. */
function post(replica: RunningServer, body: object, retryNum?: number): Promise<Response> {
  const raw = JSON.stringify(body);
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${raw}`).digest('hex')}`,
  };
  if (retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(`${replica.url}/slack/events`, { method: 'POST', headers, body: raw });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

test('an event and its retry at two replicas get one answer; the conversation then moves between replicas', async () => {
  const [a, b] = replicas;
  const first = messageEvent({ channel: DM_CHANNEL, text: 'KB5057589 failed with 0x80070643' });
  const ts = first.event.ts as string;
  const statuses = await Promise.all([post(a, first), post(b, first, 1), post(b, first, 2)]);
  expect(statuses.map((r) => r.status)).toEqual([200, 200, 200]);
  await api.waitFor('the restart question', () => api.posts(DM_CHANNEL)[0]);
  await settle();
  expect(api.posts(DM_CHANNEL)).toHaveLength(1);

  await post(b, messageEvent({ channel: DM_CHANNEL, text: 'yes', threadTs: ts }));
  const space = await api.waitFor('the free space question from the other replica', () => api.posts(DM_CHANNEL)[1]);
  expect(String(space.args.text)).toContain('free space');
  await post(a, messageEvent({ channel: DM_CHANNEL, text: '400 MB', threadTs: ts }));
  const resolution = await api.waitFor('the resolution', () => api.posts(DM_CHANNEL)[2]);
  expect(String(resolution.args.text)).toContain('safe to ignore');
});

test('many duplicated deliveries: each is handled by exactly one of the two replicas', async () => {
  const [storeA, storeB] = stores;
  const handled: string[] = [];
  const deliver = async (replica: RunningServer, store: RedisConversationStore, id: string) => {
    if (!(await store.claimDelivery(`test:${id}`, 60_000))) return;
    handled.push(id);
    await replica.bot.handle({ conversationId: `replica-test:${id}`, channel: 'slack', user: { id: 'U1' }, text: 'KB5057589 failed' });
  };
  const ids = Array.from({ length: 50 }, (_, i) => `Ev${i}`);
  await Promise.all(ids.flatMap((id) => [deliver(replicas[0], storeA, id), deliver(replicas[1], storeB, id)]));
  expect(handled.sort()).toEqual([...ids].sort());
  for (const id of ids) {
    const state = await storeA.get(`replica-test:${id}`);
    expect(state).toMatchObject({ entryId: FALSE_ERROR });
    expect(state!.transcript.filter((t) => t.from === 'employee')).toHaveLength(1);
  }
});

test('with both outbox workers running, each escalation reaches the support channel and the ticket webhook once, in order', async () => {
  const [a, b] = replicas;
  webhook.status = 503;
  const escalated: string[] = [];
  // Three issues in one conversation, each escalated (a repeated request about one issue stays with its escalation).
  const issues = ['talk to a person please, KB5057589', 'KB5034441 failed with 0x80070643', 'KB5057598 failed with 0x80070643'];
  for (let i = 0; i < 3; i++) {
    const replica = i % 2 === 0 ? a : b;
    const turn = await replica.bot.handle({ conversationId: 'slack:T0HELPDESK:D0EMPLOY01:1.1', channel: 'slack', user: { id: 'U0EMPLOY01' }, text: `${issues[i]} (${i})` });
    expect(turn.outcome).toBe('escalated');
    escalated.push(turn.escalation!.id);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await waitUntil(() => webhook.requests.length >= 4, 'failed webhook attempts');
  webhook.status = 200;
  await waitUntil(() => webhook.accepted.length >= 3, 'the webhook deliveries', 8000);
  await api.waitFor('the support channel posts', () => api.posts(SUPPORT_CHANNEL).length >= 3 && api.posts(SUPPORT_CHANNEL));
  await settle();
  expect(webhook.accepted.map((r) => r.headers['idempotency-key'])).toEqual(escalated);
  const support = api.posts(SUPPORT_CHANNEL).map((c) => JSON.stringify(c.args));
  expect(support).toHaveLength(3);
  support.forEach((post, i) => expect(post).toContain(`${issues[i]} (${i})`));
});
