/**
 * What the Slack app must be granted and subscribed to. The manifests in manifest/slack are
 * checked against these lists by a test, so code and manifest cannot drift apart.
 */

/** The one HTTP path for Events API and interactivity requests. */
export const EVENTS_PATH = '/slack/events';

/** Bot token scopes, each for something the adapter receives or calls. */
export const REQUIRED_SCOPES = [
  // app_mention events: questions asked with @helpdesk in any channel.
  'app_mentions:read',
  // message.channels / message.groups: help channels and answers in threads, public and private.
  'channels:history',
  'groups:history',
  // message.im: direct messages.
  'im:history',
  // chat.postMessage, chat.update, chat.postEphemeral: replies, answered questions, the support post.
  'chat:write',
  // reactions.add / reactions.remove: the status shown on the employee's message.
  'reactions:write',
] as const;

/** Bot events the adapter listens to. */
export const BOT_EVENTS = ['app_mention', 'message.channels', 'message.groups', 'message.im'] as const;
