/**
 * The server as the IT team runs it: a real `helpdesk-bot serve` child process on a free
 * loopback port, with Teams enabled for local development (no app id: loopback only).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeBotConnector } from '../fakes/botConnector';
import { RedisServer } from '../fakes/redisServer';
import { FakeTicketWebhook, waitUntil } from '../fakes/ticketWebhook';
import { personalMessage, postActivity } from '../channels/teams/activities';
import { runServeToExit, startServe, type ServeProcess } from './serveProcess';

jest.setTimeout(40_000);

let dataDir: string;
let connector: FakeBotConnector;
let webhook: FakeTicketWebhook;
let serve: ServeProcess | undefined;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-prod-'));
  connector = await FakeBotConnector.start();
  webhook = await FakeTicketWebhook.start();
});

afterEach(async () => {
  if (serve && serve.child.exitCode === null) {
    serve.child.kill('SIGKILL');
    await serve.exited;
  }
  serve = undefined;
  await connector.close();
  await webhook.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const baseEnv = () => ({ TEAMS_ENABLED: 'true', DATA_DIR: dataDir, TICKET_WEBHOOK_URL: webhook.url });

async function metricValue(url: string, sample: string): Promise<number | undefined> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}

describe('helpdesk-bot serve', () => {
  it('answers liveness and readiness, and its metrics move after a message', async () => {
    serve = await startServe(baseEnv());
    expect(await (await fetch(`${serve.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${serve.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, checks: { knowledge: { ok: true, entries: 3 }, store: { ok: true, kind: 'sqlite' }, sinks: { ok: true } } });

    const metricsResponse = await fetch(`${serve.url}/metrics`);
    expect(metricsResponse.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const exposition = await metricsResponse.text();
    expect(exposition).toContain('# TYPE helpdesk_messages_total counter');
    expect(exposition).toContain('# TYPE helpdesk_reply_latency_seconds histogram');
    expect(exposition).toContain('helpdesk_process_cpu_user_seconds_total');
    expect(await metricValue(serve.url, 'helpdesk_messages_total{channel="teams"}')).toBeUndefined();

    expect(await postActivity(serve.url, personalMessage(connector.serviceUrl, 'KB5057589 failed with 0x80070643'))).toBe(200);
    expect(await metricValue(serve.url, 'helpdesk_messages_total{channel="teams"}')).toBe(1);
    expect(await metricValue(serve.url, 'helpdesk_matches_total{entry="kb5057589-winre-false-error"}')).toBe(1);
    expect(await metricValue(serve.url, 'helpdesk_outcomes_total{outcome="pending"}')).toBe(1);
    expect(await metricValue(serve.url, 'helpdesk_reply_latency_seconds_count{channel="teams"}')).toBe(1);

    // One log line per handled message, with a hash of the conversation key rather than the key.
    const handled = serve.logs().find((l) => l.msg === 'message handled');
    expect(handled).toMatchObject({ channel: 'teams', entry: 'kb5057589-winre-false-error', outcome: 'pending' });
    expect(handled?.conversation).toMatch(/^[0-9a-f]{16}$/);
    expect(typeof handled?.latencyMs).toBe('number');
  });

  it('is not ready while its store is down, and ready again when it is back', async () => {
    const redis = await RedisServer.start();
    try {
      serve = await startServe({ ...baseEnv(), REDIS_URL: redis.url });
      expect((await fetch(`${serve.url}/readyz`)).status).toBe(200);
      await redis.kill();
      const down = await waitUntil(async () => {
        const r = await fetch(`${serve!.url}/readyz`);
        return r.status === 503 && ((await r.json()) as { checks: { store: { ok: boolean } } });
      }, 'readiness to fail');
      expect(down.checks.store.ok).toBe(false);
      expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
      await redis.restart();
      await waitUntil(async () => (await fetch(`${serve!.url}/readyz`)).status === 200, 'readiness to recover', 10_000);
    } finally {
      await redis.stop();
    }
  });

  it('refuses an oversized body with 413 and keeps serving', async () => {
    serve = await startServe({ ...baseEnv(), MAX_REQUEST_BYTES: '4096' });
    const big = JSON.stringify({ ...personalMessage(connector.serviceUrl, 'x'), text: 'x'.repeat(10_000) });
    const response = await fetch(`${serve.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(response.status).toBe(413);
    expect(connector.calls).toEqual([]);
    expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
  });

  it('finishes a message in flight on SIGTERM, then exits 0', async () => {
    serve = await startServe(baseEnv());
    connector.holdMs = 1500;
    const posted = postActivity(serve.url, personalMessage(connector.serviceUrl, 'KB5057589 failed with 0x80070643'));
    await waitUntil(() => connector.messages.length > 0, 'the reply to be under way');
    serve.child.kill('SIGTERM');
    expect(await posted).toBe(200);
    expect(await serve.exited).toBe(0);
    const messages = serve.logs().map((l) => l.msg);
    expect(messages.indexOf('shutting down: finishing messages in flight')).toBeLessThan(messages.indexOf('stopped'));
    expect(messages.indexOf('message handled')).toBeGreaterThan(-1);
  });

  it('lists every configuration problem by variable and exits non-zero, echoing no secret', async () => {
    const token = 'xoxb-1234-5678-topsecretvalue';
    const result = await runServeToExit({ PORT: 'abc', LOG_LEVEL: 'loud', SLACK_BOT_TOKEN: token, SLACK_SUPPORT_CHANNEL: 'general', REDIS_URL: 'http://x' });
    expect(result.code).toBe(78);
    const lines = result.stderr.trim().split('\n');
    for (const variable of ['PORT', 'LOG_LEVEL', 'SLACK_SIGNING_SECRET', 'SLACK_SUPPORT_CHANNEL', 'REDIS_URL']) {
      expect(lines.some((l) => l.startsWith(`helpdesk-bot: configuration error: ${variable} `))).toBe(true);
    }
    expect(result.stderr).not.toContain(token);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('never writes the configured secrets to its logs', async () => {
    const secrets = {
      MICROSOFT_APP_ID: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
      MICROSOFT_APP_PASSWORD: 'app-password-Zq8~secretvalue',
      TICKET_WEBHOOK_SECRET: 'webhook-hmac-secret-value',
    };
    const ticketUrl = `${webhook.url}?token=url-embedded-secret-123`;
    serve = await startServe({ ...baseEnv(), ...secrets, TICKET_WEBHOOK_URL: ticketUrl, LOG_LEVEL: 'trace' });
    // Unauthenticated and forged requests are refused (401) and logged.
    expect(await postActivity(serve.url, personalMessage(connector.serviceUrl, 'hello'))).toBe(401);
    expect(await postActivity(serve.url, personalMessage(connector.serviceUrl, 'hello'), { authorization: `Bearer ${secrets.MICROSOFT_APP_PASSWORD}` })).toBe(401);
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    const output = serve.stdout() + serve.stderr();
    expect(output.length).toBeGreaterThan(0);
    for (const secret of [secrets.MICROSOFT_APP_PASSWORD, secrets.TICKET_WEBHOOK_SECRET, 'url-embedded-secret-123']) expect(output).not.toContain(secret);
  });
});
