/**
 * The reference servers for the Slack benchmark: bare Bolt apps (ExpressReceiver, signature
 * checks on). `ack` only acknowledges message events; `reply` also posts one threaded reply per
 * event, the least any bot that answers must do, so the gap between the two is what answering
 * costs before any helpdesk work.
 *
 * usage: node bareBoltChild.js SLACK_API_URL PORT [ack|reply]
 */
import { App, ExpressReceiver } from '@slack/bolt';
import { BENCH_BOT_ID, BENCH_BOT_USER, BENCH_SIGNING_SECRET } from './slackEvents';

const receiver = new ExpressReceiver({ signingSecret: BENCH_SIGNING_SECRET, endpoints: '/slack/events', processBeforeResponse: false });
const app = new App({ token: 'xoxb-bench', botId: BENCH_BOT_ID, botUserId: BENCH_BOT_USER, receiver, clientOptions: { slackApiUrl: process.argv[2] } });
if (process.argv[4] === 'reply') {
  app.event('message', async ({ event, client }) => {
    const { channel, ts } = event as { channel: string; ts: string };
    await client.chat.postMessage({ channel, thread_ts: ts, text: 'Thanks, looking into it.' });
  });
} else {
  app.event('message', async () => undefined);
}
const server = receiver.app.listen(Number(process.argv[3]), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
