/** Opens the configured storage: Redis when REDIS_URL is set, else the SQLite file in DATA_DIR. */
import { resolve } from 'node:path';
import type { StorageConfig } from '../config/storageConfig';
import { silentLogger, type Logger } from '../logger';
import { RedisConversationStore } from './redisStore';
import { SQLITE_FILE_NAME, SqliteConversationStore } from './sqliteStore';
import type { Storage } from './storage';

export interface OpenStoreOptions {
  /** DATA_DIR is resolved against this folder. Default: the process's. */
  cwd?: string;
  logger?: Logger;
}

/** The storage for `serve`; rejects with a StoreError naming the variable when it cannot be opened. */
export async function openStore(config: StorageConfig, options: OpenStoreOptions = {}): Promise<Storage> {
  const logger = options.logger ?? silentLogger;
  if (config.redisUrl) return RedisConversationStore.connect(config.redisUrl, { logger });
  return new SqliteConversationStore({ file: resolve(options.cwd ?? process.cwd(), config.dataDir, SQLITE_FILE_NAME), logger });
}
