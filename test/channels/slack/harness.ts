/**
 * The real server (startServer) with the Slack adapter pointed at the fake Web API, and signed
 * requests to it as Slack sends them.
 */
import { loopbackServerConfig } from '../../helpers/serverConfig';
import type { ServerConfig } from '../../../src/config/serverConfig';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { CollectingSink } from '../../../src/escalation/sink';
import { loadKnowledge } from '../../../src/knowledge/loadKnowledge';
import type { Logger } from '../../../src/logger';
import type { KnowledgeBase } from '../../../src/knowledge/knowledgeBase';
import { readSlackConfig } from '../../../src/channels/slack/slackConfig';
import { startServer, type RunningServer } from '../../../src/server/runServer';
import { FakeSlackApi } from '../../fakes/slackApi';
import { HELP_CHANNEL, SUPPORT_CHANNEL } from '../../fakes/slackPayloads';

export const SIGNING_SECRET = '8f742231b10e8888abcd99e7c2d3f85a';
export const BOT_TOKEN = 'xoxb-1111111111-2222222222-fakefakefakefakefake';

let knowledge: KnowledgeBase | undefined;
export function helpdeskKnowledge(): KnowledgeBase {
  knowledge ??= loadKnowledge(join(__dirname, '../../../knowledge')).knowledge;
  return knowledge;
}

/** Slack's v0 signature: HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface PostOptions {
  retryNum?: number;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Sign with another secret (a forged request). */
  secret?: string;
  /** Send no signature headers at all. */
  unsigned?: boolean;
}

/** Keeps every log line, so tests can wait for what the bot decided (even to stay silent). */
export class RecordingLogger implements Logger {
  readonly lines: Array<{ level: string; obj: Record<string, unknown>; msg: string }> = [];
  debug(obj: object, msg = ''): void {
    this.lines.push({ level: 'debug', obj: obj as Record<string, unknown>, msg });
  }
  info(obj: object, msg = ''): void {
    this.lines.push({ level: 'info', obj: obj as Record<string, unknown>, msg });
  }
  warn(obj: object, msg = ''): void {
    this.lines.push({ level: 'warn', obj: obj as Record<string, unknown>, msg });
  }
  error(obj: object, msg = ''): void {
    this.lines.push({ level: 'error', obj: obj as Record<string, unknown>, msg });
  }
  find(msg: string, fields: Record<string, unknown> = {}) {
    return this.lines.find((l) => l.msg === msg && Object.entries(fields).every(([k, v]) => l.obj[k] === v));
  }
}

export class SlackHarness {
  private closed = false;

  private constructor(
    readonly api: FakeSlackApi,
    readonly server: RunningServer,
    readonly sink: CollectingSink,
    readonly logger: RecordingLogger,
  ) {}

  /**
   * Starts the fake API and the server; `env` adds to or overrides the Slack variables, and
   * `prepare` sets the fake up before the adapter starts (Socket Mode needs its URL).
   */
  static async start(
    env: Record<string, string | undefined> = {},
    prepare?: (api: FakeSlackApi) => void,
    serverOptions: { server?: Partial<ServerConfig>; spikeCheckEveryMs?: number } = {},
  ): Promise<SlackHarness> {
    const api = await FakeSlackApi.start();
    try {
      prepare?.(api);
      const { config, problems } = readSlackConfig({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: api.url,
        SLACK_SUPPORT_CHANNEL: SUPPORT_CHANNEL,
        SLACK_HELP_CHANNELS: HELP_CHANNEL,
        ...env,
      });
      if (!config) throw new Error(`bad test config: ${JSON.stringify(problems)}`);
      const sink = new CollectingSink();
      const logger = new RecordingLogger();
      const server = await startServer({
        server: loopbackServerConfig(serverOptions.server),
        spikeCheckEveryMs: serverOptions.spikeCheckEveryMs,
        slack: config,
        teams: null,
        knowledge: helpdeskKnowledge(),
        sinks: [sink],
        logger,
      });
      return new SlackHarness(api, server, sink, logger);
    } catch (err) {
      await api.close();
      throw err;
    }
  }

  get eventsUrl(): string {
    return `${this.server.url}/slack/events`;
  }

  /** POSTs an Events API body, signed, as Slack does. */
  postEvent(body: object, options: PostOptions = {}): Promise<Response> {
    return this.post(JSON.stringify(body), 'application/json', options);
  }

  /** POSTs an interactivity payload, form-encoded in `payload`, signed, as Slack does. */
  postAction(payload: object, options: PostOptions = {}): Promise<Response> {
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options);
  }

  /** Waits for a log line (what the bot decided), polling with a bounded timeout. */
  waitForLog(what: string, msg: string, fields: Record<string, unknown> = {}) {
    return this.api.waitFor(what, () => this.logger.find(msg, fields));
  }

  /**
   * Stops the server, which lets every turn in progress finish: after this, the fake's record
   * is final, so a test can check that nothing (more) was sent. Safe to call twice.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.server.close();
    } finally {
      await this.api.close();
    }
  }

  private post(body: string, contentType: string, options: PostOptions): Promise<Response> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = { 'content-type': contentType, 'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)' };
    if (!options.unsigned) {
      headers['x-slack-request-timestamp'] = String(timestamp);
      headers['x-slack-signature'] = slackSignature(options.secret ?? SIGNING_SECRET, timestamp, body);
    }
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    return fetch(this.eventsUrl, { method: 'POST', headers, body });
  }
}

/** The text of a recorded Slack message (its fallback text). */
export function textOf(call: { args: Record<string, unknown> }): string {
  return String(call.args.text ?? '');
}

/** The button labels of a recorded Slack message. */
export function buttonsOf(call: { args: Record<string, unknown> }): string[] {
  const blocks = (call.args.blocks ?? []) as Array<{ type: string; elements?: Array<{ text?: { text: string } }> }>;
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => (b.elements ?? []).map((e) => e.text?.text ?? ''));
}
