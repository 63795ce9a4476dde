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
import { Metrics } from '../observability/metrics';
import type { SlackConfig } from '../channels/slack/slackConfig';
import { readSlackConfig } from '../channels/slack/slackConfig';
import type { TeamsConfig } from '../channels/teams/teamsConfig';
import { readTeamsConfig } from '../channels/teams/teamsConfig';
import { readServerConfig, type ServerConfig } from '../config/serverConfig';
import { readStorageConfig, type StorageConfig } from '../config/storageConfig';
import type { ConfigProblem } from '../config/problems';
import { withEnvFile } from '../config/envFile';
import { createLogger } from '../observability/logger';
import type { ChannelAdapter } from './channelAdapter';
import { bodyLimit, mountOpsRoutes } from './opsRoutes';
import { SpikeWatcher } from '../alerts/spikeWatcher';

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
  /** Where counters go (GET /metrics). Default: a fresh registry without process metrics. */
  metrics?: Metrics;
  /** How often spike alerts count the last hour (tests shorten it). Default: one minute. */
  spikeCheckEveryMs?: number;
}

export type OutboxTuning = Omit<OutboxWorkerOptions, 'store' | 'sinks' | 'logger' | 'onAttempt'>;

export interface RunningServer {
  url: string;
  port: number;
  bot: HelpdeskBot;
  adapters: ChannelAdapter[];
  /** Delivers escalations to every sink; stopped (after a flush) by close(). */
  outbox: OutboxWorker;
  events: EventLog;
  metrics: Metrics;
  /**
   * Stops taking requests, lets requests and adapters' messages in flight finish (up to
   * SHUTDOWN_TIMEOUT_SECONDS), flushes the outbox, closes the store.
   */
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
  const metrics = options.metrics ?? new Metrics({ defaultMetrics: false });
  const store = options.store ?? new MemoryConversationStore();
  const storage: Storage | undefined = isStorage(store) ? store : undefined;
  const sinks: EscalationSink[] = [...(options.sinks ?? [])];
  // Adapters add their support-channel sinks below; the worker reads the list at every pass.
  const outbox = new OutboxWorker({
    ...options.outbox,
    store: storage?.outbox ?? new MemoryOutboxStore(),
    sinks: () => sinks,
    logger,
    onAttempt: (sink, result) => metrics.deliveries.inc({ sink, result }),
  });
  const events = storage?.events ?? new MemoryEventLog();
  const knowledge = typeof options.knowledge === 'function' ? options.knowledge : () => options.knowledge as KnowledgeBase;
  const bot = new HelpdeskBot({
    knowledge,
    store,
    outbox,
    events,
    idleMs: options.server.idleMinutes * 60_000,
    maxMessageChars: options.server.maxMessageChars,
    logger,
    onTurn: (turn, message, seconds) => metrics.messageHandled(message.channel, turn.entryId, turn.outcome, seconds),
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
  app.use(bodyLimit(options.server.maxRequestBytes));
  mountOpsRoutes(app, { knowledge, pingStore: () => (storage ? storage.ping() : Promise.resolve()), storeKind: storage?.kind ?? 'memory', sinks: () => sinks }, metrics);
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
  const spikes =
    options.server.spikeAlertThreshold > 0
      ? new SpikeWatcher({
          events,
          store,
          knowledge,
          threshold: options.server.spikeAlertThreshold,
          checkEveryMs: options.spikeCheckEveryMs,
          logger,
          notify: async (notice) => {
            const readers = sinks.filter((s) => s.notify);
            if (readers.length === 0) logger.warn({ notice }, 'spike alert: no support channel to post it to');
            await Promise.all(readers.map((s) => s.notify!(notice)));
          },
        })
      : undefined;
  spikes?.start();
  return {
    url: `http://${shownHost}:${port}`,
    port,
    bot,
    adapters,
    outbox,
    events,
    metrics,
    async close() {
      // Stop accepting; requests in flight finish, unless they outlast the shutdown timeout.
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      const force = setTimeout(() => http.closeAllConnections(), options.server.shutdownTimeoutSeconds * 1000);
      await closed;
      clearTimeout(force);
      await spikes?.stop();
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
  metrics?: Metrics;
}

/**
 * What `serve` runs: the store from DATA_DIR / REDIS_URL, the ticket webhook when configured,
 * and knowledge that reloads when its folder changes. Rejects with a StoreError when the store
 * cannot be opened.
 */
export async function startConfigured(config: AllConfig, start: ConfiguredStart): Promise<RunningServer & { knowledge: LiveKnowledge; store: Storage }> {
  const logger = start.logger ?? silentLogger;
  const metrics = start.metrics ?? new Metrics({ defaultMetrics: false });
  const store = await openStore(config.storage, { cwd: start.cwd, logger });
  let live: LiveKnowledge | undefined;
  try {
    live = LiveKnowledge.open({
      dir: start.knowledgeDir,
      initial: start.knowledge,
      logger,
      onReload: (ok) => metrics.reloads.inc({ result: ok ? 'ok' : 'error' }),
    });
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
      metrics,
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
  let env: NodeJS.ProcessEnv;
  try {
    env = withEnvFile(io.env, io.cwd);
  } catch (err) {
    write(io.stderr, `helpdesk-bot: configuration error: ${(err as Error).message}`);
    return 78;
  }
  const config = readAllConfig(env);
  if (config.problems.length > 0) {
    for (const p of config.problems) write(io.stderr, `helpdesk-bot: configuration error: ${p.variable} ${p.message}`);
    return 78;
  }
  if (!config.slack && !config.teams) {
    write(io.stderr, 'helpdesk-bot: configuration error: no channel is configured; set SLACK_BOT_TOKEN (Slack) or MICROSOFT_APP_ID / TEAMS_ENABLED=true (Teams), or run `helpdesk-bot chat`.');
    return 78;
  }
  const withEnv: CliIo = { ...io, env };
  const knowledge = loadOrReport(withEnv, dir ?? config.server.knowledgeDir);
  const folder = knowledgeDir(withEnv, dir ?? config.server.knowledgeDir);
  if (!knowledge) return 78;
  const logger = createLogger({ level: config.server.logLevel, secrets: secretValues(env) });
  let running: RunningServer;
  try {
    running = await startConfigured(config, { knowledgeDir: folder, knowledge, cwd: io.cwd, logger, metrics: new Metrics() });
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    write(io.stderr, `helpdesk-bot: storage error: ${err.message}`);
    // 69 (EX_UNAVAILABLE): the configuration may be right and the database just not reachable.
    return 69;
  }
  logger.info(
    {
      url: running.url,
      host: config.server.host,
      port: running.port,
      channels: running.adapters.map((a) => a.name),
      entries: knowledge.size,
      storage: config.storage.redisUrl ? 'redis (REDIS_URL)' : `sqlite in ${config.storage.dataDir} (DATA_DIR)`,
    },
    'helpdesk-bot is listening',
  );
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  logger.info({ signal, timeoutSeconds: config.server.shutdownTimeoutSeconds }, 'shutting down: finishing messages in flight');
  await running.close();
  logger.info({}, 'stopped');
  await new Promise<void>((resolve) => logger.flush(() => resolve()));
  return 0;
}

/** The configured secret values, so the logger can scrub them wherever they appear. */
function secretValues(env: NodeJS.ProcessEnv): string[] {
  const names = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'MICROSOFT_APP_PASSWORD', 'TICKET_WEBHOOK_SECRET', 'TICKET_WEBHOOK_URL', 'TEAMS_SUPPORT_WEBHOOK_URL'];
  const values = names.map((n) => env[n]).filter((v): v is string => Boolean(v));
  try {
    const password = env.REDIS_URL ? decodeURIComponent(new URL(env.REDIS_URL).password) : '';
    if (password) values.push(password);
  } catch {
    // A malformed REDIS_URL was already refused by the configuration check.
  }
  return values;
}
