/**
 * SlackTurns on its own: a real HelpdeskBot and store, a real WebClient against the fake API,
 * for outcomes the full server does not produce on demand (a sink that refuses, Slack errors).
 */
import { webApi } from '@slack/bolt';
import { HelpdeskBot } from '../../../src/bot';
import { isIgnored, readMessageEvent, type InboundMessage } from '../../../src/channels/slack/inbound';
import { SlackTurns } from '../../../src/channels/slack/slackTurns';
import { MemoryConversationStore } from '../../../src/conversation/store';
import { CollectingSink, type EscalationSink } from '../../../src/escalation/sink';
import { FAKE_BOT_ID, FAKE_BOT_USER, FakeSlackApi } from '../../fakes/slackApi';
import { DM_CHANNEL, messageEvent } from '../../fakes/slackPayloads';
import { BOT_TOKEN, helpdeskKnowledge, RecordingLogger, textOf } from './harness';

/** A support channel that is down. */
class RefusingSink implements EscalationSink {
  readonly name = 'refusing';
  async deliver(): Promise<void> {
    throw new Error('not_in_channel');
  }
}

let api: FakeSlackApi;
let logger: RecordingLogger;
let turns: SlackTurns;

beforeEach(async () => {
  api = await FakeSlackApi.start();
  logger = new RecordingLogger();
  const store = new MemoryConversationStore();
  turns = slackTurns(new HelpdeskBot({ knowledge: helpdeskKnowledge(), store, sink: new RefusingSink(), logger }), store);
});

/** SlackTurns for `bot`, talking to the fake API without retries. */
function slackTurns(bot: HelpdeskBot, store: MemoryConversationStore, workingStatusAfterMs = 1000): SlackTurns {
  return new SlackTurns({
    bot,
    store,
    client: new webApi.WebClient(BOT_TOKEN, { slackApiUrl: api.url, retryConfig: { retries: 0 } }),
    logger,
    helpChannels: [],
    deliveryTtlMs: 60_000,
    answerTtlMs: 60_000,
    workingStatusAfterMs,
  });
}

afterEach(async () => {
  await turns.drain(5000);
  await api.close();
});

function dm(text: string, threadTs?: string): InboundMessage {
  const message = readMessageEvent(messageEvent({ channel: DM_CHANNEL, text, threadTs }), { botUserId: FAKE_BOT_USER, botId: FAKE_BOT_ID });
  if (isIgnored(message)) throw new Error(message.ignored);
  return message;
}

test('when support cannot be reached, the employee is told to contact IT directly', async () => {
  await turns.message(dm('KB5034441 failed 0x80070643'));
  const posts = api.posts(DM_CHANNEL);
  expect(posts).toHaveLength(2);
  expect(textOf(posts[0]!)).toContain('real installation failure');
  expect(textOf(posts[1]!)).toContain("couldn't reach IT support");
  expect(logger.find('escalation delivery failed')).toBeDefined();
});

test('Slack refusing the reactions or the redraw does not stop the conversation, and no permalink is fetched for it', async () => {
  api.failNext('reactions.add', 'missing_scope');
  const first = dm('KB5057589 failed with 0x80070643');
  await turns.message(first);
  expect(textOf(api.posts(DM_CHANNEL)[0]!)).toContain('Has the PC restarted');
  expect(logger.find('slack status reaction failed', { reaction: 'eyes' })).toBeDefined();

  api.failNext('chat.update', 'cant_update_message');
  await turns.message(dm('yes', first.ts));
  expect(textOf(api.posts(DM_CHANNEL)[1]!)).toContain('recovery partition');
  expect(logger.find('slack question not redrawn')).toBeDefined();
});

test('an escalation asks for the permalink once, and goes out without it when Slack refuses', async () => {
  const store = new MemoryConversationStore();
  const sink = new CollectingSink();
  const bot = new HelpdeskBot({ knowledge: helpdeskKnowledge(), store, sink, logger });
  const escalating = slackTurns(bot, store);
  bot.useLinkResolver('slack', (id) => escalating.permalinkFor(id));

  const first = dm('KB5034441 failed 0x80070643');
  await escalating.message(first);
  await escalating.drain(5000);
  expect(api.ok('chat.getPermalink').map((c) => c.args)).toEqual([expect.objectContaining({ channel: DM_CHANNEL, message_ts: first.ts })]);
  expect(sink.records[0].link).toMatch(/^https:\/\//);

  api.failNext('chat.getPermalink', 'message_not_found');
  await escalating.message(dm('talk to a person'));
  await escalating.drain(5000);
  expect(sink.records).toHaveLength(2);
  expect(sink.records[1].link).toBeUndefined();
  expect(logger.find('slack permalink not available')).toBeDefined();
});

test('a reply Slack refuses is logged whole', async () => {
  api.failNext('chat.postMessage', 'channel_not_found');
  await turns.message(dm('KB5057589 failed with 0x80070643'));
  const logged = logger.find('slack reply not delivered');
  expect(logged?.obj.text).toContain('Has the PC restarted');
  expect(logged?.obj.err).toContain('channel_not_found');
});

test('when the core fails (its store is down), the employee gets an apology instead of silence', async () => {
  // A store whose reads fail, as Redis does when it is unreachable.
  class DownStore extends MemoryConversationStore {
    override async get(): Promise<undefined> {
      throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    }
  }
  const store = new DownStore();
  const failing = new SlackTurns({
    bot: new HelpdeskBot({ knowledge: helpdeskKnowledge(), store, logger }),
    // The adapter's own reads go through a working store; only the core's fail.
    store: new MemoryConversationStore(),
    client: new webApi.WebClient(BOT_TOKEN, { slackApiUrl: api.url, retryConfig: { retries: 0 } }),
    logger,
    helpChannels: [],
    deliveryTtlMs: 60_000,
    answerTtlMs: 60_000,
    workingStatusAfterMs: 1000,
  });
  const message = dm('KB5057589 failed with 0x80070643');
  await failing.message(message);
  expect(textOf(api.posts(DM_CHANNEL)[0]!)).toContain('something went wrong on my side');
  // It failed at once: no 👀 was shown, so none is left behind.
  expect(api.calls.filter((c) => c.method.startsWith('reactions.'))).toEqual([]);
  expect(logger.find('slack turn failed')?.obj.err).toContain('ECONNREFUSED');
});

test('a slow turn shows 👀 while the bot works, and takes it away when nothing is pending', async () => {
  // A store that answers slowly, as a remote Redis under load does.
  class SlowStore extends MemoryConversationStore {
    override async get(id: string) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return super.get(id);
    }
  }
  const store = new SlowStore();
  const slow = slackTurns(new HelpdeskBot({ knowledge: helpdeskKnowledge(), store, logger }), store, 20);
  const message = dm('where do I find the coffee filters?');
  await slow.message(message);
  const sequence = api.calls.filter((c) => c.method !== 'auth.test').map((c) => `${c.method} ${String(c.args.name ?? '')}`.trim());
  expect(sequence).toEqual(['reactions.add eyes', 'chat.postMessage', 'reactions.remove eyes']);
});

test('a quick turn gets its reply first, then 👀 while it waits for an answer', async () => {
  const message = dm('KB5057589 failed with 0x80070643');
  await turns.message(message);
  const sequence = api.calls.filter((c) => c.method !== 'auth.test').map((c) => `${c.method} ${String(c.args.name ?? '')}`.trim());
  expect(sequence).toEqual(['chat.postMessage', 'reactions.add eyes']);
});
