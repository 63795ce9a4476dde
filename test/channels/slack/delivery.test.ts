/** Delivery guarantees: signed requests only, one answer per event despite retries, replies survive rate limits. */
import { DM_CHANNEL, messageEvent } from '../../fakes/slackPayloads';
import { SlackHarness, textOf } from './harness';

let slack: SlackHarness;

beforeEach(async () => {
  slack = await SlackHarness.start();
});

afterEach(async () => {
  await slack.close();
});

test("Slack's retry of an event (X-Slack-Retry-Num) never produces a second reply", async () => {
  const event = messageEvent({ channel: DM_CHANNEL, text: 'KB5057589 failed with 0x80070643' });
  expect((await slack.postEvent(event)).status).toBe(200);
  expect((await slack.postEvent(event, { retryNum: 1 })).status).toBe(200);
  expect((await slack.postEvent(event, { retryNum: 2 })).status).toBe(200);

  await slack.api.waitFor('the reply', () => slack.api.posts(DM_CHANNEL)[0]);
  await slack.waitForLog('the second retry dropped', 'slack event already handled; retry dropped', { retryNum: 2 });
  await slack.close();
  expect(slack.api.posts(DM_CHANNEL)).toHaveLength(1);
  // A conversation that does not escalate needs no link back, so no permalink is fetched.
  expect(slack.api.ok('chat.getPermalink')).toHaveLength(0);
});

test.each([
  ['a forged signature', { secret: 'not-the-signing-secret-0000000000' }],
  ['no signature', { unsigned: true }],
  ['a stale timestamp (10 minutes old)', { timestamp: Math.floor(Date.now() / 1000) - 600 }],
])('a request with %s is refused with 401 and not processed', async (_what, options) => {
  const event = messageEvent({ channel: DM_CHANNEL, text: 'KB5057589 failed with 0x80070643' });
  const res = await slack.postEvent(event, options);
  expect(res.status).toBe(401);

  // A correctly signed request after it is answered; the refused one left no trace.
  const good = messageEvent({ channel: DM_CHANNEL, text: 'KB5057589 failed with 0x80070643' });
  await slack.postEvent(good);
  await slack.api.waitFor('the reply to the signed request', () => slack.api.posts(DM_CHANNEL)[0]);
  await slack.close();
  expect(slack.api.posts(DM_CHANNEL).map((c) => c.args.thread_ts)).toEqual([good.event.ts]);
  expect(slack.api.calls.some((c) => c.args.message_ts === event.event.ts || c.args.timestamp === event.event.ts)).toBe(false);
});

test('a 429 with Retry-After is waited out and the reply is still delivered', async () => {
  slack.api.rateLimitNext('chat.postMessage', 1);
  const started = Date.now();
  await slack.postEvent(messageEvent({ channel: DM_CHANNEL, text: 'KB5057589 failed with 0x80070643' }));

  const reply = await slack.api.waitFor('the reply after the rate limit', () => slack.api.posts(DM_CHANNEL)[0]);
  expect(textOf(reply)).toContain('Has the PC restarted');
  const attempts = slack.api.attempts('chat.postMessage');
  expect(attempts.map((a) => a.status)).toEqual([429, 200]);
  // Retry-After: 1 was respected (the client waited at least that long before trying again).
  expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
});

test("Slack's URL verification challenge is answered (when the request URL is saved in the app config)", async () => {
  const res = await slack.postEvent({ token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
});
