/**
 * Bot Framework activities shaped like the ones Teams posts to /api/messages (ids, channelData,
 * clientInfo and mention entities as Teams sends them), and a client that posts them.
 */
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const BOT = { id: '28:00000000-0000-0000-0000-0000000b0700', name: 'Helpdesk' };
export const ANN = { id: '29:1ann-teams-user-id', name: 'Ann Example', aadObjectId: '6f3b8c1e-1111-4a5b-9c2d-0000000000a1' };
export const BOB = { id: '29:1bob-teams-user-id', name: 'Bob Example', aadObjectId: '6f3b8c1e-2222-4a5b-9c2d-0000000000b2' };
export const TEAM = { id: '19:team-general@thread.tacv2', aadGroupId: '0a1b2c3d-3333-4e5f-8a9b-0000000000c3', name: 'IT' };
export const CHANNEL_ID = '19:it-questions@thread.tacv2';
export const GROUP_CHAT_ID = '19:meeting-and-chat-1a2b3c@thread.v2';
export const PERSONAL_CHAT_ID = 'a:1ann-personal-chat-with-helpdesk';

type Person = typeof ANN;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TeamsActivity = Record<string, any>;

let counter = 0;
/** Teams message ids are millisecond timestamps. */
export function nextId(): string {
  counter += 1;
  return String(1_747_000_000_000 + counter);
}

function base(serviceUrl: string, from: Person, conversation: TeamsActivity, channelData: TeamsActivity): TeamsActivity {
  const now = new Date().toISOString();
  return {
    type: 'message',
    id: nextId(),
    timestamp: now,
    localTimestamp: now,
    localTimezone: 'Europe/Berlin',
    channelId: 'msteams',
    serviceUrl,
    from,
    conversation: { tenantId: TENANT_ID, ...conversation },
    recipient: BOT,
    locale: 'en-US',
    entities: [{ type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'Europe/Berlin' }],
    channelData: { tenant: { id: TENANT_ID }, ...channelData },
  };
}

/** A message in the employee's personal chat with the bot (tests keep apart by chat id). */
export function personalMessage(serviceUrl: string, text: string, options: { chatId?: string; from?: Person } = {}): TeamsActivity {
  const conversation = { conversationType: 'personal', id: options.chatId ?? PERSONAL_CHAT_ID };
  return { ...base(serviceUrl, options.from ?? ANN, conversation, {}), textFormat: 'plain', text };
}

const mention = { type: 'mention', mentioned: BOT, text: `<at>${BOT.name}</at>` };

/**
 * A channel message. `rootId` is the thread's root message id (a new post is its own root);
 * `mentioned` adds the @mention Teams puts in the text and the entities.
 */
export function channelMessage(serviceUrl: string, text: string, options: { rootId?: string; mentioned?: boolean; from?: Person } = {}): TeamsActivity {
  const mentioned = options.mentioned ?? true;
  const activity = base(
    serviceUrl,
    options.from ?? BOB,
    { isGroup: true, conversationType: 'channel', id: '' },
    { teamsChannelId: CHANNEL_ID, teamsTeamId: TEAM.id, channel: { id: CHANNEL_ID }, team: TEAM },
  );
  const rootId = options.rootId ?? activity.id;
  activity.conversation.id = `${CHANNEL_ID};messageid=${rootId}`;
  activity.textFormat = 'plain';
  activity.text = mentioned ? `<at>${BOT.name}</at> ${text}` : text;
  if (mentioned) activity.entities = [mention, ...activity.entities];
  return activity;
}

/** A group chat message (the bot was added to the chat). */
export function groupChatMessage(serviceUrl: string, text: string, options: { mentioned?: boolean; from?: Person } = {}): TeamsActivity {
  const mentioned = options.mentioned ?? true;
  const activity = base(serviceUrl, options.from ?? BOB, { isGroup: true, conversationType: 'groupChat', id: GROUP_CHAT_ID }, {});
  activity.textFormat = 'plain';
  activity.text = mentioned ? `<at>${BOT.name}</at> ${text}` : text;
  if (mentioned) activity.entities = [mention, ...activity.entities];
  return activity;
}

/**
 * What Teams posts when an Action.Submit button is clicked: a message without text, the
 * button's data as `value`, and `replyToId` naming the card's message.
 */
export function cardSubmit(like: TeamsActivity, cardActivityId: string, data: unknown): TeamsActivity {
  const activity: TeamsActivity = { ...like, id: nextId(), replyToId: cardActivityId, value: data, channelData: { ...like.channelData, source: { name: 'message' }, legacy: { replyToId: cardActivityId } } };
  delete activity.text;
  delete activity.textFormat;
  activity.entities = like.entities.filter((e: TeamsActivity) => e.type !== 'mention');
  return activity;
}

/** Posts an activity to the bot like the Bot Connector does; returns the HTTP status. */
export async function postActivity(botUrl: string, activity: TeamsActivity, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(activity),
  });
  await response.arrayBuffer();
  return response.status;
}
