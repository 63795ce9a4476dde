/**
 * `helpdesk-bot report [--since 7d] [--json|--csv]`: the figures of the event log that `serve`
 * keeps, read from the same store (DATA_DIR or REDIS_URL, `.env` included).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { withEnvFile } from '../config/envFile';
import { readStorageConfig, type StorageConfig } from '../config/storageConfig';
import type { Storage } from '../conversation/storage';
import { StoreError } from '../conversation/storeError';
import { EVENT_RETENTION_MS, type BotEvent } from '../events/eventLog';
import { buildReport } from '../reports/report';
import { renderCsv } from '../reports/renderCsv';
import { renderText } from '../reports/renderText';
import { DEFAULT_SINCE, parseSince, type ReportWindow } from '../reports/window';
import { write, type CliIo, type ExitCode } from './io';

export interface ReportFlags {
  /** `30m`, `12h`, `7d`, `2w` or an ISO date. Default DEFAULT_SINCE. */
  since?: string;
  json?: boolean;
  csv?: boolean;
}

// TICKET_WEBHOOK_* are for serve alone: a report must not fail over them.
const STORE_VARIABLES = new Set(['DATA_DIR', 'REDIS_URL']);

/** Prints the report; 2 on bad flags, 78 on a configuration problem, 69 when the store cannot be read. */
export async function report(flags: ReportFlags, io: CliIo, now: () => Date = () => new Date()): Promise<ExitCode> {
  if (flags.json && flags.csv) return fail(io, 2, '--json and --csv cannot be combined; pick one');
  const parsed = parseSince(flags.since ?? DEFAULT_SINCE, now());
  if (!parsed.ok) return fail(io, 2, parsed.message);
  const window = parsed.window;

  let env: NodeJS.ProcessEnv;
  try {
    env = withEnvFile(io.env, io.cwd);
  } catch (err) {
    return fail(io, 78, `configuration error: ${(err as Error).message}`);
  }
  const { config, problems } = readStorageConfig(env);
  const storeProblems = problems.filter((p) => STORE_VARIABLES.has(p.variable));
  if (storeProblems.length > 0) {
    for (const p of storeProblems) write(io.stderr, `helpdesk-bot: configuration error: ${p.variable} ${p.message}`);
    return 78;
  }

  let events: BotEvent[];
  try {
    events = await readEvents(config, window, io.cwd);
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    // 69 (EX_UNAVAILABLE), as serve: the configuration may be right and the database just not reachable.
    return fail(io, 69, `storage error: ${err.message}`);
  }

  if (!config.redisUrl && window.until.getTime() - window.since.getTime() > EVENT_RETENTION_MS) {
    write(io.stderr, `helpdesk-bot: note: the SQLite event log keeps ${EVENT_RETENTION_MS / 86_400_000} days; older conversations are not counted.`);
  }
  const result = buildReport(events, window);
  if (flags.json) write(io.stdout, JSON.stringify(result, null, 2));
  else if (flags.csv) io.stdout.write(renderCsv(result));
  else write(io.stdout, renderText(result));
  return 0;
}

/** The window's events from the configured store; a StoreError when it cannot be opened or read. */
async function readEvents(config: StorageConfig, window: ReportWindow, cwd: string): Promise<BotEvent[]> {
  // Loaded here only: better-sqlite3 and ioredis add about 100 ms that chat and kb do not need.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { openStore } = require('../conversation/openStore') as typeof import('../conversation/openStore');
  const { SQLITE_FILE_NAME } = require('../conversation/sqliteStore') as typeof import('../conversation/sqliteStore');
  /* eslint-enable @typescript-eslint/no-require-imports */
  if (!config.redisUrl) {
    // Opening would create an empty database: a DATA_DIR that points elsewhere than serve's must
    // not read as "no conversations".
    const file = resolve(cwd, config.dataDir, SQLITE_FILE_NAME);
    if (!existsSync(file)) {
      throw new StoreError(
        'STORE_UNAVAILABLE',
        `no bot database at ${file}; set DATA_DIR to the folder serve uses (default ./data), or REDIS_URL when it keeps its data in Redis`,
      );
    }
  }
  const store: Storage = await openStore(config, { cwd });
  try {
    return await store.events.query({ since: window.since, until: window.until });
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw new StoreError('STORE_UNAVAILABLE', `cannot read the event log: ${(err as Error).message}`, { cause: err });
  } finally {
    await store.close();
  }
}

function fail(io: CliIo, code: ExitCode, message: string): ExitCode {
  write(io.stderr, `helpdesk-bot: ${message}`);
  return code;
}
