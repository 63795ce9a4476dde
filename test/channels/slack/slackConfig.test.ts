/** Slack's variables: read into a config, or every problem named by its variable, secrets never echoed. */
import { readSlackConfig } from '../../../src/channels/slack/slackConfig';

const BOT_TOKEN = 'xoxb-1111111111-2222222222-fakefakefakefakefake';
const SECRET = '8f742231b10e8888abcd99e7c2d3f85a';
const APP_TOKEN = 'xapp-1-A0HDAPP01-1234567890-0123456789abcdef';

test('no SLACK_* variable: Slack is not configured, and that is not a problem', () => {
  expect(readSlackConfig({ PORT: '3978' })).toEqual({ config: null, problems: [] });
  expect(readSlackConfig({ SLACK_BOT_TOKEN: '  ' })).toEqual({ config: null, problems: [] });
});

test('HTTP mode with every optional variable', () => {
  const { config, problems } = readSlackConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: 'http://127.0.0.1:9999/api',
    SLACK_SUPPORT_CHANNEL: 'C0SUPPORT1',
    SLACK_HELP_CHANNELS: ' C0ITHELP01, G0PRIVATE1 ,,C0ITHELP01',
    SLACK_BOT_ID: 'B0HDBOT01',
    SLACK_BOT_USER_ID: 'U0HDBOT01',
  });
  expect(problems).toEqual([]);
  expect(config).toEqual({
    botToken: BOT_TOKEN,
    transport: { kind: 'http', signingSecret: SECRET },
    apiUrl: 'http://127.0.0.1:9999/api/',
    supportChannel: 'C0SUPPORT1',
    helpChannels: ['C0ITHELP01', 'G0PRIVATE1'],
    identity: { botId: 'B0HDBOT01', botUserId: 'U0HDBOT01' },
  });
});

test('SLACK_APP_TOKEN selects Socket Mode, and the signing secret is then not needed', () => {
  const { config, problems } = readSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN });
  expect(problems).toEqual([]);
  expect(config).toEqual({ botToken: BOT_TOKEN, transport: { kind: 'socket', appToken: APP_TOKEN }, helpChannels: [] });
});

test('every problem is reported at once, each naming its variable', () => {
  const { config, problems } = readSlackConfig({
    SLACK_SUPPORT_CHANNEL: 'general',
    SLACK_HELP_CHANNELS: 'C0ITHELP01,#it-help,random',
    SLACK_API_URL: 'slack.com/api',
    SLACK_BOT_ID: 'B0HDBOT01',
  });
  expect(config).toBeNull();
  expect(problems.map((p) => p.variable)).toEqual(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_API_URL', 'SLACK_SUPPORT_CHANNEL', 'SLACK_HELP_CHANNELS', 'SLACK_BOT_USER_ID']);
  expect(problems.find((p) => p.variable === 'SLACK_SUPPORT_CHANNEL')?.message).toMatch(/channel ID such as C0123ABCD, not "general"/);
  expect(problems.find((p) => p.variable === 'SLACK_HELP_CHANNELS')?.message).toContain('"#it-help", "random" are not');
});

test('tokens of the wrong kind are refused without echoing them', () => {
  const userToken = 'xoxp-9999999999-secretsecretsecret';
  const botTokenAsAppToken = 'xoxb-8888888888-secretsecretsecret';
  const { config, problems } = readSlackConfig({ SLACK_BOT_TOKEN: userToken, SLACK_APP_TOKEN: botTokenAsAppToken });
  expect(config).toBeNull();
  expect(problems.map((p) => p.variable)).toEqual(['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN']);
  expect(problems[0]?.message).toContain('xoxb-');
  expect(problems[1]?.message).toContain('xapp-');
  for (const p of problems) {
    expect(p.message).not.toContain('secret');
    expect(p.message).not.toContain('9999999999');
    expect(p.message).not.toContain('8888888888');
  }
});

test('a missing signing secret explains HTTP and Socket Mode', () => {
  const { problems } = readSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN });
  expect(problems).toEqual([{ variable: 'SLACK_SIGNING_SECRET', message: expect.stringContaining('SLACK_APP_TOKEN') }]);
});

test('malformed bot identity is reported per variable', () => {
  const { problems } = readSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_ID: 'helpdesk', SLACK_BOT_USER_ID: '@helpdesk' });
  expect(problems.map((p) => p.variable)).toEqual(['SLACK_BOT_ID', 'SLACK_BOT_USER_ID']);
});
