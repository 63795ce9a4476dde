/**
 * `serve`'s wiring (startConfigured, runServer): the store from DATA_DIR, the ticket webhook from
 * TICKET_WEBHOOK_URL, live knowledge, events; and the errors a person sees when storage is wrong.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge';
import { readAllConfig, runServer, startConfigured } from '../../src/server/runServer';
import { freePort } from '../fakes/redisServer';
import { FakeTicketWebhook, waitUntil } from '../fakes/ticketWebhook';
import { captureIo } from '../helpers/cliIo';
import { FALSE_ERROR } from '../helpers/knowledge';

let work: string;
let knowledgeDir: string;
let webhook: FakeTicketWebhook;

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'helpdesk-wiring-'));
  knowledgeDir = join(work, 'knowledge');
  mkdirSync(knowledgeDir);
  cpSync('knowledge', knowledgeDir, { recursive: true });
  webhook = await FakeTicketWebhook.start();
});

afterEach(async () => {
  await webhook.close();
  rmSync(work, { recursive: true, force: true });
});

test('SQLite in DATA_DIR, the ticket webhook, events and live knowledge, all from the environment', async () => {
  const config = readAllConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: 'state', TICKET_WEBHOOK_URL: webhook.url, TICKET_WEBHOOK_SECRET: 's'.repeat(32) });
  expect(config.problems).toEqual([]);
  const running = await startConfigured(config, { knowledgeDir, knowledge: loadKnowledge(knowledgeDir).knowledge, cwd: work, outbox: { pollMs: 20, backoff: { baseMs: 20, maxMs: 50 } } });
  try {
    expect(running.store.kind).toBe('sqlite');
    expect(existsSync(join(work, 'state', 'helpdesk.db'))).toBe(true);
    expect(await (await fetch(`${running.url}/healthz`)).json()).toEqual({ status: 'ok' });

    const turn = await running.bot.handle({ conversationId: 'c1', channel: 'slack', user: { id: 'U1' }, text: 'talk to a person, KB5057589 failed' });
    expect(turn).toMatchObject({ outcome: 'escalated', escalationDelivered: true });
    await waitUntil(() => webhook.accepted.length === 1, 'the ticket');
    expect(webhook.accepted[0].headers['x-helpdesk-signature']).toMatch(/^sha256=/);
    expect((await running.events.query()).map((e) => e.type)).toEqual(['escalated']);

    // Knowledge follows its folder while serving.
    const file = join(knowledgeDir, 'kb5057589-winre-false-error.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: "Edited while serving"'));
    await waitUntil(() => running.knowledge.reloads >= 1, 'the reload', 2000);
    expect(running.knowledge.current().get(FALSE_ERROR)?.title).toBe('Edited while serving');
  } finally {
    await running.close();
  }
});

test('serve refuses bad storage variables with exit 78, naming each without its value', async () => {
  const io = captureIo({ env: { TEAMS_ENABLED: 'true', REDIS_URL: 'http://:hunter2@redis', TICKET_WEBHOOK_SECRET: 'x'.repeat(20) }, cwd: work });
  expect(await runServer(io, knowledgeDir)).toBe(78);
  expect(io.err()).toContain('configuration error: REDIS_URL');
  expect(io.err()).toContain('configuration error: TICKET_WEBHOOK_SECRET');
  expect(io.err()).not.toContain('hunter2');
});

test('serve exits 69 with the Redis address (no password) when Redis cannot be reached', async () => {
  const port = await freePort();
  const io = captureIo({ env: { TEAMS_ENABLED: 'true', REDIS_URL: `redis://:hunter2@127.0.0.1:${port}` }, cwd: work });
  expect(await runServer(io, knowledgeDir)).toBe(69);
  expect(io.err()).toContain(`storage error: cannot connect to Redis at redis://127.0.0.1:${port} (REDIS_URL)`);
  expect(io.err()).not.toContain('hunter2');
});
