/**
 * Start-up: how long the real command takes from `node` starting to the bot being ready, and
 * what loading natural costs by sub-module versus the package index.
 *
 * - replay: `helpdesk-bot replay` of a one-line file, spawn to exit (load, one turn, output);
 * - chat: `helpdesk-bot chat` in a pseudo-terminal (util-linux `script`), spawn to the first
 *   prompt;
 * - natural: `require` time and resident memory of the sub-modules the core loads (read from
 *   dist/), of the baseline's classifier module, and of `require('natural')`, each in a fresh
 *   process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { distDir, repoRoot } from '../lib/repo';
import { median } from '../lib/stats';

const RUNS = 5;

interface Timed {
  ms: number;
  output: string;
}

/** Spawns a command and resolves when it exits, or when its stdout matches `until` (then kills it). */
function timeProcess(command: string, args: string[], options: { until?: RegExp; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: repoRoot(), env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let done = false;
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (child.exitCode === null) child.kill('SIGTERM');
      if (err) reject(err);
      else resolve({ ms, output });
    };
    const timer = setTimeout(() => finish(new Error(`${command} ${args.join(' ')} did not finish in ${options.timeoutMs ?? 20000} ms:\n${output}`)), options.timeoutMs ?? 20000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      output += d;
      if (options.until?.test(output)) finish();
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.on('error', finish);
    child.on('close', (code) => (options.until ? finish(new Error(`${command} exited (${code}) before ${options.until}:\n${output}`)) : code === 0 ? finish() : finish(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`))));
    child.stdin.end();
  });
}

async function medianOf(runs: number, once: () => Promise<Timed>): Promise<{ medianMs: number; minMs: number; runs: number[] }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await once()).ms);
  return { medianMs: median(times), minMs: Math.min(...times), runs: times };
}

/** The bin that goes with the measured dist/ (the repository's own unless BENCH_CORE_DIST says otherwise). */
function binPath(): string {
  return join(dirname(distDir()), 'bin', 'helpdesk-bot.js');
}

/** The natural sub-modules the compiled core requires. */
export function naturalModulesUsedByCore(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (d.name.endsWith('.js')) for (const m of readFileSync(p, 'utf8').matchAll(/require\("(natural\/[^"]+)"\)/g)) found.add(m[1]);
    }
  };
  walk(distDir());
  return [...found].sort();
}

async function requireCost(modules: string[]): Promise<{ medianMs: number; rssMb: number }> {
  // stdout is ignored: the package index prints dotenv notices there.
  const code = `const t=process.hrtime.bigint();for(const m of ${JSON.stringify(modules)})require(m);process.stderr.write('BENCH '+JSON.stringify({ms:Number(process.hrtime.bigint()-t)/1e6,rss:process.memoryUsage().rss/1048576})+'\\n')`;
  const ms: number[] = [];
  let rss = 0;
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(process.execPath, ['-e', code], { cwd: repoRoot(), encoding: 'utf8' });
    const line = r.stderr.split('\n').find((l) => l.startsWith('BENCH '));
    if (!line) throw new Error(`require(${modules.join(', ')}) failed:\n${r.stderr}`);
    const parsed = JSON.parse(line.slice(6)) as { ms: number; rss: number };
    ms.push(parsed.ms);
    rss = Math.max(rss, parsed.rss);
  }
  return { medianMs: median(ms), rssMb: rss };
}

export interface StartupResult {
  nodeBare: { medianMs: number; minMs: number };
  replayShipped: { medianMs: number; minMs: number; entries: string };
  replayLarge?: { medianMs: number; minMs: number; entries: number };
  chatFirstPrompt?: { medianMs: number; minMs: number } | { skipped: string };
  natural: {
    coreModules: string[];
    coreModulesRequire: { medianMs: number; rssMb: number };
    baselineClassifierRequire: { medianMs: number; rssMb: number };
    fullRequire: { medianMs: number; rssMb: number };
    nothing: { medianMs: number; rssMb: number };
  };
}

/** Runs every start-up measurement; `largeKb` is a generated folder to replay against too. */
export async function measureStartup(tmp: string, largeKb?: { dir: string; entries: number }): Promise<StartupResult> {
  const oneLine = join(tmp, 'one-line.jsonl');
  writeFileSync(oneLine, `${JSON.stringify({ id: 'startup', turns: ['KB5057589 failed with 0x80070643'] })}\n`);
  const bin = binPath();
  const nodeBare = await medianOf(RUNS, () => timeProcess(process.execPath, ['-e', '']));
  const replayShipped = await medianOf(RUNS, () => timeProcess(process.execPath, [bin, 'replay', oneLine]));
  const result: StartupResult = {
    nodeBare,
    replayShipped: { ...replayShipped, entries: 'shipped knowledge/' },
    natural: {
      coreModules: naturalModulesUsedByCore(),
      coreModulesRequire: { medianMs: 0, rssMb: 0 },
      baselineClassifierRequire: await requireCost(['natural/lib/natural/classifiers/bayes_classifier']),
      fullRequire: await requireCost(['natural']),
      nothing: await requireCost([]),
    },
  };
  result.natural.coreModulesRequire = await requireCost(result.natural.coreModules);
  if (largeKb) {
    const r = await medianOf(1, () => timeProcess(process.execPath, [bin, 'replay', oneLine, '--knowledge', largeKb.dir], { timeoutMs: 120_000 }));
    result.replayLarge = { ...r, entries: largeKb.entries };
  }
  if (spawnSync('script', ['--version']).status === 0) {
    // A terminal makes `chat` interactive: it prints its banner, then the prompt "bench> ".
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} chat`;
    result.chatFirstPrompt = await medianOf(RUNS, () => timeProcess('script', ['-qfec', cmd, '/dev/null'], { until: /bench> /, env: { USER: 'bench' } }));
  } else {
    result.chatFirstPrompt = { skipped: 'util-linux `script` is not installed, so there is no terminal to measure the prompt in' };
  }
  return result;
}
