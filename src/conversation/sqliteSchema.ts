/**
 * The SQLite file's layout, versioned: `schema_version` holds the version the file is at, and
 * each migration moves it one step. A file from a newer bot is refused rather than misread.
 * Documented in docs/storage.md.
 */
import type { Database } from 'better-sqlite3';
import { StoreError } from './storeError';

const MIGRATIONS: string[] = [
  // 1: conversations, delivery receipts, the escalation outbox, the event log.
  `
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX conversations_by_expiry ON conversations (expires_at);

  CREATE TABLE delivery_claims (
    id TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX delivery_claims_by_expiry ON delivery_claims (expires_at);

  CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id TEXT NOT NULL,
    sink TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    record TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    enqueued_at INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    lease_owner TEXT,
    lease_until INTEGER,
    last_error TEXT,
    finished_at INTEGER,
    UNIQUE (record_id, sink)
  );
  CREATE INDEX outbox_pending ON outbox (sink, conversation_id, seq) WHERE status = 'pending';
  CREATE INDEX outbox_finished ON outbox (finished_at) WHERE status <> 'pending';

  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    type TEXT NOT NULL,
    conversation TEXT NOT NULL,
    entry_id TEXT,
    channel TEXT NOT NULL,
    started INTEGER NOT NULL,
    reason TEXT,
    text TEXT
  );
  CREATE INDEX events_by_time ON events (at);
  `,
];

/** The version this bot writes. */
export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the file to SQLITE_SCHEMA_VERSION; safe when several processes open a new file at once. */
export function migrate(db: Database, file: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  // IMMEDIATE takes the write lock first, so two processes cannot both run migration 1.
  db.transaction(() => {
    const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
    const current = row?.version ?? 0;
    if (current > SQLITE_SCHEMA_VERSION) {
      throw new StoreError(
        'STORE_SCHEMA_NEWER',
        `${file} was written by a newer helpdesk-bot (schema ${current}; this one knows ${SQLITE_SCHEMA_VERSION}). Upgrade the bot, or point DATA_DIR at another folder.`,
      );
    }
    for (let v = current; v < SQLITE_SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]);
    if (!row) db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SQLITE_SCHEMA_VERSION);
    else if (current !== SQLITE_SCHEMA_VERSION) db.prepare('UPDATE schema_version SET version = ?').run(SQLITE_SCHEMA_VERSION);
  }).immediate();
}
