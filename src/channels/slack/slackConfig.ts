/**
 * Slack's variables (exact names from the Slack issue). Every problem is collected and names its
 * variable; secret values are never echoed.
 */
import type { ConfigProblem, ConfigResult } from '../../config/problems';
import { isUrlWith } from '../../config/urls';

/** How Slack reaches the bot. */
export type SlackTransport =
  /** Events API and interactivity as HTTP POSTs to /slack/events, checked with the signing secret. */
  | { kind: 'http'; signingSecret: string }
  /** A WebSocket the bot opens to Slack: no public URL needed. */
  | { kind: 'socket'; appToken: string };

export interface SlackConfig {
  /** SLACK_BOT_TOKEN (xoxb-…): authorizes every Web API call. */
  botToken: string;
  /** SLACK_APP_TOKEN (xapp-…) selects Socket Mode; otherwise HTTP with SLACK_SIGNING_SECRET. */
  transport: SlackTransport;
  /** SLACK_API_URL: the Web API base URL, always ending in `/`. Default: Slack's own (https://slack.com/api/). */
  apiUrl?: string;
  /** SLACK_SUPPORT_CHANNEL: where escalations are posted. Default: none (escalations reach other sinks and the log only). */
  supportChannel?: string;
  /** SLACK_HELP_CHANNELS: channels where matching messages are answered without a mention. Default: none. */
  helpChannels: string[];
  /**
   * SLACK_BOT_ID and SLACK_BOT_USER_ID, set together: the bot's identity is then known without
   * calling auth.test at start. Default: asked from Slack with auth.test.
   */
  identity?: { botId: string; botUserId: string };
}

// Public (C…) and private (G…) channel ids; Slack ids are upper-case letters and digits.
const CHANNEL_ID = /^[CG][A-Z0-9]{6,}$/;
const BOT_ID = /^B[A-Z0-9]{6,}$/;
const USER_ID = /^[UW][A-Z0-9]{6,}$/;

const SLACK_VARIABLES = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'SLACK_API_URL',
  'SLACK_SUPPORT_CHANNEL',
  'SLACK_HELP_CHANNELS',
  'SLACK_BOT_ID',
  'SLACK_BOT_USER_ID',
] as const;

/** Null config when Slack is not configured at all (no SLACK_* variable is set). */
export function readSlackConfig(env: NodeJS.ProcessEnv): ConfigResult<SlackConfig | null> {
  const value = (name: (typeof SLACK_VARIABLES)[number]) => env[name]?.trim() || undefined;
  if (SLACK_VARIABLES.every((name) => value(name) === undefined)) return { config: null, problems: [] };

  const problems: ConfigProblem[] = [];
  const botToken = value('SLACK_BOT_TOKEN');
  if (!botToken) {
    problems.push({ variable: 'SLACK_BOT_TOKEN', message: 'is required when any SLACK_* variable is set: the bot token (xoxb-…) from OAuth & Permissions, which the bot uses to reply.' });
  } else if (!botToken.startsWith('xoxb-')) {
    problems.push({ variable: 'SLACK_BOT_TOKEN', message: 'must be the Bot User OAuth Token, which starts with xoxb- (OAuth & Permissions › Bot User OAuth Token).' });
  }

  const transport = readTransport(value('SLACK_APP_TOKEN'), value('SLACK_SIGNING_SECRET'), problems);
  const apiUrl = readApiUrl(value('SLACK_API_URL'), problems);

  const supportChannel = value('SLACK_SUPPORT_CHANNEL');
  if (supportChannel !== undefined && !CHANNEL_ID.test(supportChannel)) {
    problems.push({ variable: 'SLACK_SUPPORT_CHANNEL', message: `must be a channel ID such as C0123ABCD, not "${supportChannel}": the channel where escalations are posted (channel details › About, at the bottom).` });
  }

  const helpChannels = (value('SLACK_HELP_CHANNELS') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const badHelp = helpChannels.filter((c) => !CHANNEL_ID.test(c));
  if (badHelp.length > 0) {
    const list = badHelp.map((c) => `"${c}"`).join(', ');
    problems.push({ variable: 'SLACK_HELP_CHANNELS', message: `must be comma-separated channel IDs such as C0123ABCD,C0456EFGH; ${list} ${badHelp.length === 1 ? 'is' : 'are'} not: the channels where matching questions are answered without a mention.` });
  }

  const identity = readIdentity(value('SLACK_BOT_ID'), value('SLACK_BOT_USER_ID'), problems);

  if (problems.length > 0 || !botToken || !transport) return { config: null, problems };
  return {
    config: {
      botToken,
      transport,
      ...(apiUrl !== undefined && { apiUrl }),
      ...(supportChannel !== undefined && { supportChannel }),
      helpChannels: [...new Set(helpChannels)],
      ...(identity !== undefined && { identity }),
    },
    problems,
  };
}

function readTransport(appToken: string | undefined, signingSecret: string | undefined, problems: ConfigProblem[]): SlackTransport | undefined {
  if (appToken !== undefined) {
    if (!appToken.startsWith('xapp-')) {
      problems.push({ variable: 'SLACK_APP_TOKEN', message: 'must be an app-level token, which starts with xapp- (Basic Information › App-Level Tokens, scope connections:write); it turns on Socket Mode.' });
      return undefined;
    }
    return { kind: 'socket', appToken };
  }
  if (signingSecret === undefined) {
    problems.push({ variable: 'SLACK_SIGNING_SECRET', message: 'is required for HTTP mode (Basic Information › Signing Secret): it proves that requests to /slack/events come from Slack. Set SLACK_APP_TOKEN instead to use Socket Mode.' });
    return undefined;
  }
  return { kind: 'http', signingSecret };
}

function readApiUrl(raw: string | undefined, problems: ConfigProblem[]): string | undefined {
  if (raw === undefined) return undefined;
  if (!isUrlWith(raw, ['http:', 'https:'])) {
    problems.push({ variable: 'SLACK_API_URL', message: 'must be an http(s) URL such as https://slack.com/api/: the base URL of the Slack Web API (leave it unset outside tests and proxies).' });
    return undefined;
  }
  // The Web API client appends method names directly to this base.
  return raw.endsWith('/') ? raw : `${raw}/`;
}

function readIdentity(botId: string | undefined, botUserId: string | undefined, problems: ConfigProblem[]): SlackConfig['identity'] {
  if (botId === undefined && botUserId === undefined) return undefined;
  if (botId === undefined || botUserId === undefined) {
    const missing = botId === undefined ? 'SLACK_BOT_ID' : 'SLACK_BOT_USER_ID';
    problems.push({ variable: missing, message: 'must be set together with the other one (SLACK_BOT_ID and SLACK_BOT_USER_ID), or neither: both let the bot skip auth.test at start.' });
    return undefined;
  }
  let ok = true;
  if (!BOT_ID.test(botId)) {
    problems.push({ variable: 'SLACK_BOT_ID', message: `must be a bot ID such as B0123ABCD (the bot_id from auth.test), not "${botId}".` });
    ok = false;
  }
  if (!USER_ID.test(botUserId)) {
    problems.push({ variable: 'SLACK_BOT_USER_ID', message: `must be the bot's user ID such as U0123ABCD (the user_id from auth.test), not "${botUserId}".` });
    ok = false;
  }
  return ok ? { botId, botUserId } : undefined;
}
