/**
 * The Teams adapter end to end over loopback HTTP: the real server, teams-ai and botbuilder,
 * a fake Bot Connector for replies and a fake incoming webhook for escalations.
 */
import { loopbackServerConfig } from '../../helpers/serverConfig';
import { readTeamsConfig } from '../../../src/channels/teams/teamsConfig';
import { loadKnowledge } from '../../../src/knowledge/loadKnowledge';
import type { Logger } from '../../../src/logger';
import { startServer, type RunningServer } from '../../../src/server/runServer';
import { FakeBotConnector, FakeWebhook, waitFor, type ConnectorCall } from '../../fakes/botConnector';
import {
  ANN,
  BOB,
  CHANNEL_ID,
  GROUP_CHAT_ID,
  TEAM,
  TENANT_ID,
  cardSubmit,
  channelMessage,
  groupChatMessage,
  personalMessage,
  postActivity,
} from './activities';

const SUPPORT_CHANNEL = '19:it-support-escalations@thread.tacv2';

interface LogLine {
  level: string;
  obj: object;
  msg?: string;
}

function collectingLogger(lines: LogLine[]): Logger {
  const at = (level: string) => (obj: object, msg?: string) => void lines.push({ level, obj, msg });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const cardOf = (call: ConnectorCall): any => call.body.attachments?.[0]?.content;
/** All text of a card, as a person reads it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const cardText = (call: ConnectorCall): string => JSON.stringify(cardOf(call).body.map((e: any) => e.inlines?.map((i: any) => i.text).join('') ?? e.text ?? e.facts));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const buttons = (call: ConnectorCall): string[] => (cardOf(call).actions ?? []).map((a: any) => a.title);

let connector: FakeBotConnector;
let webhook: FakeWebhook;
let server: RunningServer;
const logs: LogLine[] = [];

beforeAll(async () => {
  connector = await FakeBotConnector.start();
  webhook = await FakeWebhook.start();
  connector.members.set(ANN.id, { ...ANN, userPrincipalName: 'ann@contoso.example', email: 'ann@contoso.example' });
  const teams = readTeamsConfig({ TEAMS_ENABLED: 'true', TEAMS_SUPPORT_WEBHOOK_URL: webhook.url, TEAMS_SUPPORT_CONVERSATION_ID: SUPPORT_CHANNEL });
  expect(teams.problems).toEqual([]);
  server = await startServer({
    server: loopbackServerConfig(),
    slack: null,
    teams: teams.config,
    knowledge: loadKnowledge('knowledge').knowledge,
    logger: collectingLogger(logs),
  });
});

afterAll(async () => {
  await server?.close();
  await connector?.close();
  await webhook?.close();
});

beforeEach(() => {
  connector.calls.length = 0;
  webhook.posts.length = 0;
});

test('says at start that requests are not authenticated and only loopback is served', () => {
  expect(logs.some((l) => l.level === 'warn' && /not authenticated/.test(l.msg ?? '') && /loopback/.test(l.msg ?? ''))).toBe(true);
});

test('a personal chat goes from the question to the resolution, typed answers closing each card', async () => {
  const chatId = 'a:1chat-typed-answers';
  const say = (text: string) => personalMessage(connector.serviceUrl, text, { chatId });
  const first = say('KB5057589 failed with 0x80070643');
  expect(await postActivity(server.url, first)).toBe(200);
  const [question] = await connector.messagesTo(chatId, 1);
  expect(question.kind).toBe('reply');
  expect(question.targetId).toBe(first.id);
  expect(cardText(question)).toContain('Has the PC restarted since the update was installed?');
  // The knowledge decides the options; every question offers a person last.
  expect(buttons(question).slice(0, 2)).toEqual(['Yes', 'No']);
  expect(buttons(question).at(-1)).toBe('Talk to a person');
  expect(question.body.summary).toContain('restarted');

  expect(await postActivity(server.url, say('yes'))).toBe(200);
  const [, size] = await connector.messagesTo(chatId, 2);
  expect(cardText(size)).toContain('How much free space does the recovery partition have?');
  expect(buttons(size)).toEqual(expect.arrayContaining(['Less than 250 MB', '250 MB or more', 'Talk to a person']));
  expect(cardText(size)).toContain('You can also type your answer.');
  // The typed "yes" closed the first card: same question, the answer, no buttons.
  const closed = await waitFor(() => connector.updates.find((u) => u.targetId === question.id), 'the first card to be updated');
  expect(cardText(closed)).toContain('Has the PC restarted');
  expect(cardText(closed)).toContain('Your answer: yes');
  expect(cardOf(closed).actions).toBeUndefined();

  expect(await postActivity(server.url, say('400 MB'))).toBe(200);
  const [, , resolution] = await connector.messagesTo(chatId, 3);
  expect(cardText(resolution)).toContain('safe to ignore');
  expect(cardText(resolution)).toContain('400 MB free');
  expect(buttons(resolution)).toEqual([]);
  // Commands in backticks are shown in monospace.
  expect(JSON.stringify(cardOf(resolution))).toContain('{"type":"TextRun","text":"reagentc /info","fontType":"Monospace"}');
  await waitFor(() => connector.updates.find((u) => u.targetId === size.id), 'the size card to be updated');
  expect(webhook.posts).toEqual([]);
});

test('a click on a card button updates the card and moves the conversation on', async () => {
  const chatId = 'a:1chat-clicks';
  const first = personalMessage(connector.serviceUrl, 'KB5057589 shows 0x80070643 in Windows Update', { chatId });
  await postActivity(server.url, first);
  const [question] = await connector.messagesTo(chatId, 1);
  const yes = cardOf(question).actions.find((a: { title: string }) => a.title === 'Yes');
  expect(yes.type).toBe('Action.Submit');

  expect(await postActivity(server.url, cardSubmit(first, question.id!, yes.data))).toBe(200);
  const update = await waitFor(() => connector.updates.find((u) => u.targetId === question.id), 'the clicked card to be updated');
  expect(update.conversationId).toBe(chatId);
  expect(cardText(update)).toContain('Has the PC restarted');
  expect(cardText(update)).toContain('Your answer: Yes');
  expect(cardOf(update).actions).toBeUndefined();
  const [, next] = await connector.messagesTo(chatId, 2);
  expect(cardText(next)).toContain('How much free space');

  // A second click on the same (already answered) card is not a second answer.
  const messages = connector.messages.length;
  expect(await postActivity(server.url, cardSubmit(first, question.id!, yes.data))).toBe(200);
  expect(connector.messages.length).toBe(messages);

  const choice = cardOf(next).actions.find((a: { title: string }) => a.title === '250 MB or more');
  await postActivity(server.url, cardSubmit(first, next.id!, choice.data));
  const [, , resolution] = await connector.messagesTo(chatId, 3);
  expect(cardText(resolution)).toContain('safe to ignore');
});

test('the same activity delivered twice gets one reply', async () => {
  const chatId = 'a:1chat-duplicates';
  const message = personalMessage(connector.serviceUrl, 'KB5057589 failed with 0x80070643', { chatId });
  expect(await postActivity(server.url, message)).toBe(200);
  expect(await postActivity(server.url, message)).toBe(200);
  await connector.messagesTo(chatId, 1);
  // Each POST returns only after its turn, so a second reply would already be recorded.
  expect(connector.messages).toHaveLength(1);
  expect(connector.updates).toHaveLength(0);
});

test('an unknown question in a personal chat gets the "don\'t know" reply with a way to a person', async () => {
  const chatId = 'a:1chat-unknown-question';
  await postActivity(server.url, personalMessage(connector.serviceUrl, 'My printer on floor 3 jams every morning', { chatId }));
  const [reply] = await connector.messagesTo(chatId, 1);
  expect(cardText(reply)).toContain("I don't know this one yet");
  expect(buttons(reply)).toEqual(['Talk to a person']);

  const talk = cardOf(reply).actions[0];
  await postActivity(server.url, cardSubmit(personalMessage(connector.serviceUrl, '', { chatId }), reply.id!, talk.data));
  const [, handedOver] = await connector.messagesTo(chatId, 2);
  expect(cardText(handedOver)).toContain('passed this to IT support');
  const closed = await waitFor(() => connector.updates.find((u) => u.targetId === reply.id), 'the clicked card to be updated');
  expect(cardText(closed)).toContain('Your answer: Talk to a person');
  const [post] = await waitFor(() => webhook.posts.length === 1 && webhook.posts, 'the escalation on the webhook');
  const card = JSON.stringify(post);
  expect(card).toContain('printer on floor 3');
  // Personal chats link to a chat with the employee, found through the member lookup.
  expect(card).toContain('https://teams.microsoft.com/l/chat/0/0?tenantId=');
  expect(card).toContain('users=ann%40contoso.example');
});

test('in a personal chat, what the employee adds after a hand-off gets one notice and no second ticket', async () => {
  const chatId = 'a:1chat-after-handoff';
  const say = (text: string) => personalMessage(connector.serviceUrl, text, { chatId });
  expect(await postActivity(server.url, say('KB5034441 failed with 0x80070643'))).toBe(200);
  const [handedOver] = await connector.messagesTo(chatId, 1);
  expect(cardText(handedOver)).toContain('passed this to IT support');
  await waitFor(() => webhook.posts.length === 1, 'the escalation on the webhook');

  expect(await postActivity(server.url, say('yes I restarted already'))).toBe(200);
  const [, notice] = await connector.messagesTo(chatId, 2);
  expect(cardText(notice)).toContain('IT support already has this conversation');
  expect(cardText(notice)).not.toContain("I don't know this one yet");
  expect(await postActivity(server.url, say('thanks'))).toBe(200);
  expect(await postActivity(server.url, say('KB5034441 failed with 0x80070643'))).toBe(200);
  // The repeated issue stays with the hand-off: nothing more is sent, and no second ticket.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(connector.messages.filter((m) => m.conversationId === chatId)).toHaveLength(2);
  expect(webhook.posts).toHaveLength(1);
});

test('a new question typed after the "don\'t know" reply takes its button away and is answered', async () => {
  const chatId = 'a:1chat-second-try';
  await postActivity(server.url, personalMessage(connector.serviceUrl, 'Teams keeps logging me out', { chatId }));
  const [dontKnow] = await connector.messagesTo(chatId, 1);
  await postActivity(server.url, personalMessage(connector.serviceUrl, 'Actually: KB5057589 failed with 0x80070643', { chatId }));
  const [, question] = await connector.messagesTo(chatId, 2);
  expect(cardText(question)).toContain('Has the PC restarted');
  const closed = await waitFor(() => connector.updates.find((u) => u.targetId === dontKnow.id), 'the first card to be updated');
  expect(cardText(closed)).toContain("I don't know this one yet");
  expect(cardText(closed)).not.toContain('Your answer');
  expect(cardOf(closed).actions).toBeUndefined();
});

test('a channel @mention escalates: the thread is told, support gets the card on the webhook and in its channel', async () => {
  const message = channelMessage(connector.serviceUrl, 'KB5057589 failed with 0x80070643 and since then the PC crashes with a blue screen');
  expect(await postActivity(server.url, message)).toBe(200);
  const thread = `${CHANNEL_ID};messageid=${message.id}`;
  const [reply] = await connector.messagesTo(thread, 1);
  expect(reply.kind).toBe('reply');
  expect(cardText(reply)).toContain('needs a technician');
  expect(cardText(reply)).toContain('Someone will get back to you here.');

  const [post] = await waitFor(() => webhook.posts.length === 1 && webhook.posts, 'the escalation on the webhook');
  expect(post.type).toBe('message');
  expect(post.attachments).toHaveLength(1);
  expect(post.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  const card = post.attachments[0].content;
  expect(card.type).toBe('AdaptiveCard');
  const facts = Object.fromEntries(card.body.find((e: { type: string }) => e.type === 'FactSet').facts.map((f: { title: string; value: string }) => [f.title, f.value]));
  expect(facts.Who).toBe(`${BOB.name} (${BOB.aadObjectId})`);
  expect(facts.Entry).toContain('kb5057589-winre-false-error');
  expect(facts.Reason).toBe('system degraded (system_degraded)');
  expect(JSON.stringify(card.body)).toContain('since then the PC crashes with a blue screen');
  expect(JSON.stringify(card.body)).not.toContain('<at>');
  const open = card.actions.find((a: { type: string }) => a.type === 'Action.OpenUrl');
  const link = new URL(open.url);
  expect(link.origin + link.pathname).toBe(`https://teams.microsoft.com/l/message/${encodeURIComponent(CHANNEL_ID)}/${message.id}`);
  expect(link.searchParams.get('tenantId')).toBe(TENANT_ID);
  expect(link.searchParams.get('groupId')).toBe(TEAM.aadGroupId);

  // The proactive post starts a new thread in the support channel, through the same connector.
  const [proactive] = await connector.messagesTo(SUPPORT_CHANNEL, 1);
  expect(proactive.kind).toBe('send');
  expect(JSON.stringify(cardOf(proactive))).toContain('system_degraded');
});

test('channel and group chat messages without an @mention are ignored; with one, the chat is answered', async () => {
  expect(await postActivity(server.url, channelMessage(connector.serviceUrl, 'KB5057589 failed with 0x80070643', { mentioned: false }))).toBe(200);
  expect(await postActivity(server.url, groupChatMessage(connector.serviceUrl, 'KB5057589 failed with 0x80070643', { mentioned: false }))).toBe(200);
  expect(connector.messages).toEqual([]);

  await postActivity(server.url, groupChatMessage(connector.serviceUrl, 'KB5057589 failed with 0x80070643', { from: ANN }));
  const [question] = await connector.messagesTo(GROUP_CHAT_ID, 1);
  expect(cardText(question)).toContain('Has the PC restarted');
  // Another member answers by clicking; the card names who answered.
  const yes = cardOf(question).actions[0];
  const click = cardSubmit(groupChatMessage(connector.serviceUrl, '', { from: BOB }), question.id!, yes.data);
  await postActivity(server.url, click);
  const update = await waitFor(() => connector.updates.find((u) => u.targetId === question.id), 'the group card to be updated');
  expect(cardText(update)).toContain(`${BOB.name} answered: Yes`);
  const [, size] = await connector.messagesTo(GROUP_CHAT_ID, 2);
  // In a group chat the bot only hears @mentions, so the hint says so.
  expect(cardText(size)).toContain('You can also mention @Helpdesk with your answer.');
});
