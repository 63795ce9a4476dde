/**
 * Slack deliveries shaped like the real ones (Events API event_callback bodies and block_actions
 * payloads, as documented and as seen on the wire), with fresh ids and timestamps.
 */
import { FAKE_APP_ID, FAKE_BOT_USER, FAKE_TEAM, type SlackApiCall } from './slackApi';

export const EMPLOYEE = 'U0EMPLOY01';
export const COLLEAGUE = 'U0COLLEA01';
export const DM_CHANNEL = 'D0EMPLOY01';
export const GENERAL = 'C0GENERAL1';
export const HELP_CHANNEL = 'C0ITHELP01';
export const SUPPORT_CHANNEL = 'C0SUPPORT1';

let seq = 0;
const next = () => (seq += 1);

/** A message timestamp as Slack writes them: seconds, a dot, six digits. */
export function newTs(): string {
  return `${Math.floor(Date.now() / 1000)}.${String(next()).padStart(6, '0')}`;
}

export interface SlackEventBody {
  type: 'event_callback';
  event_id: string;
  event: Record<string, unknown>;
  [key: string]: unknown;
}

/** The event_callback envelope around one event. */
function envelope(event: Record<string, unknown>): SlackEventBody {
  const n = next();
  return {
    token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
    team_id: FAKE_TEAM,
    context_team_id: FAKE_TEAM,
    context_enterprise_id: null,
    api_app_id: FAKE_APP_ID,
    event,
    type: 'event_callback',
    event_id: `Ev0${String(n).padStart(8, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: FAKE_TEAM, user_id: FAKE_BOT_USER, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-eyJldCI6Im1lc3NhZ2UiLCJ0aWQiOiJUMEhFTFBERVNLIn0-${n}`,
  };
}

/** What a person's message carries besides its text: client id and the rich_text block. */
function typed(text: string): Record<string, unknown> {
  return {
    client_msg_id: `5d4a5c8e-0b6f-4f4e-9c1d-${String(next()).padStart(12, '0')}`,
    text,
    blocks: [{ type: 'rich_text', block_id: `rt${next()}`, elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }] }],
  };
}

export interface MessageOptions {
  channel: string;
  text: string;
  user?: string;
  /** 'im' for direct messages, 'channel' (public) or 'group' (private). */
  channelType?: 'im' | 'channel' | 'group';
  ts?: string;
  threadTs?: string;
}

/** A message event (message.im / message.channels), as a person sends it. */
export function messageEvent(o: MessageOptions): SlackEventBody {
  const ts = o.ts ?? newTs();
  return envelope({
    user: o.user ?? EMPLOYEE,
    type: 'message',
    ts,
    ...typed(o.text),
    team: FAKE_TEAM,
    ...(o.threadTs && { thread_ts: o.threadTs, parent_user_id: o.user ?? EMPLOYEE }),
    channel: o.channel,
    event_ts: ts,
    channel_type: o.channelType ?? (o.channel.startsWith('D') ? 'im' : 'channel'),
  });
}

/** An app_mention event: the text starts with the bot's mention, as Slack sends it. */
export function appMentionEvent(o: MessageOptions): SlackEventBody {
  const ts = o.ts ?? newTs();
  return envelope({
    user: o.user ?? EMPLOYEE,
    type: 'app_mention',
    ts,
    ...typed(o.text),
    team: FAKE_TEAM,
    ...(o.threadTs && { thread_ts: o.threadTs }),
    channel: o.channel,
    event_ts: ts,
  });
}

/** A message another app posted (subtype bot_message). */
export function botMessageEvent(channel: string, text: string): SlackEventBody {
  const ts = newTs();
  return envelope({ type: 'message', subtype: 'bot_message', text, ts, username: 'Jira Cloud', bot_id: 'B0OTHERBT1', channel, event_ts: ts, channel_type: channel.startsWith('D') ? 'im' : 'channel' });
}

/** An edit: Slack sends message_changed with the new message inside. */
export function messageChangedEvent(channel: string, original: { ts: string; text: string }, newText: string): SlackEventBody {
  const ts = newTs();
  return envelope({
    type: 'message',
    subtype: 'message_changed',
    message: { type: 'message', user: EMPLOYEE, text: newText, edited: { user: EMPLOYEE, ts }, ts: original.ts },
    previous_message: { type: 'message', user: EMPLOYEE, text: original.text, ts: original.ts },
    channel,
    hidden: true,
    ts,
    event_ts: ts,
    channel_type: channel.startsWith('D') ? 'im' : 'channel',
  });
}

/**
 * The block_actions payload Slack sends when `user` clicks the button labelled `label` on a
 * message the bot posted (taken from the fake API's record of that post).
 */
export function buttonClick(post: SlackApiCall, label: string, user = EMPLOYEE): Record<string, unknown> {
  const blocks = post.args.blocks as Array<{ type: string; block_id?: string; elements?: Array<Record<string, unknown>> }>;
  const actions = blocks.find((b) => b.type === 'actions');
  const button = actions?.elements?.find((e) => (e.text as { text: string }).text === label);
  if (!actions || !button) throw new Error(`the post has no button labelled "${label}"`);
  const channel = String(post.args.channel);
  const ts = String(post.response.ts);
  const threadTs = post.args.thread_ts as string | undefined;
  return {
    type: 'block_actions',
    user: { id: user, username: 'jdoe', name: 'jdoe', team_id: FAKE_TEAM },
    api_app_id: FAKE_APP_ID,
    token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false, ...(threadTs && { thread_ts: threadTs }) },
    trigger_id: `${next()}.1234567890.abcdef0123456789`,
    team: { id: FAKE_TEAM, domain: 'acme' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: channel.startsWith('D') ? 'directmessage' : 'it-help' },
    message: { ...(post.response.message as object), ts, ...(threadTs && { thread_ts: threadTs }) },
    state: { values: {} },
    response_url: `https://hooks.slack.com/actions/${FAKE_TEAM}/${next()}/fakeResponseUrlToken`,
    actions: [{ action_id: button.action_id, block_id: actions.block_id, text: button.text, value: button.value, type: 'button', action_ts: newTs() }],
  };
}
