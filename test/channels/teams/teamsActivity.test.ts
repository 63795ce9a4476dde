import { conversationKey, displayText, linkBack, mentionsBot, senderOf } from '../../../src/channels/teams/teamsActivity';
import { ANN, BOT, CHANNEL_ID, GROUP_CHAT_ID, TENANT_ID, channelMessage, groupChatMessage, personalMessage } from './activities';

const serviceUrl = 'http://127.0.0.1:1/';

test('conversation ids carry the tenant; a channel thread is its own conversation', () => {
  expect(conversationKey(personalMessage(serviceUrl, 'hi', { chatId: 'a:1xyz' }))).toBe(`teams:${TENANT_ID}:a:1xyz`);
  const reply = channelMessage(serviceUrl, 'hi', { rootId: '1747000000999' });
  expect(conversationKey(reply)).toBe(`teams:${TENANT_ID}:${CHANNEL_ID};messageid=1747000000999`);
  // A channel post delivered without the thread suffix is the root of its own thread.
  const post = channelMessage(serviceUrl, 'hi');
  post.conversation.id = CHANNEL_ID;
  expect(conversationKey(post)).toBe(`teams:${TENANT_ID}:${CHANNEL_ID};messageid=${post.id}`);
});

test('only a mention of the bot itself counts', () => {
  expect(mentionsBot(channelMessage(serviceUrl, 'hi'))).toBe(true);
  const other = channelMessage(serviceUrl, 'hi', { mentioned: false });
  other.entities.push({ type: 'mention', mentioned: { id: ANN.id, name: ANN.name }, text: `<at>${ANN.name}</at>` });
  expect(mentionsBot(other)).toBe(false);
  expect(BOT.id).toBe(other.recipient.id);
});

test('the employee is known by Entra object id and name', () => {
  expect(senderOf(personalMessage(serviceUrl, 'hi'))).toEqual({ id: ANN.aadObjectId, name: ANN.name });
});

test('typed text reads without mentions and markup', () => {
  expect(displayText('<at>Helpdesk</at> <p>400&nbsp;MB</p>')).toBe('400 MB');
  expect(displayText('x'.repeat(300))).toHaveLength(200);
});

test('a group chat links to the message in the chat', () => {
  const message = groupChatMessage(serviceUrl, 'hi');
  const link = new URL(linkBack(message)!);
  expect(link.pathname).toBe(`/l/message/${encodeURIComponent(GROUP_CHAT_ID)}/${message.id}`);
  expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ contextType: 'chat' });
  // A personal chat links only when the employee's user principal name is known.
  expect(linkBack(personalMessage(serviceUrl, 'hi'))).toBeUndefined();
});
