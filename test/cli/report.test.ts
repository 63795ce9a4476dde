/**
 * `helpdesk-bot report` over the store `serve` uses: a temporary DATA_DIR filled by the real bot
 * (HelpdeskBot with the SQLite store and its event log), read in-process, from Redis, and once
 * as the installed command.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HelpdeskBot } from '../../src/bot';
import { runCli } from '../../src/cli/main';
import { RedisConversationStore } from '../../src/conversation/redisStore';
import { SqliteConversationStore } from '../../src/conversation/sqliteStore';
import type { Storage } from '../../src/conversation/storage';
import type { Report } from '../../src/reports/report';
import { captureIo } from '../helpers/cliIo';
import { FALSE_ERROR, REAL_FAILURE, shippedKnowledge } from '../helpers/knowledge';
import { freePort, RedisServer } from '../fakes/redisServer';

const DAY = 86_400_000;
const REPO = resolve(__dirname, '..', '..');

/** What employees wrote over the last two days, one conversation (thread) each. */
const THIS_WEEK: string[][] = [
  ['KB5057589 failed with 0x80070643', 'yes', '400 MB'],
  ['KB5057589 failed, I rebooted and the recovery partition has 600 MB free'],
  ['KB5057589 error', 'yes', 'only 100MB'],
  ['KB5034441 failed with 0x80070643'],
  ['printer on floor 3 jams every morning', 'Talk to a person'],
  ['The 3rd floor printer keeps jamming with paper'],
  ['paper jam in the printer on the third floor again'],
  ['VPN keeps disconnecting every few minutes'],
  ['my vpn disconnects when I work from home'],
  ['how do I reset my password?'],
  ['KB5057589 error', 'no'],
];
/** Ten days ago: outside the default window. */
const LAST_MONTH: string[][] = [['KB5057589 failed with 0x80070643', 'yes', '400 MB']];

/** Has the real bot handle the conversations, recording events in the store as `serve` does. */
async function converse(store: Storage): Promise<void> {
  let clock = Date.now() - 10 * DAY;
  const bot = new HelpdeskBot({ knowledge: shippedKnowledge(), store, events: store.events, now: () => new Date((clock += 60_000)) });
  const run = async (threads: string[][], prefix: string) => {
    for (const [i, turns] of threads.entries()) {
      for (const text of turns) await bot.handle({ conversationId: `slack:T1:C1:${prefix}${i}`, channel: 'slack', user: { id: 'U1' }, text });
    }
  };
  await run(LAST_MONTH, 'old');
  clock = Date.now() - 2 * DAY;
  await run(THIS_WEEK, 'new');
}

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'helpdesk-report-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

async function sqliteWithConversations(): Promise<void> {
  const store = new SqliteConversationStore({ file: join(tmp, 'data', 'helpdesk.db') });
  await converse(store);
  await store.close();
}

async function report(args: string[], env: NodeJS.ProcessEnv = { DATA_DIR: 'data' }) {
  const io = captureIo({ env, cwd: tmp });
  const code = await runCli(['report', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('helpdesk-bot report', () => {
  it('--json: one document with every figure of the last 7 days', async () => {
    await sqliteWithConversations();
    const { code, out, err } = await report(['--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(out) as Report;
    expect(r.window.label).toBe('7d');
    expect(r.conversations).toEqual({ started: 11, resolved: 2, escalated: 3, unmatched: 5, open: 1 });
    expect(r.deflection).toMatchObject({ rate: 0.4, resolved: 2, escalated: 3 });
    expect(r.deflection.definition).toMatch(/^resolved \/ \(resolved \+ escalated\)/);
    expect(r.turnsToResolution).toMatchObject({ median: 2, resolvedConversations: 2 });
    expect(r.escalations.byReason).toEqual([
      { reason: 'recovery_partition_too_small', count: 2 },
      { reason: 'asked_for_person', count: 1 },
    ]);
    expect(r.escalations.byEntry).toEqual([
      { entryId: REAL_FAILURE, count: 1 },
      { entryId: FALSE_ERROR, count: 1 },
      { entryId: null, count: 1 },
    ]);
    expect(r.entries).toEqual([
      { entryId: FALSE_ERROR, conversations: 4, resolved: 2, escalated: 1, open: 1 },
      { entryId: REAL_FAILURE, conversations: 1, resolved: 0, escalated: 1, open: 0 },
    ]);
    expect(r.unanswered).toMatchObject({ messages: 6, groupCount: 3, withoutWords: 0 });
    expect(r.unanswered.groups.map((g) => g.count)).toEqual([3, 2, 1]);
    expect(r.unanswered.groups[0].representative).toMatch(/printer/i);
    expect(r.unanswered.groups[0].examples).toHaveLength(2);
  });

  it('--since widens the window', async () => {
    await sqliteWithConversations();
    const r = JSON.parse((await report(['--since', '2w', '--json'])).out) as Report;
    expect(r.conversations).toMatchObject({ started: 12, resolved: 3 });
    expect(r.turnsToResolution.median).toBe(3);
    const hour = JSON.parse((await report(['--since=1h', '--json'])).out) as Report;
    expect(hour.conversations.started).toBe(0);
    const beyond = await report(['--since', '20w', '--json']);
    expect(beyond.code).toBe(0);
    expect(beyond.err).toBe('helpdesk-bot: note: the SQLite event log keeps 90 days; older conversations are not counted.\n');
    expect((JSON.parse(beyond.out) as Report).conversations.started).toBe(12);
  });

  it('prints a readable page by default', async () => {
    await sqliteWithConversations();
    const { code, out } = await report([]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Helpdesk report, in the last 7d: /);
    expect(out).toMatch(/^Deflection\s+40%\s+2 resolved of 5 that ended resolved or escalated$/m);
    expect(out).toMatch(/^ {2}1\. {3}3× {2}".*printer.*"$/im);
  });

  it('--csv: a header and one row per figure, group and count', async () => {
    await sqliteWithConversations();
    const { code, out } = await report(['--csv']);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('section,key,value,resolved,escalated,open,text,examples');
    expect(lines).toContain('summary,conversations,11,,,,,');
    expect(lines).toContain('escalation_reason,recovery_partition_too_small,2,,,,,');
    expect(lines).toContain(`entry,${FALSE_ERROR},4,2,1,1,,`);
  });

  it('says so in one line when nothing was recorded in the window', async () => {
    await new SqliteConversationStore({ file: join(tmp, 'data', 'helpdesk.db') }).close();
    const { code, out } = await report([]);
    expect(code).toBe(0);
    expect(out).toMatch(/^No conversations started in the last 7d \(\d{4}-\d{2}-\d{2} \d{2}:\d{2} to .* UTC\)\.\n$/);
  });

  it('reads DATA_DIR from .env, as serve does', async () => {
    await sqliteWithConversations();
    writeFileSync(join(tmp, '.env'), 'DATA_DIR=data\n');
    const r = JSON.parse((await report(['--json'], {})).out) as Report;
    expect(r.conversations.started).toBe(11);
  });

  it('exits 69 with one line, and creates nothing, when DATA_DIR holds no database', async () => {
    const { code, out, err } = await report([], { DATA_DIR: 'elsewhere' });
    expect(code).toBe(69);
    expect(out).toBe('');
    expect(err).toBe(`helpdesk-bot: storage error: no bot database at ${join(tmp, 'elsewhere', 'helpdesk.db')}; set DATA_DIR to the folder serve uses (default ./data), or REDIS_URL when it keeps its data in Redis\n`);
    expect(existsSync(join(tmp, 'elsewhere'))).toBe(false);
  });

  it('exits 78 naming REDIS_URL when it is not a Redis URL, and ignores what only serve uses', async () => {
    const bad = await report([], { REDIS_URL: 'http://cache.internal:6379' });
    expect(bad.code).toBe(78);
    expect(bad.err).toMatch(/^helpdesk-bot: configuration error: REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL.*\n$/);
    expect(bad.err).not.toContain('cache.internal');

    await sqliteWithConversations();
    const ok = await report(['--json'], { DATA_DIR: 'data', TICKET_WEBHOOK_SECRET: 'short' });
    expect(ok.code).toBe(0);
  });

  it('exits 69 with one line when Redis cannot be reached', async () => {
    const { code, err } = await report([], { REDIS_URL: `redis://:hunter2@127.0.0.1:${await freePort()}` });
    expect(code).toBe(69);
    expect(err).toMatch(/^helpdesk-bot: storage error: cannot connect to Redis at redis:\/\/127\.0\.0\.1:\d+ \(REDIS_URL\): .*\n$/);
    expect(err).not.toContain('hunter2');
  });

  it('exits 2 on a bad --since, on --json with --csv, and on arguments', async () => {
    const since = await report(['--since', 'last week']);
    expect(since.code).toBe(2);
    expect(since.err).toMatch(/^helpdesk-bot: --since "last week" is neither a duration \(30m, 12h, 7d, 2w.*\) nor an ISO date/);
    expect((await report(['--since', '0h'])).code).toBe(2);
    const both = await report(['--json', '--csv']);
    expect(both).toMatchObject({ code: 2, err: 'helpdesk-bot: --json and --csv cannot be combined; pick one\n' });
    const extra = await report(['7d']);
    expect(extra.code).toBe(2);
    expect(extra.err).toMatch(/^helpdesk-bot: report takes no arguments; use --since, --json or --csv/);
  });

  it('reads the event log from Redis when REDIS_URL is set', async () => {
    const redis = await RedisServer.start();
    try {
      const store = await RedisConversationStore.connect(redis.url);
      await converse(store);
      await store.close();
      const { code, out, err } = await report(['--json'], { REDIS_URL: redis.url });
      expect(err).toBe('');
      expect(code).toBe(0);
      const r = JSON.parse(out) as Report;
      expect(r.conversations).toEqual({ started: 11, resolved: 2, escalated: 3, unmatched: 5, open: 1 });
      expect(r.unanswered.groups.map((g) => g.count)).toEqual([3, 2, 1]);
    } finally {
      await redis.stop();
    }
  });

  it('runs as the installed command, with nothing but the JSON document on stdout', async () => {
    await sqliteWithConversations();
    // The real bin over the build that `npm install` makes (prepare); built here if it predates report.
    if (!existsSync(join(REPO, 'dist', 'cli', 'report.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO });
    const run = spawnSync(process.execPath, [join(REPO, 'bin', 'helpdesk-bot.js'), 'report', '--json'], {
      cwd: tmp,
      env: { PATH: process.env.PATH, DATA_DIR: join(tmp, 'data') },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout) as Report;
    expect(r.conversations.started).toBe(11);
    expect(r.unanswered.groups[0].count).toBe(3);
  });
});
