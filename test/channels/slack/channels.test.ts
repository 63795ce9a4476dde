/** Channels: answered when mentioned, in help channels when a known issue matches, never to bots or edits. */
import { FAKE_BOT_USER } from '../../fakes/slackApi';
import {
  COLLEAGUE,
  EMPLOYEE,
  GENERAL,
  HELP_CHANNEL,
  SUPPORT_CHANNEL,
  appMentionEvent,
  botMessageEvent,
  buttonClick,
  messageChangedEvent,
  messageEvent,
} from '../../fakes/slackPayloads';
import { buttonsOf, SlackHarness, textOf } from './harness';

let slack: SlackHarness;

beforeEach(async () => {
  slack = await SlackHarness.start();
});

afterEach(async () => {
  await slack.close();
});

/** A mention arrives twice, as app_mention and as message.channels, with different event ids. */
async function mention(channel: string, text: string, extra: { threadTs?: string; user?: string } = {}) {
  const mentionEvent = appMentionEvent({ channel, text: `<@${FAKE_BOT_USER}> ${text}`, ...extra });
  const ts = mentionEvent.event.ts as string;
  const message = messageEvent({ channel, text: `<@${FAKE_BOT_USER}> ${text}`, ts, ...extra });
  expect((await slack.postEvent(message)).status).toBe(200);
  expect((await slack.postEvent(mentionEvent)).status).toBe(200);
  return ts;
}

test('a mention that needs IT escalates: one reply in the thread, and a support post with mention, entry and permalink', async () => {
  const ts = await mention(GENERAL, 'KB5034441 failed 0x80070643');

  const reply = await slack.api.waitFor('the reply', () => slack.api.posts(GENERAL)[0]);
  expect(reply.args.thread_ts).toBe(ts);
  expect(textOf(reply)).toContain('real installation failure');
  expect(textOf(reply)).toContain("I've passed this to IT support");

  const support = await slack.api.waitFor('the support post', () => slack.api.posts(SUPPORT_CHANNEL)[0]);
  const blocks = JSON.stringify(support.args.blocks);
  expect(blocks).toContain(`<@${EMPLOYEE}>`);
  expect(blocks).toContain('kb5034441-winre-partition-too-small');
  expect(blocks).toContain('KB5034441 / KB5034440 / KB5034439');
  expect(blocks).toContain('recovery_partition_too_small');
  expect(blocks).toContain(`<https://acme.slack.com/archives/${GENERAL}/p${ts.replace('.', '')}|Open the conversation>`);
  expect(blocks).toContain('KB5034441 failed 0x80070643');
  const record = await slack.api.waitFor('the escalation record', () => slack.sink.records[0]);
  expect(record.link).toBe(`https://acme.slack.com/archives/${GENERAL}/p${ts.replace('.', '')}`);

  await slack.api.waitFor('the escalated reaction', () => slack.api.ok('reactions.add').find((c) => c.args.name === 'raising_hand' && c.args.timestamp === ts));
  await slack.close();
  // The mention's second delivery (the message event) did not produce a second answer.
  expect(slack.api.posts(GENERAL)).toHaveLength(1);
  expect(slack.api.posts(SUPPORT_CHANNEL)).toHaveLength(1);
});

test('after a hand-off the thread stays with it: support talks there unanswered, the employee hears once that support has it', async () => {
  const ts = await mention(GENERAL, 'KB5034441 failed 0x80070643');
  await slack.api.waitFor('the escalation', () => slack.api.posts(GENERAL)[0]);

  // Someone from IT support answers in the thread: not the bot's business, even naming the update.
  await slack.postEvent(messageEvent({ channel: GENERAL, text: 'Hi, IT here: KB5034441 needs a bigger recovery partition, I will call you', threadTs: ts, user: COLLEAGUE }));
  await slack.waitForLog('the support reply ignored', 'slack message ignored', { reason: "another employee's conversation" });

  await slack.postEvent(messageEvent({ channel: GENERAL, text: 'yes I restarted already', threadTs: ts }));
  const notice = await slack.api.waitFor('the notice', () => slack.api.posts(GENERAL)[1]);
  expect(notice.args.thread_ts).toBe(ts);
  expect(textOf(notice)).toContain('IT support already has this conversation');
  await slack.postEvent(messageEvent({ channel: GENERAL, text: 'recovery shows 120 MB free', threadTs: ts }));
  await slack.waitForLog('the second addition handled', 'slack turn done', { outcome: 'escalated', posted: 0 });
  await slack.close();
  expect(slack.api.posts(GENERAL)).toHaveLength(2);
  expect(slack.api.posts(SUPPORT_CHANNEL)).toHaveLength(1);
});

test('after a mention, the employee answers in the thread without mentioning the bot; others in the thread are not taken as answers', async () => {
  const ts = await mention(GENERAL, 'KB5057589 failed with 0x80070643');
  const question = await slack.api.waitFor('the question', () => slack.api.posts(GENERAL)[0]);
  expect(question.args.thread_ts).toBe(ts);

  await slack.postEvent(messageEvent({ channel: GENERAL, text: 'no idea, same here', threadTs: ts, user: COLLEAGUE }));
  await slack.waitForLog('the colleague ignored', 'slack message ignored', { reason: "another employee's conversation" });

  await slack.postEvent(messageEvent({ channel: GENERAL, text: 'yes it rebooted', threadTs: ts }));
  const next = await slack.api.waitFor('the next question', () => slack.api.posts(GENERAL)[1]);
  expect(next.args.thread_ts).toBe(ts);
  expect(textOf(next)).toContain('recovery partition');

  // The colleague's click on the employee's buttons is refused politely, in private.
  await slack.postAction(buttonClick(next, 'Less than 250 MB', COLLEAGUE));
  const ephemeral = await slack.api.waitFor('the private notice', () => slack.api.ok('chat.postEphemeral')[0]);
  expect(ephemeral.args.user).toBe(COLLEAGUE);
  expect(textOf(ephemeral)).toContain(`<@${EMPLOYEE}>`);

  await slack.postAction(buttonClick(next, '250 MB or more'));
  const resolution = await slack.api.waitFor('the resolution', () => slack.api.posts(GENERAL)[2]);
  expect(textOf(resolution)).toContain('safe to ignore');
});

test('a channel message without a mention, outside help channels, is left alone', async () => {
  await slack.postEvent(messageEvent({ channel: GENERAL, text: 'KB5057589 failed with 0x80070643' }));
  await slack.waitForLog('the decision', 'slack message ignored', { reason: 'channel message without a mention' });
  await slack.close();
  expect(slack.api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
});

test('in a help channel a matching message is answered without a mention', async () => {
  const message = messageEvent({ channel: HELP_CHANNEL, text: 'KB5057589 keeps failing with 0x80070643 on my laptop' });
  await slack.postEvent(message);
  const reply = await slack.api.waitFor('the reply', () => slack.api.posts(HELP_CHANNEL)[0]);
  expect(reply.args.thread_ts).toBe(message.event.ts);
  expect(textOf(reply)).toContain('Has the PC restarted');
  expect(buttonsOf(reply)).toContain('Talk to a person');
  await slack.api.waitFor('the in-progress reaction', () => slack.api.ok('reactions.add').find((c) => c.args.name === 'eyes' && c.args.timestamp === message.event.ts));
});

test('in a help channel a message that matches nothing gets no reply and no reaction', async () => {
  await slack.postEvent(messageEvent({ channel: HELP_CHANNEL, text: 'does anyone know where the coffee filters are?' }));
  await slack.waitForLog('the silent turn', 'slack turn done', { outcome: 'no_match', posted: 0 });
  await slack.close();
  expect(slack.api.ok('chat.postMessage')).toEqual([]);
  expect(slack.api.ok('reactions.add')).toEqual([]);
});

test('messages from bots, edits and the bot itself are never answered', async () => {
  await slack.postEvent(botMessageEvent(HELP_CHANNEL, 'KB5057589 failed with 0x80070643'));
  await slack.waitForLog('the bot message ignored', 'slack event ignored', { reason: 'sent by a bot' });

  const original = { ts: '1714040000.000100', text: 'hello' };
  await slack.postEvent(messageChangedEvent(HELP_CHANNEL, original, 'KB5057589 failed with 0x80070643'));
  await slack.waitForLog('the edit ignored', 'slack event ignored', { reason: 'subtype message_changed' });

  // Bolt's ignoreSelf drops the bot's own messages before any listener; the message after it
  // is a barrier: once that one is decided, the first would have been queued long before.
  await slack.postEvent(messageEvent({ channel: HELP_CHANNEL, text: 'KB5057589 failed with 0x80070643', user: FAKE_BOT_USER }));
  await slack.postEvent(messageEvent({ channel: GENERAL, text: 'barrier' }));
  await slack.waitForLog('the barrier', 'slack message ignored', { reason: 'channel message without a mention' });

  await slack.close();
  expect(slack.api.ok('chat.postMessage')).toEqual([]);
});
