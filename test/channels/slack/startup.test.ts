/** Start-up in HTTP mode: the bot's identity comes from auth.test once, and a bad token stops the start. */
import { DM_CHANNEL, messageEvent } from '../../fakes/slackPayloads';
import { SlackHarness } from './harness';

test('without SLACK_BOT_ID/SLACK_BOT_USER_ID, auth.test is called once at start and never per event', async () => {
  const slack = await SlackHarness.start();
  try {
    expect(slack.api.ok('auth.test')).toHaveLength(1);
    expect(slack.logger.find('slack adapter started', { transport: 'http' })).toBeDefined();
    await slack.postEvent(messageEvent({ channel: DM_CHANNEL, text: 'KB5057589 failed with 0x80070643' }));
    await slack.postEvent(messageEvent({ channel: DM_CHANNEL, text: 'my mouse is slow' }));
    await slack.api.waitFor('both replies', () => slack.api.posts(DM_CHANNEL).length === 2);
    expect(slack.api.attempts('auth.test')).toHaveLength(1);
  } finally {
    await slack.close();
  }
});

test('a token Slack refuses fails the start with the reason', async () => {
  await expect(SlackHarness.start({}, (api) => api.failNext('auth.test', 'invalid_auth'))).rejects.toThrow(/invalid_auth/);
});
