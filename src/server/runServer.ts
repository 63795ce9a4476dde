/**
 * `helpdesk-bot serve`: one HTTP server for every configured channel. Slack and Teams SDKs are
 * loaded only when their channel is configured (the Teams stack costs about a second).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { HelpdeskBot } from '../bot';
import { write, type CliIo, type ExitCode } from '../cli/io';
import { loadOrReport } from '../cli/main';
import { MemoryConversationStore, type ConversationStore } from '../conversation/store';
import { FanOutSink, type EscalationSink } from '../escalation/sink';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { silentLogger, type Logger } from '../logger';
import type { SlackConfig } from '../channels/slack/slackConfig';
import { readSlackConfig } from '../channels/slack/slackConfig';
import type { TeamsConfig } from '../channels/teams/teamsConfig';
import { readTeamsConfig } from '../channels/teams/teamsConfig';
import { readServerConfig, type ServerConfig } from '../config/serverConfig';
import type { ConfigProblem } from '../config/problems';
import type { ChannelAdapter } from './channelAdapter';

export interface ServerOptions {
  server: ServerConfig;
  slack: SlackConfig | null;
  teams: TeamsConfig | null;
  knowledge: KnowledgeBase | (() => KnowledgeBase);
  store?: ConversationStore;
  logger?: Logger;
  /** Extra escalation sinks (tests, ticket webhooks). */
  sinks?: EscalationSink[];
}

export interface RunningServer {
  url: string;
  port: number;
  bot: HelpdeskBot;
  adapters: ChannelAdapter[];
  close(): Promise<void>;
}

/** Reads every component's variables; all problems come back together. */
export function readAllConfig(env: NodeJS.ProcessEnv): { server: ServerConfig; slack: SlackConfig | null; teams: TeamsConfig | null; problems: ConfigProblem[] } {
  const server = readServerConfig(env);
  const slack = readSlackConfig(env);
  const teams = readTeamsConfig(env);
  return { server: server.config, slack: slack.config, teams: teams.config, problems: [...server.problems, ...slack.problems, ...teams.problems] };
}

/** Starts the HTTP server with every configured channel (used by `serve` and by tests). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? silentLogger;
  const store = options.store ?? new MemoryConversationStore();
  const sinks: EscalationSink[] = [...(options.sinks ?? [])];
  const bot = new HelpdeskBot({
    knowledge: options.knowledge,
    store,
    // Adapters add their support-channel sinks below; the fan-out reads the list at delivery.
    sink: new FanOutSink(sinks),
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
  return {
    url: `http://${shownHost}:${port}`,
    port,
    bot,
    adapters,
    async close() {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      for (const adapter of adapters) await adapter.stop();
      await bot.close();
    },
  };
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
  if (!knowledge) return 78;
  const running = await startServer({ ...config, knowledge });
  const routes = running.adapters.map((a) => a.name).join(', ');
  write(io.stdout, `helpdesk-bot: serving ${knowledge.size} knowledge entries for ${routes} on ${config.server.host}:${running.port}`);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await running.close();
  return 0;
}
