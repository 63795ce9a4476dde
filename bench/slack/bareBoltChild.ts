/**
 * The reference server for the Slack benchmark: a bare Bolt app (ExpressReceiver, signature
 * checks on) whose only listener acknowledges message events and does nothing else.
 *
 * usage: node bareBoltChild.js SLACK_API_URL PORT
 */
import { App, ExpressReceiver } from '@slack/bolt';
import { BENCH_BOT_ID, BENCH_BOT_USER, BENCH_SIGNING_SECRET } from './slackEvents';

const receiver = new ExpressReceiver({ signingSecret: BENCH_SIGNING_SECRET, endpoints: '/slack/events', processBeforeResponse: false });
const app = new App({ token: 'xoxb-bench', botId: BENCH_BOT_ID, botUserId: BENCH_BOT_USER, receiver, clientOptions: { slackApiUrl: process.argv[2] } });
app.event('message', async () => undefined);
const server = receiver.app.listen(Number(process.argv[3]), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
