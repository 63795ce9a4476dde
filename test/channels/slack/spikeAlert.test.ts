/** Spike alerts reach the Slack support channel through the real server. */
import { DM_CHANNEL, SUPPORT_CHANNEL, messageEvent } from '../../fakes/slackPayloads';
import { SlackHarness, textOf } from './harness';

let slack: SlackHarness;

afterEach(async () => {
  await slack.close();
});

test('more conversations about one entry than the threshold post one notice to the support channel', async () => {
  slack = await SlackHarness.start({}, undefined, { server: { spikeAlertThreshold: 2 }, spikeCheckEveryMs: 50 });
  for (let i = 0; i < 3; i++) expect((await slack.postEvent(messageEvent({ channel: DM_CHANNEL, text: 'KB5057589 failed with 0x80070643' }))).status).toBe(200);
  const notice = await slack.api.waitFor('the spike notice', () => slack.api.posts(SUPPORT_CHANNEL).find((c) => textOf(c).startsWith('*Spike:')));
  expect(textOf(notice)).toContain('3 conversations in the last hour about KB5057589');
  // Checked every 50 ms, announced once per hour.
  await new Promise((r) => setTimeout(r, 300));
  expect(slack.api.posts(SUPPORT_CHANNEL).filter((c) => textOf(c).startsWith('*Spike:'))).toHaveLength(1);
});
