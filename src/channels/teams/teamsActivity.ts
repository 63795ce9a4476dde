/**
 * What the adapter reads from a Teams activity: which conversation it belongs to, who sent it,
 * whether the bot was mentioned, and a link back for support. Pure functions, no SDK calls.
 */
import type { Activity } from 'botbuilder';

/** The kind of Teams conversation; anything unknown is treated like a group chat (mention needed). */
export type TeamsConversationType = 'personal' | 'channel' | 'groupChat';

export function conversationType(activity: Partial<Activity>): TeamsConversationType {
  const type = activity.conversation?.conversationType;
  return type === 'personal' || type === 'channel' ? type : 'groupChat';
}

export function tenantOf(activity: Partial<Activity>): string {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id ?? 'unknown-tenant';
}

/**
 * The core's conversation id: `teams:<tenant>:<conversation>`. A channel conversation id carries
 * `;messageid=<root>`, so each thread is its own conversation; a top-level post without it is
 * the root of its own thread.
 */
export function conversationKey(activity: Partial<Activity>): string {
  let id = activity.conversation?.id ?? 'unknown-conversation';
  if (conversationType(activity) === 'channel' && !id.includes(';messageid=') && activity.id) id = `${id};messageid=${activity.id}`;
  return `teams:${tenantOf(activity)}:${id}`;
}

/** The key under which one delivered activity is claimed, so a redelivery is handled once. */
export function deliveryKey(activity: Partial<Activity>): string | null {
  return activity.id ? `teams:${activity.conversation?.id ?? ''}:${activity.id}` : null;
}

/** The key under which a question card's answer is claimed: a card is answered once. */
export function cardKey(activity: Partial<Activity>, cardActivityId: string): string {
  return `teams-card:${activity.conversation?.id ?? ''}:${cardActivityId}`;
}

/** The employee, by Entra object id when Teams sends it (stable across chats), else the Teams user id. */
export function senderOf(activity: Partial<Activity>): { id: string; name?: string } {
  const from = activity.from;
  const id = from?.aadObjectId || from?.id || 'unknown-user';
  return from?.name ? { id, name: from.name } : { id };
}

/** Whether the message @mentions the bot (the recipient of the activity). */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  if (!botId) return false;
  return (activity.entities ?? []).some((e) => e.type?.toLowerCase() === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId);
}

/** Typed text as it reads in a card: mentions and markup removed, shortened. */
export function displayText(text: string, max = 200): string {
  const plain = text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

const TEAMS = 'https://teams.microsoft.com';

/**
 * A Teams deep link back to where the employee asked: the channel thread, the group chat
 * message, or (personal chats, when the user principal name is known) a chat with the employee.
 */
export function linkBack(activity: Partial<Activity>, userPrincipalName?: string | null): string | undefined {
  const tenantId = tenantOf(activity);
  const type = conversationType(activity);
  const conversationId = activity.conversation?.id ?? '';
  if (type === 'channel') {
    const channelData = activity.channelData as { channel?: { id?: string }; team?: { aadGroupId?: string } } | undefined;
    const [channelPart, rootPart] = conversationId.split(';messageid=');
    const channelId = channelData?.channel?.id ?? channelPart;
    const rootId = rootPart ?? activity.id;
    if (!channelId || !rootId) return undefined;
    const query = new URLSearchParams({ tenantId, parentMessageId: rootId });
    if (channelData?.team?.aadGroupId) query.set('groupId', channelData.team.aadGroupId);
    return `${TEAMS}/l/message/${encodeURIComponent(channelId)}/${encodeURIComponent(rootId)}?${query}`;
  }
  if (type === 'groupChat') {
    if (!conversationId || !activity.id) return undefined;
    const query = new URLSearchParams({ tenantId, context: JSON.stringify({ contextType: 'chat' }) });
    return `${TEAMS}/l/message/${encodeURIComponent(conversationId)}/${encodeURIComponent(activity.id)}?${query}`;
  }
  // The employee's chat with the bot is private: the useful link opens a chat with the employee.
  if (!userPrincipalName) return undefined;
  return `${TEAMS}/l/chat/0/0?${new URLSearchParams({ tenantId, users: userPrincipalName })}`;
}
