/**
 * Conversations, delivery receipts, the escalation outbox and the event log in one SQLite file
 * (WAL mode). Several processes on one machine may share the file: every claim is one atomic
 * statement or an IMMEDIATE transaction.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import type { ConversationState } from '../dialogue/state';
import type { Logger } from '../logger';
import { FINISHED_DELIVERY_RETENTION_MS } from '../escalation/outbox';
import { SqliteOutboxStore } from '../escalation/sqliteOutbox';
import { EVENT_RETENTION_MS } from '../events/eventLog';
import { SqliteEventLog } from '../events/sqliteEventLog';
import { decodeState, encodeState } from './stateCodec';
import { SqliteCheckpointer } from './sqliteCheckpointer';
import { migrate } from './sqliteSchema';
import type { Storage } from './storage';
import { StoreError } from './storeError';

export interface SqliteStoreOptions {
  /** The database file; its folder is created when missing. */
  file: string;
  /** How often expired rows are swept. Default: every minute. */
  sweepMs?: number;
  /** How long a write waits for another process's lock. Default: 5 seconds. */
  busyTimeoutMs?: number;
  /** How often a worker thread checkpoints the write-ahead log (see sqliteCheckpointer.ts). Default: every second. */
  checkpointMs?: number;
  /** Where checkpoint failures are reported. Default: nowhere. */
  logger?: Logger;
  now?: () => number;
}

/** The file name inside DATA_DIR. */
export const SQLITE_FILE_NAME = 'helpdesk.db';

export class SqliteConversationStore implements Storage {
  readonly kind = 'sqlite';
  readonly outbox: SqliteOutboxStore;
  readonly events: SqliteEventLog;
  private readonly db: Database;
  private readonly now: () => number;
  private readonly sweepTimer: NodeJS.Timeout;
  readonly checkpointer: SqliteCheckpointer;
  private readonly statements: {
    get: Statement<[string, number], { state: string }>;
    set: Statement<[string, string, number]>;
    delete: Statement<[string]>;
    claim: Statement<[{ id: string; expiresAt: number; now: number }]>;
  };

  constructor(options: SqliteStoreOptions) {
    this.now = options.now ?? Date.now;
    try {
      mkdirSync(dirname(options.file), { recursive: true });
      this.db = new BetterSqlite3(options.file, { timeout: options.busyTimeoutMs ?? 5000 });
      // WAL lets readers go on while one process writes; NORMAL sync is durable across process crashes.
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      // The checkpointer thread keeps the log short; SQLite's own checkpoint inside a commit (and
      // its fsync) is only a safety net, at about 40 MB instead of 4 MB.
      this.db.pragma('wal_autocheckpoint = 10000');
      migrate(this.db, options.file);
    } catch (err) {
      if (err instanceof StoreError) throw err;
      throw new StoreError('STORE_UNAVAILABLE', `cannot open the database ${options.file} (DATA_DIR): ${(err as Error).message}`, { cause: err });
    }
    this.statements = {
      get: this.db.prepare('SELECT state FROM conversations WHERE id = ? AND expires_at > ?'),
      set: this.db.prepare(
        'INSERT INTO conversations (id, state, expires_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at',
      ),
      delete: this.db.prepare('DELETE FROM conversations WHERE id = ?'),
      // A receipt that has expired may be claimed again; one statement, so two processes cannot both win.
      claim: this.db.prepare(
        'INSERT INTO delivery_claims (id, expires_at) VALUES (@id, @expiresAt) ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at WHERE delivery_claims.expires_at <= @now',
      ),
    };
    this.outbox = new SqliteOutboxStore(this.db);
    this.events = new SqliteEventLog(this.db);
    this.sweepTimer = setInterval(() => this.sweep(), options.sweepMs ?? 60_000);
    this.sweepTimer.unref();
    this.checkpointer = new SqliteCheckpointer(options.file, options.checkpointMs ?? 1000, options.busyTimeoutMs ?? 5000, options.logger);
  }

  async get(conversationId: string): Promise<ConversationState | undefined> {
    return decodeState(this.statements.get.get(conversationId, this.now())?.state);
  }

  async set(conversationId: string, state: ConversationState, ttlMs: number): Promise<void> {
    this.statements.set.run(conversationId, encodeState(state), this.now() + ttlMs);
  }

  async delete(conversationId: string): Promise<void> {
    this.statements.delete.run(conversationId);
  }

  async claimDelivery(deliveryId: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    return this.statements.claim.run({ id: deliveryId, expiresAt: now + ttlMs, now }).changes === 1;
  }

  /** Deletes expired conversations and receipts, old finished deliveries and old events. */
  sweep(): void {
    if (!this.db.open) return;
    const now = this.now();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM conversations WHERE expires_at <= ?').run(now);
      this.db.prepare('DELETE FROM delivery_claims WHERE expires_at <= ?').run(now);
      this.db.prepare("DELETE FROM outbox WHERE status <> 'pending' AND finished_at <= ?").run(now - FINISHED_DELIVERY_RETENTION_MS);
      this.db.prepare('DELETE FROM events WHERE at < ?').run(now - EVENT_RETENTION_MS);
    })();
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  /** Closes the file; safe to call twice. */
  async close(): Promise<void> {
    clearInterval(this.sweepTimer);
    await this.checkpointer.close();
    if (this.db.open) this.db.close();
  }
}
