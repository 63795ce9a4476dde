import { TeamsWebhookSink } from '../../../src/channels/teams/webhookSink';
import type { EscalationRecord } from '../../../src/messages';
import { FakeWebhook } from '../../fakes/botConnector';

const record: EscalationRecord = {
  id: 'teams:t:a:1#2025-05-01T10:00:00.000Z',
  conversationId: 'teams:t:a:1',
  channel: 'teams',
  user: { id: 'aad-1', name: 'Ann Example' },
  entryId: null,
  entryTitle: null,
  reason: 'asked_for_person',
  answers: {},
  transcript: [{ from: 'employee', text: 'printer jams', at: '2025-05-01T10:00:00.000Z' }],
  createdAt: '2025-05-01T10:00:00.000Z',
};

let webhook: FakeWebhook;
beforeEach(async () => {
  webhook = await FakeWebhook.start();
});
afterEach(() => webhook.close());

test('posts one Adaptive Card message and accepts 200 and 202', async () => {
  for (const status of [200, 202]) {
    webhook.status = status;
    await new TeamsWebhookSink({ url: webhook.url }).deliver(record);
  }
  expect(webhook.posts).toHaveLength(2);
  expect(webhook.posts[0].attachments[0].content.body[1].facts[0]).toEqual({ title: 'Who', value: 'Ann Example (aad-1)' });
});

test('a refusal rejects without showing the URL, whose query is a secret signature', async () => {
  webhook.status = 400;
  const error = (await new TeamsWebhookSink({ url: webhook.url }).deliver(record).catch((e: unknown) => e)) as Error;
  expect(error.message).toBe('the support webhook (TEAMS_SUPPORT_WEBHOOK_URL) answered HTTP 400');
  await webhook.close();
  const unreachable = (await new TeamsWebhookSink({ url: webhook.url }).deliver(record).catch((e: unknown) => e)) as Error;
  expect(unreachable.message).toContain('could not be reached');
  expect(unreachable.message).not.toContain('secret-signature');
});
