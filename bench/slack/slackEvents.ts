/** Signed Slack Events API requests, built as Slack builds them (v0 signature over timestamp and body). */
import { createHmac } from 'node:crypto';

export const BENCH_SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
export const BENCH_TEAM = 'T0BENCH01';
export const BENCH_BOT_ID = 'B0BENCH01';
export const BENCH_BOT_USER = 'U0BENCHBOT';

/** Headers Slack sends with a request body: timestamp and `v0=` HMAC-SHA256 signature. */
export function signedHeaders(body: string, secret: string, now = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    'content-type': 'application/json',
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': signature,
    'content-length': String(Buffer.byteLength(body)),
  };
}

/**
 * The i-th employee's direct message (a `message.im` event_callback): each event has its own
 * employee, DM channel and event id, so each starts its own conversation.
 */
export function directMessageEvent(i: number, text: string, run: string): string {
  const ts = `${1_700_000_000 + i}.${String(i % 1_000_000).padStart(6, '0')}`;
  const user = `U${String(i).padStart(9, '0')}`;
  return JSON.stringify({
    token: 'bench-verification-token',
    team_id: BENCH_TEAM,
    api_app_id: 'A0BENCH01',
    event: { type: 'message', channel: `D${String(i).padStart(9, '0')}`, channel_type: 'im', user, text, ts, event_ts: ts, team: BENCH_TEAM },
    type: 'event_callback',
    event_id: `Ev${run}${String(i).padStart(8, '0')}`,
    event_time: 1_700_000_000 + i,
    authorizations: [{ enterprise_id: null, team_id: BENCH_TEAM, user_id: BENCH_BOT_USER, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}
