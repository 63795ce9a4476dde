/** Reading Slack deliveries, and the rules for when the bot speaks. */
import { isIgnored, mightConcernBot, readButtonClick, readMessageEvent, speakMode, type InboundMessage } from '../../../src/channels/slack/inbound';
import { FAKE_BOT_ID, FAKE_BOT_USER, FAKE_TEAM } from '../../fakes/slackApi';
import { COLLEAGUE, DM_CHANNEL, EMPLOYEE, GENERAL, HELP_CHANNEL, appMentionEvent, botMessageEvent, messageChangedEvent, messageEvent } from '../../fakes/slackPayloads';

const bot = { botUserId: FAKE_BOT_USER, botId: FAKE_BOT_ID };

function read(body: object): InboundMessage {
  const message = readMessageEvent(body, bot);
  if (isIgnored(message)) throw new Error(message.ignored);
  return message;
}

test('a threaded DM reply is read with its thread and team', () => {
  const body = messageEvent({ channel: DM_CHANNEL, text: 'yes', threadTs: '1714040000.000100' });
  expect(read(body)).toEqual({
    via: 'message',
    eventId: body.event_id,
    teamId: FAKE_TEAM,
    channel: DM_CHANNEL,
    isDirect: true,
    user: EMPLOYEE,
    text: 'yes',
    ts: body.event.ts,
    threadTs: '1714040000.000100',
    mentionsBot: false,
  });
});

test.each([
  ['another bot', botMessageEvent(HELP_CHANNEL, 'KB5057589 failed'), 'sent by a bot'],
  ['an edit', messageChangedEvent(HELP_CHANNEL, { ts: '1714040000.000100', text: 'a' }, 'b'), 'subtype message_changed'],
  ['the bot itself', messageEvent({ channel: HELP_CHANNEL, text: 'hi', user: FAKE_BOT_USER }), 'sent by this bot'],
  ['an empty message', messageEvent({ channel: DM_CHANNEL, text: '  ' }), 'no text'],
])('%s is not read as a question', (_what, body, reason) => {
  expect(readMessageEvent(body, bot)).toEqual({ ignored: reason });
});

test('a deletion is not read as a question', () => {
  const body = { ...messageEvent({ channel: DM_CHANNEL, text: 'x' }) };
  body.event = { type: 'message', subtype: 'message_deleted', hidden: true, deleted_ts: '1714040000.000100', channel: DM_CHANNEL, ts: '1714040001.000100' };
  expect(readMessageEvent(body, bot)).toEqual({ ignored: 'subtype message_deleted' });
});

describe('when the bot speaks', () => {
  const facts = { awaitingAnswer: false, helpChannels: [HELP_CHANNEL] };

  test('always in a direct message', () => {
    expect(speakMode(read(messageEvent({ channel: DM_CHANNEL, text: 'printer?' })), facts)).toBe('always');
  });

  test('when mentioned, answering the app_mention event and not its message twin', () => {
    const text = `<@${FAKE_BOT_USER}> KB5057589 failed`;
    expect(speakMode(read(appMentionEvent({ channel: GENERAL, text })), facts)).toBe('always');
    expect(speakMode(read(messageEvent({ channel: GENERAL, text })), facts)).toEqual({ ignored: 'mention (answered as app_mention)' });
  });

  test('in help channels only when a known issue matches; elsewhere not without a mention', () => {
    expect(speakMode(read(messageEvent({ channel: HELP_CHANNEL, text: 'KB5057589 failed' })), facts)).toBe('when_matched');
    expect(speakMode(read(messageEvent({ channel: GENERAL, text: 'KB5057589 failed' })), facts)).toEqual({ ignored: 'channel message without a mention' });
  });

  test("in a thread waiting for an answer: the employee's reply, not a colleague's", () => {
    const waiting = { ...facts, owner: EMPLOYEE, awaitingAnswer: true };
    expect(speakMode(read(messageEvent({ channel: GENERAL, text: 'yes', threadTs: '1714040000.000100' })), waiting)).toBe('always');
    expect(speakMode(read(messageEvent({ channel: GENERAL, text: 'yes', threadTs: '1714040000.000100', user: COLLEAGUE })), waiting)).toEqual({ ignored: "another employee's conversation" });
  });
});

test('top-level chatter in ordinary channels is dropped before any store lookup; thread replies are looked up', () => {
  const help = [HELP_CHANNEL];
  expect(mightConcernBot(read(messageEvent({ channel: GENERAL, text: 'lunch?' })), help)).toBe(false);
  expect(mightConcernBot(read(messageEvent({ channel: GENERAL, text: `<@${FAKE_BOT_USER}> hi` })), help)).toBe(false);
  expect(mightConcernBot(read(messageEvent({ channel: GENERAL, text: '400 MB', threadTs: '1714040000.000100' })), help)).toBe(true);
  expect(mightConcernBot(read(messageEvent({ channel: HELP_CHANNEL, text: 'lunch?' })), help)).toBe(true);
  expect(mightConcernBot(read(messageEvent({ channel: DM_CHANNEL, text: 'lunch?' })), help)).toBe(true);
});

test('a block_actions payload is read as a click with its thread and the original message', () => {
  const click = readButtonClick({
    type: 'block_actions',
    user: { id: EMPLOYEE, username: 'jdoe', name: 'jdoe', team_id: FAKE_TEAM },
    container: { type: 'message', message_ts: '1714040005.000200', channel_id: DM_CHANNEL, is_ephemeral: false, thread_ts: '1714040000.000100' },
    team: { id: FAKE_TEAM, domain: 'acme' },
    channel: { id: DM_CHANNEL, name: 'directmessage' },
    message: { type: 'message', text: 'Has the PC restarted?', ts: '1714040005.000200', thread_ts: '1714040000.000100', blocks: [{ type: 'section' }] },
    actions: [{ action_id: 'helpdesk_option_0', block_id: 'helpdesk:x', text: { type: 'plain_text', text: 'Yes' }, value: 'yes', type: 'button', action_ts: '1714040010.1' }],
  });
  expect(click).toEqual({
    teamId: FAKE_TEAM,
    channel: DM_CHANNEL,
    user: EMPLOYEE,
    messageTs: '1714040005.000200',
    threadTs: '1714040000.000100',
    value: 'yes',
    label: 'Yes',
    blockId: 'helpdesk:x',
    messageText: 'Has the PC restarted?',
    messageBlocks: [{ type: 'section' }],
  });
});
