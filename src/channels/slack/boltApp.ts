/**
 * The Bolt app for either transport. HTTP: Bolt's ExpressReceiver on a router the adapter mounts
 * on the shared express app (Bolt reads the raw body itself to check signatures). Socket Mode:
 * a SocketModeReceiver, built here because the App's clientOptions never reach its socket client.
 */
import { App, ExpressReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import { Router } from 'express';
import type { Logger } from '../../logger';
import { boltLogger } from './boltLogger';
import { EVENTS_PATH } from './requirements';
import { webApiFetch } from './webApiFetch';
import type { SlackConfig } from './slackConfig';

export interface BoltAppOptions {
  /** Web API request timeout. */
  requestTimeoutMs: number;
  /** Web API retries after network errors, 5xx and 429 (each 429 waits its Retry-After first). */
  retries: number;
}

export interface BoltSetup {
  app: App;
  /** Whether `app.init()` must run before events flow (it calls auth.test). */
  needsInit: boolean;
  /** HTTP mode: the router holding POST /slack/events. */
  router?: Router;
  /** Socket Mode: the receiver, whose client the adapter disconnects on stop. */
  socket?: SocketModeReceiver;
  /**
   * For the support-channel post: few retries of its own, because the escalation outbox retries
   * durably and counts an attempt longer than its timeout as failed (a late success would then
   * be posted twice).
   */
  escalationClient: webApi.WebClient;
}

/** Builds the Bolt app; nothing is called on Slack until the adapter starts. */
export function createBoltApp(config: SlackConfig, logger: Logger, options: BoltAppOptions): BoltSetup {
  const slackLogger = boltLogger(logger);
  const needsInit = config.identity === undefined;
  const apiUrl = config.apiUrl !== undefined ? { slackApiUrl: config.apiUrl } : {};
  const clientOptions: webApi.WebClientOptions = {
    ...apiUrl,
    fetch: webApiFetch,
    timeout: options.requestTimeoutMs,
    // Bolt's default (ten retries over about 30 minutes) would hold a reply long past its use.
    retryConfig: { retries: options.retries, factor: 2, minTimeout: 500, maxTimeout: 30_000, randomize: true },
  };
  const escalationClient = new webApi.WebClient(config.botToken, {
    ...clientOptions,
    logger: slackLogger,
    retryConfig: { retries: 1, factor: 2, minTimeout: 500, maxTimeout: 2000 },
  });
  const common = {
    token: config.botToken,
    ...(config.identity && { botId: config.identity.botId, botUserId: config.identity.botUserId }),
    clientOptions,
    logger: slackLogger,
    // Without a configured identity, Bolt asks auth.test. Deferred, that happens in start(), where
    // a bad token fails the start instead of rejecting unobserved inside the constructor. With
    // one, the constructor path never calls auth.test (app.init() would call it regardless).
    deferInitialization: needsInit,
    // Bolt's conversation-context middleware reads its in-memory store on every event; our
    // conversations live in the ConversationStore, shared by replicas, so it would be dead work.
    convoStore: false as const,
  };

  if (config.transport.kind === 'socket') {
    const socket = new SocketModeReceiver({
      appToken: config.transport.appToken,
      logger: slackLogger,
      // A fresh object: the socket client writes its own retry policy into the one it is given.
      installerOptions: { clientOptions: { ...apiUrl, fetch: webApiFetch } },
    });
    return { app: new App({ ...common, receiver: socket }), needsInit, socket, escalationClient };
  }

  const router = Router();
  const receiver = new ExpressReceiver({
    signingSecret: config.transport.signingSecret,
    endpoints: EVENTS_PATH,
    router,
    logger: slackLogger,
    // Respond as soon as a listener acks; events are acked by Bolt before any listener runs.
    processBeforeResponse: false,
  });
  return { app: new App({ ...common, receiver }), needsInit, router, escalationClient };
}
