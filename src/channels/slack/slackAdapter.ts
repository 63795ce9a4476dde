/**
 * The Slack adapter: Bolt receives events (HTTP or Socket Mode), acknowledges them at once, drops
 * retries, and hands each employee message or click to SlackTurns; the support channel receives
 * escalations.
 */
import type { Express } from 'express';
import type { AdapterContext, ChannelAdapter } from '../../server/channelAdapter';
import { createBoltApp } from './boltApp';
import { OPTION_ACTION_ID } from './blocks';
import { isIgnored, mightConcernBot, readButtonClick, readMessageEvent } from './inbound';
import type { SlackConfig } from './slackConfig';
import { SlackTurns } from './slackTurns';
import { SupportChannelSink } from './supportChannelSink';

/** Tuning of the adapter; every field has a default (DEFAULT_SLACK_OPTIONS). */
export interface SlackAdapterOptions {
  /** How long an event id is remembered so Slack's retries are dropped. Default: 1 hour (Slack retries for about 5 minutes). */
  deliveryTtlMs: number;
  /** How long a question message accepts its one answer. Default: 24 hours (the core's default idle time). */
  answerTtlMs: number;
  /** Web API request timeout. Default: 10 seconds. */
  requestTimeoutMs: number;
  /** Web API retries after network errors, 5xx and 429 (a 429 first waits its Retry-After). Default: 5. */
  retries: number;
  /** On stop, how long conversations in progress may take to finish. Default: 10 seconds. */
  stopTimeoutMs: number;
  /** How long a turn may take before 👀 shows the employee that the bot is on it. Default: 1 second. */
  workingStatusAfterMs: number;
}

export const DEFAULT_SLACK_OPTIONS: SlackAdapterOptions = {
  deliveryTtlMs: 60 * 60 * 1000,
  answerTtlMs: 24 * 60 * 60 * 1000,
  requestTimeoutMs: 10_000,
  retries: 5,
  stopTimeoutMs: 10_000,
  workingStatusAfterMs: 1000,
};

/** Builds the adapter; `start()` checks the token (auth.test unless the bot identity is configured). */
export function createSlackAdapter(config: SlackConfig, context: AdapterContext, overrides: Partial<SlackAdapterOptions> = {}): ChannelAdapter {
  const options: SlackAdapterOptions = { ...DEFAULT_SLACK_OPTIONS, ...overrides };
  const { logger, store } = context;
  const { app, needsInit, router, socket, escalationClient } = createBoltApp(config, logger, options);
  const turns = new SlackTurns({
    bot: context.bot,
    store,
    client: app.client,
    logger,
    helpChannels: config.helpChannels,
    deliveryTtlMs: options.deliveryTtlMs,
    answerTtlMs: options.answerTtlMs,
    workingStatusAfterMs: options.workingStatusAfterMs,
  });
  context.bot.useLinkResolver('slack', (conversationId) => turns.permalinkFor(conversationId));

  const receive = async (body: unknown, bot: { botUserId?: string; botId?: string; retryNum?: number }) => {
    const message = readMessageEvent(body, bot);
    if (isIgnored(message)) {
      logger.debug({ reason: message.ignored }, 'slack event ignored');
      return;
    }
    if (!mightConcernBot(message, config.helpChannels)) {
      logger.debug({ channel: message.channel, ts: message.ts, reason: message.mentionsBot ? 'mention (answered as app_mention)' : 'channel message without a mention' }, 'slack message ignored');
      return;
    }
    // Slack resends an event it thinks was not received (X-Slack-Retry-Num); Bolt passes it on.
    if (!(await store.claimDelivery(`slack:event:${message.eventId}`, options.deliveryTtlMs))) {
      logger.info({ eventId: message.eventId, retryNum: bot.retryNum }, 'slack event already handled; retry dropped');
      return;
    }
    // The event is already acknowledged: the turn runs on after this listener returns.
    void turns.message(message);
  };
  app.event('message', async ({ body, context: c }) => receive(body, c));
  app.event('app_mention', async ({ body, context: c }) => receive(body, c));
  app.action(OPTION_ACTION_ID, async ({ ack, body }) => {
    await ack();
    const click = readButtonClick(body);
    if (isIgnored(click)) {
      logger.debug({ reason: click.ignored }, 'slack action ignored');
      return;
    }
    void turns.click(click);
  });
  app.error(async (error) => {
    logger.error({ code: error.code, err: error.message }, 'slack listener failed');
  });

  const sinks = config.supportChannel ? [new SupportChannelSink(escalationClient, config.supportChannel)] : [];
  if (sinks.length === 0) logger.warn({}, 'SLACK_SUPPORT_CHANNEL is not set: Slack escalations are only logged unless another sink takes them');

  return {
    name: 'slack',
    sinks,
    mount(expressApp: Express) {
      if (router) expressApp.use(router);
    },
    async start() {
      if (needsInit) await app.init();
      if (socket) await app.start();
      logger.info({ transport: config.transport.kind, helpChannels: config.helpChannels.length }, 'slack adapter started');
    },
    async stop() {
      // Stop taking events first, then let the conversations in progress finish.
      if (socket) await socket.client.disconnect();
      const finished = await turns.drain(options.stopTimeoutMs);
      if (!finished) logger.warn({ waitedMs: options.stopTimeoutMs }, 'slack adapter stopped with turns still in progress');
    },
  };
}
