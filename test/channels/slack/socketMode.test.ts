/** Socket Mode (SLACK_APP_TOKEN): the same conversation over a WebSocket the bot opens itself. */
import { FAKE_BOT_ID, FAKE_BOT_USER } from '../../fakes/slackApi';
import { DM_CHANNEL, buttonClick, messageEvent } from '../../fakes/slackPayloads';
import { FakeSlackSocket } from '../../fakes/slackSocket';
import { SlackHarness, textOf } from './harness';

const APP_TOKEN = 'xapp-1-A0HDAPP01-1234567890-0123456789abcdef0123456789abcdef';

let socket: FakeSlackSocket;
let slack: SlackHarness;

beforeEach(async () => {
  socket = await FakeSlackSocket.start();
  slack = await SlackHarness.start(
    // No signing secret: Socket Mode does not need one. A configured identity skips auth.test.
    { SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: undefined, SLACK_BOT_ID: FAKE_BOT_ID, SLACK_BOT_USER_ID: FAKE_BOT_USER },
    (api) => {
      api.socketUrl = socket.url;
    },
  );
});

afterEach(async () => {
  await slack.close();
  await socket.close();
});

test('start-up opens the connection with the app token and skips auth.test', async () => {
  const open = slack.api.ok('apps.connections.open');
  expect(open).toHaveLength(1);
  expect(open[0]?.token).toBe(APP_TOKEN);
  expect(socket.connections).toBe(1);
  expect(slack.api.attempts('auth.test')).toEqual([]);
  // No HTTP route in Socket Mode.
  expect((await fetch(`${slack.server.url}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(404);
});

test('an event and a click over the socket are acknowledged and answered in the thread', async () => {
  const event = messageEvent({ channel: DM_CHANNEL, text: 'KB5057589 failed with 0x80070643' });
  const envelope = socket.sendEvent(event);
  await slack.api.waitFor('the event ack', () => socket.acks.find((a) => a.envelope_id === envelope));

  const question = await slack.api.waitFor('the question', () => slack.api.posts(DM_CHANNEL)[0]);
  expect(question.args.thread_ts).toBe(event.event.ts);
  expect(question.token).toMatch(/^xoxb-/);

  // A redelivery after a missed ack (retry_attempt 1) is not answered again.
  socket.sendEvent(event, 1);
  await slack.waitForLog('the redelivery dropped', 'slack event already handled; retry dropped', { retryNum: 1 });

  const click = socket.sendInteractive(buttonClick(question, 'Yes'));
  await slack.api.waitFor('the click ack', () => socket.acks.find((a) => a.envelope_id === click));
  await slack.api.waitFor('the redrawn question', () => slack.api.ok('chat.update').find((c) => c.args.ts === question.response.ts));
  const next = await slack.api.waitFor('the next question', () => slack.api.posts(DM_CHANNEL)[1]);
  expect(textOf(next)).toContain('recovery partition');
  await slack.close();
  expect(slack.api.posts(DM_CHANNEL)).toHaveLength(2);
  // Stopping the adapter closes the socket (the close handshake finishes just after).
  await slack.api.waitFor('the socket closed', () => socket.connections === 0);
});
