/**
 * Slack end to end: signed Events API requests from a load generator process (pinned to CPU 1)
 * against a server process (pinned to CPU 0) on loopback, with a fake Slack Web API (in the
 * suite's own process) taking the replies. Three servers take the same load:
 *
 * - bare: a Bolt app that only acknowledges (bareBoltChild) — what Bolt costs by itself;
 * - replying: the same app posting one threaded reply per event — what answering costs at least;
 * - ours: the real `helpdesk-bot serve` (Slack over HTTP, SQLite state in a temporary DATA_DIR,
 *   shipped knowledge), every direct message answered through the fake Web API.
 *
 * Reported: acknowledged events/s and ack p50/p99 at a fixed 200 events/s (open loop), the most
 * events/s acknowledged by 32 back-to-back senders (closed loop), and ours/bare and
 * ours/replying ratios.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from '../lib/freePort';
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { canPin, runChild } from '../lib/childProcess';
import { benchDistDir, distDir, repoRoot } from '../lib/repo';
import { startFakeSlackApi } from './fakeSlackApi';
import type { PhaseResult } from './loadChild';
import { BENCH_BOT_ID, BENCH_BOT_USER, BENCH_SIGNING_SECRET } from './slackEvents';

export const SLACK_RATE = 200;
const OPEN_MS = 8000;
const CLOSED_MS = 4000;
const CLOSED_CONCURRENCY = 32;

interface ServerRun {
  open: PhaseResult;
  closed: PhaseResult;
  webApiCalls: Record<string, number>;
}

export type SlackBenchResult =
  | { status: 'todo'; reason: string }
  | {
      status: 'measured';
      rate: number;
      openMs: number;
      closedMs: number;
      closedConcurrency: number;
      pinned: boolean;
      bare: ServerRun;
      /** A bare Bolt app that posts one reply per event: what answering costs at the least. */
      replying: ServerRun;
      ours: ServerRun;
      ratio: { openP50: number; openP99: number; closedEventsPerSecond: number };
      /** Ours against the replying app. */
      ratioToReplying: { closedEventsPerSecond: number };
    };

interface RunningProcess {
  port: number;
  stop(): Promise<void>;
}

function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts a long-running server process on `port` and resolves once it accepts connections. */
async function startServerProcess(args: string[], env: NodeJS.ProcessEnv, port: number): Promise<RunningProcess> {
  const [command, argv] = canPin() ? ['taskset', ['-c', '0', process.execPath, ...args]] : [process.execPath, args];
  const child: ChildProcess = spawn(command, argv, { cwd: repoRoot(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // Logs are read and dropped as a log shipper would; only the tail is kept for errors.
  const keep = (d: string) => (output = (output + d).slice(-4000));
  child.stdout!.setEncoding('utf8').on('data', keep);
  child.stderr!.setEncoding('utf8').on('data', keep);
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(kill);
        done();
      });
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 30_000;
  while (!(await accepting(port))) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not accept connections on 127.0.0.1:${port} within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, stop };
}

/** Employees' first messages: the public conversations' opening turns (Slack markup and all). */
function texts(evalFile: string): string[] {
  if (!existsSync(evalFile)) return ['KB5057589 failed with 0x80070643', 'hi', 'printer on 3rd floor is not printing', 'KB5034441 error 0x80070643'];
  return readFileSync(evalFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { turns: string[] }).turns[0]);
}

/** `nodeArgs` go to both server processes (e.g. --cpu-prof for `npm run bench -- --profile`). */
export async function measureSlack(tmp: string, evalFile: string, nodeArgs: (name: string) => string[] = () => []): Promise<SlackBenchResult> {
  const adapter = join(distDir(), 'channels', 'slack', 'slackAdapter.js');
  if (!existsSync(adapter) || /not built yet/.test(readFileSync(adapter, 'utf8'))) {
    return { status: 'todo', reason: 'the Slack adapter (src/channels/slack/slackAdapter.ts) is still a placeholder in this build' };
  }
  const textsFile = join(tmp, 'slack-texts.json');
  writeFileSync(textsFile, JSON.stringify(texts(evalFile)));
  // The fake Web API runs in this process: keep it on CPU 1 with the load generator, off the
  // server's core, for the duration (all threads; restored at the end).
  const cpus = availableParallelism();
  if (canPin()) spawnSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
  const api = await startFakeSlackApi();
  const baseEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: process.env.LANG };
  const load = async (port: number, tag: string) =>
    runChild<{ open: PhaseResult; closed: PhaseResult }>(
      'slack/loadChild',
      [`http://127.0.0.1:${port}`, textsFile, String(SLACK_RATE), String(OPEN_MS), String(CLOSED_CONCURRENCY), String(CLOSED_MS), tag],
      { pinToCpu: 1, timeoutMs: 120_000 },
    );
  const measure = async (args: (port: number) => string[], env: (port: number) => NodeJS.ProcessEnv, tag: string): Promise<ServerRun> => {
    api.reset();
    const port = await freePort();
    const server = await startServerProcess(args(port), env(port), port);
    try {
      const { open, closed } = await load(server.port, tag);
      return { open, closed, webApiCalls: {} };
    } finally {
      // Stopping lets turns in progress finish, so the Web API count includes every reply.
      await server.stop();
    }
  };
  try {
    const bare = await measure((port) => [...nodeArgs('slack-bare'), join(benchDistDir(), 'slack', 'bareBoltChild.js'), api.url, String(port)], () => baseEnv, 'bare');
    bare.webApiCalls = { ...api.calls };
    const replying = await measure(
      (port) => [...nodeArgs('slack-replying'), join(benchDistDir(), 'slack', 'bareBoltChild.js'), api.url, String(port), 'reply'],
      () => baseEnv,
      'replying',
    );
    replying.webApiCalls = { ...api.calls };
    const dataDir = join(tmp, 'slack-data');
    mkdirSync(dataDir, { recursive: true });
    const ours = await measure(
      () => [...nodeArgs('slack-ours'), join(dirname(distDir()), 'bin', 'helpdesk-bot.js'), 'serve'],
      (port) => ({
        ...baseEnv,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        KNOWLEDGE_DIR: join(repoRoot(), 'knowledge'),
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
        SLACK_API_URL: api.url,
        SLACK_BOT_ID: BENCH_BOT_ID,
        SLACK_BOT_USER_ID: BENCH_BOT_USER,
      }),
      'ours',
    );
    ours.webApiCalls = { ...api.calls };
    return {
      status: 'measured',
      rate: SLACK_RATE,
      openMs: OPEN_MS,
      closedMs: CLOSED_MS,
      closedConcurrency: CLOSED_CONCURRENCY,
      pinned: canPin(),
      bare,
      replying,
      ours,
      ratioToReplying: { closedEventsPerSecond: ours.closed.eventsPerSecond / replying.closed.eventsPerSecond },
      ratio: {
        openP50: ours.open.ack.p50Ms / bare.open.ack.p50Ms,
        openP99: ours.open.ack.p99Ms / bare.open.ack.p99Ms,
        closedEventsPerSecond: ours.closed.eventsPerSecond / bare.closed.eventsPerSecond,
      },
    };
  } finally {
    await api.close();
    if (canPin()) spawnSync('taskset', ['-a', '-p', '-c', `0-${cpus - 1}`, String(process.pid)], { stdio: 'ignore' });
  }
}
