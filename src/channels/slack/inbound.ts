/**
 * Slack deliveries read into what the adapter needs, and the rules for when the bot speaks.
 * Pure: no Slack calls, no store; the adapter supplies what it knows about the thread.
 */

/** A message an employee wrote (message or app_mention event). */
export interface InboundMessage {
  via: 'message' | 'app_mention';
  eventId: string;
  teamId: string;
  channel: string;
  /** True in a direct message with the bot. */
  isDirect: boolean;
  user: string;
  text: string;
  ts: string;
  /** The thread the message belongs to: its thread_ts, or its own ts when it starts one. */
  threadTs: string;
  /** Whether the text mentions the bot (<@bot user id>). */
  mentionsBot: boolean;
}

/** A click on one of the bot's option buttons (block_actions). */
export interface InboundClick {
  teamId: string;
  channel: string;
  user: string;
  /** The message that carries the buttons. */
  messageTs: string;
  threadTs: string;
  value: string;
  label: string;
  /** The conversation the buttons belong to, when our block id carries it. */
  blockId?: string;
  /** The clicked message as Slack sent it back, to redraw it without buttons. */
  messageText: string;
  messageBlocks: unknown[];
}

/** Why a delivery is not for the bot (kept for debug logs). */
export type Ignored = { ignored: string };

// Subtypes that are still a person's new message; every other subtype (edits, deletions, joins,
// bot posts) is not.
const PERSON_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/** Reads an event_callback body with a message or app_mention event. */
export function readMessageEvent(body: unknown, bot: { botUserId?: string; botId?: string }): InboundMessage | Ignored {
  const b = record(body);
  const e = record(b.event);
  const type = e.type;
  if (type !== 'message' && type !== 'app_mention') return { ignored: `event type ${String(type)}` };
  if ((e.bot_id !== undefined && e.bot_id !== null) || e.subtype === 'bot_message') return { ignored: 'sent by a bot' };
  if (typeof e.subtype === 'string' && !PERSON_SUBTYPES.has(e.subtype)) return { ignored: `subtype ${e.subtype}` };
  const user = str(e.user);
  if (!user) return { ignored: 'no user' };
  if (user === bot.botUserId) return { ignored: 'sent by this bot' };
  const text = str(e.text) ?? '';
  if (text.trim() === '') return { ignored: 'no text' };
  const channel = str(e.channel);
  const ts = str(e.ts);
  const eventId = str(b.event_id);
  if (!channel || !ts || !eventId) return { ignored: 'missing channel, ts or event_id' };
  const teamId = str(b.team_id) ?? str(e.team) ?? 'unknown';
  return {
    via: type,
    eventId,
    teamId,
    channel,
    isDirect: e.channel_type === 'im' || channel.startsWith('D'),
    user,
    text,
    ts,
    threadTs: str(e.thread_ts) ?? ts,
    mentionsBot: bot.botUserId !== undefined && text.includes(`<@${bot.botUserId}`),
  };
}

/** Reads a block_actions payload for one button click. */
export function readButtonClick(body: unknown): InboundClick | Ignored {
  const b = record(body);
  if (b.type !== 'block_actions') return { ignored: `payload type ${String(b.type)}` };
  const action = record(Array.isArray(b.actions) ? b.actions[0] : undefined);
  if (action.type !== 'button') return { ignored: `action type ${String(action.type)}` };
  const container = record(b.container);
  const message = record(b.message);
  const channel = str(container.channel_id) ?? str(record(b.channel).id);
  const messageTs = str(container.message_ts) ?? str(message.ts);
  const user = str(record(b.user).id);
  const value = str(action.value);
  if (!channel || !messageTs || !user || value === undefined) return { ignored: 'missing channel, message, user or value' };
  return {
    teamId: str(record(b.team).id) ?? str(record(b.user).team_id) ?? 'unknown',
    channel,
    user,
    messageTs,
    threadTs: str(message.thread_ts) ?? str(container.thread_ts) ?? messageTs,
    value,
    label: str(record(action.text).text) ?? value,
    blockId: str(action.block_id),
    messageText: str(message.text) ?? '',
    messageBlocks: Array.isArray(message.blocks) ? message.blocks : [],
  };
}

/** How the bot answers a message: always, or only when it matched a known issue (help channels). */
export type SpeakMode = 'always' | 'when_matched';

/** What the adapter knows about the thread's conversation before the turn. */
export interface ThreadFacts {
  /** The employee whose conversation the thread holds, if one is open. */
  owner?: string;
  /** True while the bot waits for an answer there (not after an unmatched message). */
  awaitingAnswer: boolean;
  /** SLACK_HELP_CHANNELS. */
  helpChannels: readonly string[];
}

/**
 * When the bot speaks: always in direct messages and when mentioned; in a thread where it waits
 * for this employee's answer; in help channels only when the message matches a known issue.
 * Anything else is not for the bot.
 */
export function speakMode(message: InboundMessage, facts: ThreadFacts): SpeakMode | Ignored {
  if (message.isDirect) return 'always';
  // A thread with an open conversation belongs to its employee; others talking there are not asking the bot.
  if (facts.awaitingAnswer && facts.owner !== undefined && facts.owner !== message.user) return { ignored: "another employee's conversation" };
  // The same mention also arrives as a message event; the app_mention event answers it.
  if (message.via === 'app_mention') return 'always';
  if (message.mentionsBot) return { ignored: 'mention (answered as app_mention)' };
  if (facts.awaitingAnswer) return 'always';
  if (facts.helpChannels.includes(message.channel)) return 'when_matched';
  return { ignored: 'channel message without a mention' };
}

/**
 * Whether a message can concern the bot at all, before its thread is looked up: top-level
 * chatter in ordinary channels is dropped without touching the store.
 */
export function mightConcernBot(message: InboundMessage, helpChannels: readonly string[]): boolean {
  if (message.isDirect || message.via === 'app_mention') return true;
  if (message.mentionsBot) return false;
  return message.threadTs !== message.ts || helpChannels.includes(message.channel);
}

/** The conversation a Slack thread holds (exact form: `slack:${team}:${channel}:${threadTs}`). */
export function slackConversationId(teamId: string, channel: string, threadTs: string): string {
  return `slack:${teamId}:${channel}:${threadTs}`;
}

export function isIgnored<T>(value: T | Ignored): value is Ignored {
  return typeof value === 'object' && value !== null && 'ignored' in value;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
