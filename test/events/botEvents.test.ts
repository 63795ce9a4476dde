/** The bot records one event per handled message: what a later `report` counts. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HelpdeskBot } from '../../src/bot';
import { SqliteConversationStore } from '../../src/conversation/sqliteStore';
import { conversationHash, UNMATCHED_TEXT_CHARS, type EventLog } from '../../src/events/eventLog';
import type { Logger } from '../../src/logger';
import { FALSE_ERROR, shippedKnowledge } from '../helpers/knowledge';

let tmp: string;
let store: SqliteConversationStore;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'helpdesk-events-'));
  store = new SqliteConversationStore({ file: join(tmp, 'helpdesk.db') });
});
afterEach(async () => {
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
});

test('one event per message: matched, resolved, unmatched (with its text) and escalated (with its reason)', async () => {
  let clock = Date.parse('2025-05-01T09:00:00.000Z');
  const bot = new HelpdeskBot({ knowledge: shippedKnowledge(), store, events: store.events, now: () => new Date((clock += 1000)) });
  const say = (conversationId: string, text: string) => bot.handle({ conversationId, channel: 'slack', user: { id: 'U1' }, text });
  await say('slack:T1:C1:1.1', 'KB5057589 failed');
  await say('slack:T1:C1:1.1', 'yes');
  await say('slack:T1:C1:1.1', '600 MB');
  await say('slack:T1:C1:2.2', 'printer on floor 3 jams every morning');
  await say('slack:T1:C1:2.2', 'Talk to a person');

  const events = await store.events.query();
  expect(events.map((e) => [e.type, e.entryId, e.started])).toEqual([
    ['matched', FALSE_ERROR, true],
    ['matched', FALSE_ERROR, false],
    ['resolved', FALSE_ERROR, false],
    ['unmatched', null, true],
    ['escalated', null, false],
  ]);
  expect(events[3]).toMatchObject({ text: 'printer on floor 3 jams every morning', channel: 'slack' });
  expect(events[4]).toMatchObject({ reason: 'asked_for_person' });
  expect(events[0].conversation).toBe(conversationHash('slack:T1:C1:1.1'));
  expect(events[0].conversation).not.toContain('slack');
  expect(events[0].at).toBe('2025-05-01T09:00:01.000Z');
  expect(await store.events.query({ since: new Date('2025-05-01T09:00:04.000Z') })).toHaveLength(2);
});

test('unmatched text is trimmed for the report', async () => {
  const bot = new HelpdeskBot({ knowledge: shippedKnowledge(), store, events: store.events });
  await bot.handle({ conversationId: 'c', channel: 'teams', user: { id: 'U1' }, text: `my screen flickers ${'a lot '.repeat(200)}` });
  const [event] = await store.events.query();
  expect(event.type).toBe('unmatched');
  expect(event.text).toHaveLength(UNMATCHED_TEXT_CHARS);
  expect(event.text!.startsWith('my screen flickers')).toBe(true);
});

test('an event log that fails never fails the turn', async () => {
  const warnings: object[] = [];
  const logger: Logger = { debug: () => undefined, info: () => undefined, warn: (obj) => warnings.push(obj), error: () => undefined };
  const broken: EventLog = { record: () => Promise.reject(new Error('disk full')), query: async () => [] };
  const bot = new HelpdeskBot({ knowledge: shippedKnowledge(), store, events: broken, logger });
  const turn = await bot.handle({ conversationId: 'c', channel: 'slack', user: { id: 'U1' }, text: 'KB5057589 failed' });
  expect(turn.outcome).toBe('pending');
  expect(warnings[0]).toMatchObject({ err: 'disk full' });
});
