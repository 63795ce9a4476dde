/**
 * `npm run bench`: the whole suite in one run. Generates synthetic knowledge bases (10, 1,000
 * and 10,000 entries) into a temporary folder, measures each module in a fresh child process,
 * prints the tables and writes bench/results.json.
 *
 * Options (after `npm run bench --`):
 *   --sizes 10,1000,10000   knowledge-base sizes
 *   --profile               CPU-profile the children (node --cpu-prof) and print where time went
 *   --keep                  keep the temporary folder (generated YAML, messages, replay output)
 * Environment:
 *   BENCH_BASELINE_MAX_CLASSES  entries the baseline trains on at most (default 2000; 10000 takes
 *                               about 2 minutes to train on this machine class)
 *   BENCH_CORE_DIST             measure another build of the core than ./dist
 *   BENCH_EVAL_DIR              folder of conversations.jsonl and score.py (default ../shared/eval)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { distHas } from './core';
import { DEFAULT_SEED, generateKnowledge, writeKnowledgeDir, type GeneratedEntry } from './generate/knowledgeGenerator';
import { generateMessages, MESSAGE_MIX } from './generate/messageGenerator';
import { runChild } from './lib/childProcess';
import { benchDistDir, distDir, repoRoot } from './lib/repo';
import { formatProfile, summarizeProfile, type ProfileSummary } from './profile/summarizeProfile';
import { redisAvailable, startRedis } from './conversations/redisServer';
import { hostSpeedMs } from './lib/hostSpeed';
import { measureSlack, SLACK_RATE, type SlackBenchResult } from './slack/slackBench';
import { measureStartup, type StartupResult } from './startup/startup';
import { count, mb, ms, rate, table } from './report/table';
import type { LatencySummary } from './lib/stats';
import type { Score } from './accuracy/score';
import type { SyntheticOutcome } from './matching/measureMatcher';

const MESSAGES_PER_SIZE = 2000;
const CONVERSATIONS = 10_000;
const DEFAULT_BASELINE_MAX_CLASSES = 2000;

interface SpeedFields {
  messagesPerSecond: number;
  latency: LatencySummary;
  latencyWithoutPastes: LatencySummary;
  latencyByKind: Record<string, LatencySummary>;
  outcome: SyntheticOutcome;
  pinned: boolean;
}
interface MatchingResult extends SpeedFields {
  entries: number;
  loadMs: number;
  requireMs: number;
  rssBeforeLoadMb: number;
  rssAfterLoadMb: number;
  heapAfterLoadMb: number;
  rssAfterMatchingMb: number;
  gcExposed: boolean;
}
interface BaselineResult extends SpeedFields {
  entries: number;
  classesTrained: number;
  capped: boolean;
  documents: number;
  features: number;
  trainMs: number;
  rssAfterTrainMb: number;
  outcomeSampled?: number;
}
interface ConversationsResult {
  store: string;
  entries: number;
  conversations: number;
  inProgress: number;
  rssAfterLoadMb: number;
  heapAfterLoadMb: number;
  rssWithConversationsMb: number;
  heapWithConversationsMb: number;
  turns: Array<{ label: string; turnsPerSecond: number; latency: LatencySummary; pending: number }>;
}
interface AccuracyResult {
  conversations: number;
  harmlessEntries: string[];
  ours: Score & { ms: number };
  baseline: Score & { classes: number };
  resolvedDisagreements: number;
  scorePy?: { ours: string; baseline: string } | { skipped: string };
}
interface Target {
  name: string;
  target: string;
  measured: string;
  met: boolean | null;
}

function log(text: string): void {
  process.stderr.write(`· ${text}\n`);
}

function machine() {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpuModel;
  } catch {
    // Not Linux: os.cpus() is as good as it gets.
  }
  return {
    cpuModel,
    cores: cpus().length,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    totalMemoryMb: Math.round(totalmem() / 2 ** 20),
    // Other work on the machine shows up here; figures from a busy machine vary by tens of percent.
    loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
    hostSpeedMsAtStart: hostSpeedMs(),
  };
}

function shape(entries: readonly GeneratedEntry[], dir: string) {
  const perError = new Map<string, number>();
  for (const e of entries) for (const c of e.errors) perError.set(c, (perError.get(c) ?? 0) + 1);
  const [topCode, topCount] = [...perError].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const kinds: Record<string, number> = {};
  for (const e of entries) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
  const bytes = readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  return {
    entries: entries.length,
    kinds,
    yamlBytes: bytes,
    updateIds: entries.reduce((n, e) => n + e.updates.length, 0),
    distinctErrorCodes: perError.size,
    mostListedErrorCode: { code: topCode, entries: topCount },
    phrases: entries.reduce((n, e) => n + e.phrases.length, 0),
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { sizes: { type: 'string' }, profile: { type: 'boolean' }, keep: { type: 'boolean' } },
  });
  const sizes = (values.sizes ?? '10,1000,10000').split(',').map(Number);
  const largest = Math.max(...sizes);
  const baselineCap = Number(process.env.BENCH_BASELINE_MAX_CLASSES ?? DEFAULT_BASELINE_MAX_CLASSES);
  const evalDir = process.env.BENCH_EVAL_DIR ?? join(repoRoot(), '..', 'shared', 'eval');
  const started = Date.now();
  const startMachine = machine();
  const tmp = mkdtempSync(join(tmpdir(), 'helpdesk-bench-'));
  const profileDir = join(benchDistDir(), '..', 'profiles');
  const errors: Array<{ section: string; message: string }> = [];
  const profiles: Record<string, ProfileSummary> = {};
  const childArgs = (name: string) => {
    if (!values.profile) return [];
    mkdirSync(profileDir, { recursive: true });
    return ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`];
  };
  const afterChild = (name: string) => {
    const file = join(profileDir, `${name}.cpuprofile`);
    if (values.profile && existsSync(file)) {
      profiles[name] = summarizeProfile(file);
      console.log(`\n${formatProfile(`profile ${name}`, profiles[name])}`);
    }
  };
  const section = async <T>(name: string, work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      errors.push({ section: name, message });
      log(`${name} failed: ${message}`);
      return undefined;
    }
  };

  log(`core under test: ${distDir()}; temporary files in ${tmp}`);
  log(`generating ${sizes.join(', ')}-entry knowledge bases (seed ${DEFAULT_SEED})`);
  const all = generateKnowledge(largest, DEFAULT_SEED);
  const kb: Record<number, { dir: string; messages: string; shape: ReturnType<typeof shape> }> = {};
  for (const size of sizes) {
    const dir = join(tmp, `kb-${size}`);
    const entries = all.slice(0, size);
    writeKnowledgeDir(dir, entries);
    const messages = join(tmp, `messages-${size}.json`);
    writeFileSync(messages, JSON.stringify(generateMessages(entries, MESSAGES_PER_SIZE, DEFAULT_SEED + size)));
    kb[size] = { dir, messages, shape: shape(entries, dir) };
  }

  const matching: Array<{ size: number; ours?: MatchingResult; baseline?: BaselineResult }> = [];
  for (const size of sizes) {
    log(`matching, ${size} entries: our matcher`);
    const ours = await section(`matching-${size}`, () =>
      runChild<MatchingResult>('matching/matchingChild', [kb[size].dir, kb[size].messages], { pinToOneCore: true, nodeArgs: childArgs(`matching-${size}`) }),
    );
    afterChild(`matching-${size}`);
    log(`matching, ${size} entries: baseline (natural BayesClassifier${size > baselineCap ? `, capped at ${baselineCap} classes` : ''})`);
    const baseline = await section(`baseline-${size}`, () =>
      runChild<BaselineResult>('baseline/baselineChild', [String(size), String(DEFAULT_SEED), kb[size].messages, String(baselineCap)], {
        pinToOneCore: true,
        nodeArgs: childArgs(`baseline-${size}`),
        timeoutMs: 600_000,
      }),
    );
    afterChild(`baseline-${size}`);
    matching.push({ size, ours, baseline });
  }

  log('accuracy on the public conversations');
  const conversationsFile = join(evalDir, 'conversations.jsonl');
  const accuracy = await section('accuracy', async () => {
    const r = await runChild<AccuracyResult>('accuracy/accuracyChild', [conversationsFile, join(repoRoot(), 'knowledge'), tmp]);
    const py = spawnSync('python3', ['--version']);
    if (py.status === 0 && existsSync(join(evalDir, 'score.py'))) {
      const last = (file: string) => {
        const out = spawnSync('python3', [join(evalDir, 'score.py'), conversationsFile, join(tmp, file)], { encoding: 'utf8' });
        return out.stdout.trim().split('\n').pop() ?? '';
      };
      r.scorePy = { ours: last('ours.jsonl'), baseline: last('baseline.jsonl') };
    } else r.scorePy = { skipped: 'python3 or score.py not found' };
    return r;
  });

  const conversations: ConversationsResult[] = [];
  const convSize = largest;
  const stores: string[] = ['memory'];
  if (distHas('conversation/openStore') && distHas('conversation/sqliteStore')) stores.push('sqlite');
  if (distHas('conversation/openStore') && distHas('conversation/redisStore')) stores.push(redisAvailable() ? 'redis' : 'redis-unavailable');
  for (const store of stores) {
    if (store === 'redis-unavailable') {
      errors.push({ section: 'conversations-redis', message: 'redis-server is not installed (apt-get install redis-server); the Redis store was not measured' });
      continue;
    }
    log(`${CONVERSATIONS.toLocaleString('en-US')} conversations in progress, ${convSize} entries, ${store} store`);
    const r = await section(`conversations-${store}`, async () => {
      let arg: string | undefined;
      let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
      if (store === 'sqlite') arg = mkdtempSync(join(tmp, 'data-'));
      if (store === 'redis') {
        redis = await startRedis();
        arg = redis.url;
      }
      try {
        return await runChild<ConversationsResult>(
          'conversations/conversationsChild',
          [kb[convSize].dir, String(convSize), String(DEFAULT_SEED), String(CONVERSATIONS), store, ...(arg ? [arg] : [])],
          { nodeArgs: childArgs(`conversations-${store}`), timeoutMs: 600_000 },
        );
      } finally {
        await redis?.stop();
      }
    });
    afterChild(`conversations-${store}`);
    if (r) conversations.push(r);
  }

  log('start-up');
  const startup = await section('startup', () => measureStartup(tmp, { dir: kb[largest].dir, entries: largest }));

  log(`Slack end to end: ${SLACK_RATE} signed events/s against a bare Bolt app, then against helpdesk-bot serve`);
  const slack = await section('slack', () => measureSlack(tmp, conversationsFile, childArgs));
  afterChild('slack-bare');
  afterChild('slack-ours');

  const targets = judgeTargets(matching, conversations, startup, sizes, accuracy, slack);
  const results = {
    command: 'npm run bench',
    generatedAt: new Date().toISOString(),
    durationMs: Date.now() - started,
    machine: { ...startMachine, loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))), hostSpeedMsAtEnd: hostSpeedMs() },
    core: distDir(),
    seed: DEFAULT_SEED,
    messageMix: MESSAGE_MIX,
    messagesPerSize: MESSAGES_PER_SIZE,
    baselineMaxClasses: baselineCap,
    knowledge: Object.fromEntries(sizes.map((s) => [s, kb[s].shape])),
    matching,
    accuracy,
    conversations,
    startup,
    slack,
    targets,
    profiles: values.profile ? profiles : undefined,
    errors,
  };
  writeFileSync(join(repoRoot(), 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(report(results));
  if (values.keep) log(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s; results in bench/results.json`);
  return errors.length > 0 ? 1 : 0;
}

function judgeTargets(
  matching: Array<{ size: number; ours?: MatchingResult }>,
  conversations: ConversationsResult[],
  startup: StartupResult | undefined,
  sizes: number[],
  accuracy: AccuracyResult | undefined,
  slack: SlackBenchResult | undefined,
): Target[] {
  const at = (size: number) => matching.find((m) => m.size === size)?.ours;
  const big = at(Math.max(...sizes));
  const small = at(Math.min(...sizes));
  const memory = conversations.find((c) => c.store === 'memory');
  const targets: Target[] = [];
  const add = (name: string, target: string, value: number | undefined, show: (v: number) => string, ok: (v: number) => boolean) =>
    targets.push({ name, target, measured: value === undefined ? 'not measured' : show(value), met: value === undefined ? null : ok(value) });
  const largest = Math.max(...sizes).toLocaleString('en-US');
  add(`matching p99, ${largest} entries, mixed set`, '< 0.2 ms', big?.latency.p99Ms, ms, (v) => v < 0.2);
  add(`matching p99, ${largest} entries, without 4 KB pastes`, '< 0.2 ms (informative)', big?.latencyWithoutPastes.p99Ms, ms, (v) => v < 0.2);
  add(`matching throughput, ${largest} entries, one core`, '≥ 20,000 msg/s', big?.messagesPerSecond, (v) => `${rate(v)} msg/s`, (v) => v >= 20_000);
  add(
    `cost per message, ${largest} vs ${Math.min(...sizes)} entries`,
    'roughly flat (≤ 2×)',
    big && small ? small.messagesPerSecond / big.messagesPerSecond : undefined,
    (v) => `${v.toFixed(1)}×`,
    (v) => v <= 2,
  );
  add(`knowledge load, ${largest} entries`, '< 3 s', big?.loadMs, ms, (v) => v < 3000);
  add(`RSS, ${largest} entries + ${CONVERSATIONS.toLocaleString('en-US')} conversations (memory store)`, '< 250 MB', memory?.rssWithConversationsMb, mb, (v) => v < 250);
  add('start-up: `helpdesk-bot replay` of one line (spawn → exit)', '< 1 s', startup?.replayShipped.medianMs, ms, (v) => v < 1000);
  const chat = startup?.chatFirstPrompt && 'medianMs' in startup.chatFirstPrompt ? startup.chatFirstPrompt.medianMs : undefined;
  add('start-up: `helpdesk-bot chat` to first prompt', '< 1 s', chat, ms, (v) => v < 1000);
  const measured = slack?.status === 'measured' ? slack : undefined;
  add('Slack: max events/s, ours vs bare Bolt app', '≥ 80%', measured?.ratio.closedEventsPerSecond, (v) => `${(v * 100).toFixed(0)}%`, (v) => v >= 0.8);
  add(`Slack: ack p99 at ${SLACK_RATE} events/s`, '< 50 ms', measured?.ours.open.ack.p99Ms, ms, (v) => v < 50);
  const ours = accuracy?.ours;
  add('public conversations: outcome agreement', '100%', ours ? ours.agreed / ours.total : undefined, (v) => `${(v * 100).toFixed(1)}%`, (v) => v === 1);
  add('public conversations: wrong "safe to ignore"', '0', ours?.wrongResolved, (v) => String(v), (v) => v === 0);
  return targets;
}

type Results = {
  machine: ReturnType<typeof machine> & { loadAverageAtEnd: number[]; hostSpeedMsAtEnd: number };
  core: string;
  durationMs: number;
  baselineMaxClasses: number;
  knowledge: Record<string, ReturnType<typeof shape>>;
  matching: Array<{ size: number; ours?: MatchingResult; baseline?: BaselineResult }>;
  accuracy?: AccuracyResult;
  conversations: ConversationsResult[];
  startup?: StartupResult;
  slack?: SlackBenchResult;
  targets: Target[];
  errors: Array<{ section: string; message: string }>;
};

function report(r: Results): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`\nhelpdesk-bot benchmarks — ${m.cpuModel}, ${m.cores} cores, node ${m.node}; core ${r.core}; load average ${m.loadAverageAtStart[0]} at start\n`);
  out.push(`Host speed check (bench/lib/hostSpeed.ts, lower is faster): ${ms(m.hostSpeedMsAtStart)} at start, ${ms(m.hostSpeedMsAtEnd)} at the end\n`);

  out.push('Matching: one core, 2,000 mixed messages per size (25% update ids, 20% phrases, 15% one-digit-off near misses, 35% chatter, 5% 4 KB log pastes)\n');
  out.push(
    table(
      ['entries', 'load (YAML)', 'RSS after load', 'ours msg/s', 'ours p50', 'ours p99', 'p99 w/o pastes', 'baseline train', 'baseline msg/s', 'baseline p50', 'baseline p99', 'baseline RSS'],
      r.matching.map(({ size, ours, baseline }) => [
        size.toLocaleString('en-US'),
        ms(ours?.loadMs),
        mb(ours?.rssAfterLoadMb),
        rate(ours?.messagesPerSecond),
        ms(ours?.latency.p50Ms),
        ms(ours?.latency.p99Ms),
        ms(ours?.latencyWithoutPastes.p99Ms),
        baseline ? `${ms(baseline.trainMs)}${baseline.capped ? ` (${baseline.classesTrained - 1} classes)` : ''}` : 'n/a',
        rate(baseline?.messagesPerSecond),
        ms(baseline?.latency.p50Ms),
        ms(baseline?.latency.p99Ms),
        mb(baseline?.rssAfterTrainMb),
      ]),
    ),
  );

  out.push('\nLatency by message kind, ours (p50 / p99)\n');
  const kinds = ['update', 'phrase', 'near-miss', 'chatter', 'log-paste'];
  out.push(
    table(
      ['entries', ...kinds],
      r.matching.map(({ size, ours }) => [size.toLocaleString('en-US'), ...kinds.map((k) => (ours?.latencyByKind[k] ? `${ms(ours.latencyByKind[k].p50Ms)} / ${ms(ours.latencyByKind[k].p99Ms)}` : 'n/a'))]),
    ),
  );

  out.push('\nAnswers on the synthetic set (update and phrase messages: answered with the right entry / asked which / answered another entry / silent)\n');
  const answers = (o?: SyntheticOutcome) => (o ? `${o.answeredIntended} / ${o.asked} / ${o.answeredOther} / ${o.missed} of ${o.aboutEntries}` : 'n/a');
  out.push(
    table(
      ['entries', 'ours', 'ours: near miss → neighbour', 'ours: chatter engaged', 'baseline', 'baseline: near miss → neighbour', 'baseline: chatter engaged'],
      r.matching.map(({ size, ours, baseline }) => [
        size.toLocaleString('en-US'),
        answers(ours?.outcome),
        ours ? count(ours.outcome.nearMissAsNeighbour, ours.outcome.nearMisses) : 'n/a',
        ours ? count(ours.outcome.chatterEngaged, ours.outcome.chatter) : 'n/a',
        `${answers(baseline?.outcome)}${baseline?.outcomeSampled ? ` (first ${baseline.outcomeSampled} messages)` : ''}`,
        baseline ? count(baseline.outcome.nearMissAsNeighbour, baseline.outcome.nearMisses) : 'n/a',
        baseline ? count(baseline.outcome.chatterEngaged, baseline.outcome.chatter) : 'n/a',
      ]),
    ),
  );

  if (r.accuracy) {
    const a = r.accuracy;
    out.push(`\nAccuracy: ${a.conversations} public conversations (../shared/eval), shipped knowledge; baseline answers "resolved" when it picks ${a.harmlessEntries.join(', ')}\n`);
    out.push(
      table(
        ['bot', 'outcome agreement', 'wrong "safe to ignore"', 'misses by tag'],
        [
          ['ours (replay runConversation)', `${count(a.ours.agreed, a.ours.total)} = ${(100 * a.ours.agreement).toFixed(1)}%`, a.ours.wrongResolved, JSON.stringify(a.ours.missesByTag)],
          ['baseline (BayesClassifier, first turn)', `${count(a.baseline.agreed, a.baseline.total)} = ${(100 * a.baseline.agreement).toFixed(1)}%`, a.baseline.wrongResolved, JSON.stringify(a.baseline.missesByTag)],
        ],
      ),
    );
    if (a.scorePy && 'ours' in a.scorePy) out.push(`\nscore.py cross-check — ours: ${a.scorePy.ours}\n                        baseline: ${a.scorePy.baseline}`);
  }

  if (r.conversations.length > 0) {
    out.push('\nConversations at scale: 10,000 in progress at once, one turn at a time (service time of HelpdeskBot.handle)\n');
    out.push(
      table(
        ['store', 'entries', 'in progress', 'RSS / heap, KB loaded', 'RSS / heap, with conversations', 'open turn p50 / p99', 'answer turn p50 / p99', 'turns/s (open / answer)'],
        r.conversations.map((c) => [
          c.store,
          c.entries.toLocaleString('en-US'),
          c.inProgress.toLocaleString('en-US'),
          `${mb(c.rssAfterLoadMb)} / ${mb(c.heapAfterLoadMb)}`,
          `${mb(c.rssWithConversationsMb)} / ${mb(c.heapWithConversationsMb)}`,
          `${ms(c.turns[0].latency.p50Ms)} / ${ms(c.turns[0].latency.p99Ms)}`,
          `${ms(c.turns[1].latency.p50Ms)} / ${ms(c.turns[1].latency.p99Ms)}`,
          `${rate(c.turns[0].turnsPerSecond)} / ${rate(c.turns[1].turnsPerSecond)}`,
        ]),
      ),
    );
  }

  if (r.startup) {
    const s = r.startup;
    out.push('\nStart-up (median of 5 runs, spawn → ready)\n');
    const chat = s.chatFirstPrompt && 'medianMs' in s.chatFirstPrompt ? ms(s.chatFirstPrompt.medianMs) : (s.chatFirstPrompt as { skipped?: string } | undefined)?.skipped ?? 'n/a';
    out.push(
      table(
        ['measurement', 'time', 'RSS'],
        [
          ['node -e "" (node itself)', ms(s.nodeBare.medianMs), ''],
          ['helpdesk-bot replay, one line, shipped knowledge', ms(s.replayShipped.medianMs), ''],
          ['helpdesk-bot chat, to first prompt', chat, ''],
          ...(s.replayLarge ? [[`helpdesk-bot replay, one line, ${s.replayLarge.entries.toLocaleString('en-US')} entries (1 run)`, ms(s.replayLarge.medianMs), '']] : []),
          [`require natural sub-modules used by the core (${s.natural.coreModules.map((x) => x.replace('natural/lib/natural/', '')).join(', ')})`, ms(s.natural.coreModulesRequire.medianMs), mb(s.natural.coreModulesRequire.rssMb)],
          ['require natural BayesClassifier sub-module (baseline only)', ms(s.natural.baselineClassifierRequire.medianMs), mb(s.natural.baselineClassifierRequire.rssMb)],
          ["require('natural') (whole package)", ms(s.natural.fullRequire.medianMs), mb(s.natural.fullRequire.rssMb)],
          ['(node with nothing required)', '', mb(s.natural.nothing.rssMb)],
        ],
      ),
    );
  }

  if (r.slack?.status === 'todo') out.push(`\nSlack end to end: TODO — ${r.slack.reason}`);
  else if (r.slack?.status === 'measured') {
    const s = r.slack;
    out.push(
      `\nSlack end to end: signed Events API direct messages over loopback; server on CPU 0, load generator on CPU 1${s.pinned ? '' : ' (not pinned: taskset missing)'}; ${s.rate} events/s for ${s.openMs / 1000} s (open loop), then ${s.closedConcurrency} back-to-back senders for ${s.closedMs / 1000} s\n`,
    );
    const row = (name: string, run: typeof s.ours) => [
      name,
      `${rate(run.open.eventsPerSecond)} (${run.open.acked}/${run.open.sent} acked)`,
      ms(run.open.ack.p50Ms),
      ms(run.open.ack.p99Ms),
      rate(run.closed.eventsPerSecond),
      `${ms(run.closed.ack.p50Ms)} / ${ms(run.closed.ack.p99Ms)}`,
      Object.entries(run.webApiCalls).map(([k, v]) => `${k} ${v}`).join(', ') || 'none',
    ];
    out.push(
      table(
        ['server', `events/s at ${s.rate}/s`, 'ack p50', 'ack p99', 'max events/s', 'ack p50 / p99 at max', 'Web API calls (fake Slack)'],
        [
          row('bare Bolt app (ack only)', s.bare),
          row('bare Bolt app, one reply per event', s.replying),
          row('helpdesk-bot serve (SQLite state)', s.ours),
          ['ours / bare', '', `${s.ratio.openP50.toFixed(2)}×`, `${s.ratio.openP99.toFixed(2)}×`, `${s.ratio.closedEventsPerSecond.toFixed(2)}×`, '', ''],
          ['ours / one reply per event', '', '', '', `${s.ratioToReplying.closedEventsPerSecond.toFixed(2)}×`, '', ''],
        ],
      ),
    );
  }

  out.push('\nTargets\n');
  out.push(table(['target', 'goal', 'measured', 'result'], r.targets.map((t) => [t.name, t.target, t.measured, t.met === null ? 'not measured' : t.met ? 'met' : 'MISSED'])));
  if (r.errors.length > 0) out.push(`\nErrors:\n${r.errors.map((e) => `- ${e.section}: ${e.message}`).join('\n')}`);
  out.push(`\nTotal ${(r.durationMs / 1000).toFixed(0)} s.`);
  return out.join('\n');
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
