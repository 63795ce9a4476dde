/**
 * `helpdesk-bot serve`: one HTTP server for every configured channel. Slack and Teams SDKs are
 * loaded only when their channel is configured (the Teams stack costs about a second).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { HelpdeskBot } from '../bot';
import { knowledgeDir, write, type CliIo, type ExitCode } from '../cli/io';
import { loadOrReport } from '../cli/main';
import { openStore } from '../conversation/openStore';
import { isStorage, type Storage } from '../conversation/storage';
import { MemoryConversationStore, type ConversationStore } from '../conversation/store';
import { StoreError } from '../conversation/storeError';
import { MemoryOutboxStore } from '../escalation/memoryOutbox';
import { OutboxWorker, type OutboxWorkerOptions } from '../escalation/outboxWorker';
import type { EscalationSink } from '../escalation/sink';
import { TicketWebhookSink } from '../escalation/ticketWebhookSink';
import type { EventLog } from '../events/eventLog';
import { MemoryEventLog } from '../events/memoryEventLog';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { LiveKnowledge } from '../knowledge/liveKnowledge';
import { silentLogger, type Logger } from '../logger';
import type { SlackConfig } from '../channels/slack/slackConfig';
import { readSlackConfig } from '../channels/slack/slackConfig';
import type { TeamsConfig } from '../channels/teams/teamsConfig';
import { readTeamsConfig } from '../channels/teams/teamsConfig';
import { readServerConfig, type ServerConfig } from '../config/serverConfig';
import { readStorageConfig, type StorageConfig } from '../config/storageConfig';
import type { ConfigProblem } from '../config/problems';
import type { ChannelAdapter } from './channelAdapter';

export interface ServerOptions {
  server: ServerConfig;
  slack: SlackConfig | null;
  teams: TeamsConfig | null;
  knowledge: KnowledgeBase | (() => KnowledgeBase);
  /**
   * Conversation state; a Storage (SQLite, Redis, memory) brings its escalation outbox and event
   * log too. Closed with the server. Default: in memory.
   */
  store?: ConversationStore;
  logger?: Logger;
  /** Extra escalation sinks (tests, ticket webhooks). */
  sinks?: EscalationSink[];
  /** Outbox worker settings (tests shorten the backoff). Default: OutboxWorker's defaults. */
  outbox?: OutboxTuning;
}

export type OutboxTuning = Omit<OutboxWorkerOptions, 'store' | 'sinks' | 'logger'>;

export interface RunningServer {
  url: string;
  port: number;
  bot: HelpdeskBot;
  adapters: ChannelAdapter[];
  /** Delivers escalations to every sink; stopped (after a flush) by close(). */
  outbox: OutboxWorker;
  events: EventLog;
  /** Stops taking requests, lets adapters finish, flushes the outbox, closes the store. */
  close(): Promise<void>;
}

export interface AllConfig {
  server: ServerConfig;
  slack: SlackConfig | null;
  teams: TeamsConfig | null;
  storage: StorageConfig;
  problems: ConfigProblem[];
}

/** Reads every component's variables; all problems come back together. */
export function readAllConfig(env: NodeJS.ProcessEnv): AllConfig {
  const server = readServerConfig(env);
  const slack = readSlackConfig(env);
  const teams = readTeamsConfig(env);
  const storage = readStorageConfig(env);
  return {
    server: server.config,
    slack: slack.config,
    teams: teams.config,
    storage: storage.config,
    problems: [...server.problems, ...slack.problems, ...teams.problems, ...storage.problems],
  };
}

/** Starts the HTTP server with every configured channel (used by `serve` and by tests). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? silentLogger;
  const store = options.store ?? new MemoryConversationStore();
  const storage: Storage | undefined = isStorage(store) ? store : undefined;
  const sinks: EscalationSink[] = [...(options.sinks ?? [])];
  // Adapters add their support-channel sinks below; the worker reads the list at every pass.
  const outbox = new OutboxWorker({ ...options.outbox, store: storage?.outbox ?? new MemoryOutboxStore(), sinks: () => sinks, logger });
  const events = storage?.events ?? new MemoryEventLog();
  const bot = new HelpdeskBot({
    knowledge: options.knowledge,
    store,
    outbox,
    events,
    idleMs: options.server.idleMinutes * 60_000,
    logger,
  });
  const context = { bot, store, logger };
  const adapters: ChannelAdapter[] = [];
  if (options.slack) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createSlackAdapter } = require('../channels/slack/slackAdapter') as typeof import('../channels/slack/slackAdapter');
    adapters.push(createSlackAdapter(options.slack, context));
  }
  if (options.teams) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createTeamsAdapter } = require('../channels/teams/teamsAdapter') as typeof import('../channels/teams/teamsAdapter');
    adapters.push(createTeamsAdapter(options.teams, context));
  }
  for (const adapter of adapters) sinks.push(...adapter.sinks);

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  for (const adapter of adapters) adapter.mount(app);
  for (const adapter of adapters) await adapter.start();

  const http: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.server.port, options.server.host, (err?: Error) => (err ? reject(err) : resolve(s)));
    s.once('error', reject);
  });
  const port = (http.address() as AddressInfo).port;
  const shownHost = options.server.host === '0.0.0.0' || options.server.host === '::' ? '127.0.0.1' : options.server.host;
  outbox.start();
  if (sinks.length === 0) logger.warn({}, 'no escalation sink is configured: escalations are only logged');
  return {
    url: `http://${shownHost}:${port}`,
    port,
    bot,
    adapters,
    outbox,
    events,
    async close() {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      for (const adapter of adapters) await adapter.stop();
      await outbox.stop();
      await bot.close();
    },
  };
}

export interface ConfiguredStart {
  /** The knowledge folder, followed for changes. */
  knowledgeDir: string;
  /** Already loaded and reported (its warnings printed); followed from here on. */
  knowledge: KnowledgeBase;
  /** DATA_DIR is resolved against this folder. */
  cwd: string;
  logger?: Logger;
  outbox?: OutboxTuning;
}

/**
 * What `serve` runs: the store from DATA_DIR / REDIS_URL, the ticket webhook when configured,
 * and knowledge that reloads when its folder changes. Rejects with a StoreError when the store
 * cannot be opened.
 */
export async function startConfigured(config: AllConfig, start: ConfiguredStart): Promise<RunningServer & { knowledge: LiveKnowledge; store: Storage }> {
  const logger = start.logger ?? silentLogger;
  const store = await openStore(config.storage, { cwd: start.cwd, logger });
  let live: LiveKnowledge | undefined;
  try {
    live = LiveKnowledge.open({ dir: start.knowledgeDir, initial: start.knowledge, logger });
    const knowledge = live;
    const webhook = config.storage.ticketWebhook;
    const running = await startServer({
      server: config.server,
      slack: config.slack,
      teams: config.teams,
      knowledge: () => knowledge.current(),
      store,
      sinks: webhook ? [new TicketWebhookSink(webhook)] : [],
      logger,
      outbox: start.outbox,
    });
    return {
      ...running,
      knowledge,
      store,
      async close() {
        knowledge.close();
        await running.close();
      },
    };
  } catch (err) {
    live?.close();
    await store.close();
    throw err;
  }
}

export async function runServer(io: CliIo, dir: string | undefined): Promise<ExitCode> {
  const config = readAllConfig(io.env);
  if (config.problems.length > 0) {
    for (const p of config.problems) write(io.stderr, `helpdesk-bot: configuration error: ${p.variable} ${p.message}`);
    return 78;
  }
  if (!config.slack && !config.teams) {
    write(io.stderr, 'helpdesk-bot: configuration error: no channel is configured; set SLACK_BOT_TOKEN (Slack) or MICROSOFT_APP_ID / TEAMS_ENABLED=true (Teams), or run `helpdesk-bot chat`.');
    return 78;
  }
  const knowledge = loadOrReport(io, dir ?? config.server.knowledgeDir);
  const folder = knowledgeDir(io, dir ?? config.server.knowledgeDir);
  if (!knowledge) return 78;
  let running: RunningServer;
  try {
    running = await startConfigured(config, { knowledgeDir: folder, knowledge, cwd: io.cwd, logger: stderrLogger(io.stderr) });
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    write(io.stderr, `helpdesk-bot: storage error: ${err.message}`);
    // 69 (EX_UNAVAILABLE): the configuration may be right and the database just not reachable.
    return 69;
  }
  const routes = running.adapters.map((a) => a.name).join(', ');
  const where = config.storage.redisUrl ? 'Redis (REDIS_URL)' : `${config.storage.dataDir} (DATA_DIR)`;
  write(io.stdout, `helpdesk-bot: serving ${knowledge.size} knowledge entries for ${routes} on ${config.server.host}:${running.port}; state in ${where}`);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await running.close();
  return 0;
}

/**
 * Warnings and errors (and info) as readable lines on stderr, until a structured logger is passed
 * in; knowledge problems are listed below their line, as `kb lint` shows them.
 */
function stderrLogger(stream: NodeJS.WritableStream): Logger {
  const line =
    (level: string) =>
    (obj: object, msg?: string): void => {
      const { problems, ...rest } = obj as { problems?: unknown };
      const fields = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
      write(stream, `helpdesk-bot: ${level}: ${msg ?? ''}${fields}`);
      if (Array.isArray(problems)) for (const p of problems) write(stream, String(p));
    };
  return { debug: () => undefined, info: line('info'), warn: line('warn'), error: line('error') };
}
