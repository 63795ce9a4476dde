/** What the SQLite store adds to the contract: a file that survives the process, versioned, swept. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openStore } from '../../src/conversation/openStore';
import { SQLITE_SCHEMA_VERSION } from '../../src/conversation/sqliteSchema';
import { SqliteConversationStore } from '../../src/conversation/sqliteStore';
import { StoreError } from '../../src/conversation/storeError';
import { STATE_VERSION, type ConversationState } from '../../src/dialogue/state';
import { readStorageConfig } from '../../src/config/storageConfig';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'helpdesk-sqlite-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const state = (id: string): ConversationState => ({
  version: STATE_VERSION,
  conversationId: id,
  channel: 'teams',
  user: { id: 'U1' },
  phase: 'asking',
  entryId: 'kb5057589-winre-false-error',
  candidates: [],
  slots: {},
  pending: 'rebooted',
  misunderstood: 0,
  dontKnow: 0,
  transcript: [],
  startedAt: '2025-05-01T10:00:00.000Z',
  updatedAt: '2025-05-01T10:00:00.000Z',
});

test('openStore creates DATA_DIR and helpdesk.db in it, in WAL mode, at the current schema version', async () => {
  const { config } = readStorageConfig({ DATA_DIR: 'nested/data' });
  const store = await openStore(config, { cwd: tmp });
  expect(store.kind).toBe('sqlite');
  await store.close();
  const file = join(tmp, 'nested', 'data', 'helpdesk.db');
  expect(existsSync(file)).toBe(true);
  const db = new BetterSqlite3(file, { readonly: true });
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(db.prepare('SELECT version FROM schema_version').all()).toEqual([{ version: SQLITE_SCHEMA_VERSION }]);
  db.close();
});

test('conversations survive closing and reopening the file (a restart)', async () => {
  const file = join(tmp, 'helpdesk.db');
  const first = new SqliteConversationStore({ file });
  await first.set('c1', state('c1'), 60_000);
  await first.close();
  const second = new SqliteConversationStore({ file });
  expect(await second.get('c1')).toEqual(state('c1'));
  await second.close();
});

test('a worker thread moves the write-ahead log into the database file, off the event loop', async () => {
  const store = new SqliteConversationStore({ file: join(tmp, 'helpdesk.db'), checkpointMs: 20 });
  for (let i = 0; i < 200; i++) await store.set(`c${i}`, state(`c${i}`), 60_000);
  const deadline = Date.now() + 5000;
  while (store.checkpointer.stats.frames === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(store.checkpointer.stats).toMatchObject({ failures: 0 });
  expect(store.checkpointer.stats.frames).toBeGreaterThan(0);
  await store.close();
  // Closing stops the thread: no more runs are counted.
  const runs = store.checkpointer.stats.runs;
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(store.checkpointer.stats.runs).toBe(runs);
});

test('refuses a file written by a newer bot instead of misreading it', async () => {
  const file = join(tmp, 'helpdesk.db');
  await new SqliteConversationStore({ file }).close();
  const db = new BetterSqlite3(file);
  db.prepare('UPDATE schema_version SET version = ?').run(SQLITE_SCHEMA_VERSION + 1);
  db.close();
  let error: unknown;
  try {
    new SqliteConversationStore({ file });
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(StoreError);
  expect(error).toMatchObject({ code: 'STORE_SCHEMA_NEWER' });
  expect((error as Error).message).toMatch(/newer helpdesk-bot.*DATA_DIR/);
});

test('a folder that cannot be created is a STORE_UNAVAILABLE error naming DATA_DIR', () => {
  const blocker = join(tmp, 'file');
  new BetterSqlite3(blocker).close();
  expect(() => new SqliteConversationStore({ file: join(blocker, 'sub', 'helpdesk.db') })).toThrow(expect.objectContaining({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining('DATA_DIR') }));
});

test('state saved in another shape (an older bot) starts the conversation afresh', async () => {
  const file = join(tmp, 'helpdesk.db');
  const store = new SqliteConversationStore({ file });
  const db = new BetterSqlite3(file);
  db.prepare('INSERT INTO conversations (id, state, expires_at) VALUES (?, ?, ?)').run('old', JSON.stringify({ ...state('old'), version: 0 }), Date.now() + 60_000);
  db.prepare('INSERT INTO conversations (id, state, expires_at) VALUES (?, ?, ?)').run('garbled', '{not json', Date.now() + 60_000);
  db.close();
  expect(await store.get('old')).toBeUndefined();
  expect(await store.get('garbled')).toBeUndefined();
  await store.close();
});

test('the sweep deletes expired conversations and claims, and finished deliveries after a week', async () => {
  let now = 1_750_000_000_000;
  const file = join(tmp, 'helpdesk.db');
  const store = new SqliteConversationStore({ file, now: () => now });
  await store.set('gone', state('gone'), 1000);
  await store.set('kept', state('kept'), 60_000);
  await store.claimDelivery('Ev1', 1000);
  const record = { id: 'r1', conversationId: 'c1', channel: 'slack', user: { id: 'U1' }, entryId: null, entryTitle: null, reason: 'asked_for_person', answers: {}, transcript: [], createdAt: '' };
  await store.outbox.add(record, ['ticket-webhook'], now);
  const [d] = await store.outbox.claim({ sinks: ['ticket-webhook'], owner: 'w', now, leaseMs: 1000, limit: 1 });
  await store.outbox.complete(d.id, 'w', now);
  now += 2000;
  store.sweep();
  const db = new BetterSqlite3(file, { readonly: true });
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  expect(count('conversations')).toBe(1);
  expect(count('delivery_claims')).toBe(0);
  expect(count('outbox')).toBe(1);
  now += 8 * 24 * 60 * 60 * 1000;
  store.sweep();
  expect(count('outbox')).toBe(0);
  db.close();
  await store.close();
});

test('openStore picks Redis when REDIS_URL is set, and says which server it cannot reach without the password', async () => {
  const { config } = readStorageConfig({ REDIS_URL: 'redis://:hunter2-secret@127.0.0.1:1/0' });
  const error = await openStore(config).catch((err: unknown) => err);
  expect(error).toBeInstanceOf(StoreError);
  expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
  expect((error as Error).message).toContain('redis://127.0.0.1:1 (REDIS_URL)');
  expect((error as Error).message).not.toContain('hunter2');
});
