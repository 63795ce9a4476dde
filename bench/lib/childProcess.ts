/**
 * Runs one bench module in a fresh node process, so its memory figures hold nothing but its
 * own work, and reads back the one result line it prints.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { benchDistDir, repoRoot } from './repo';

const RESULT_PREFIX = 'BENCH_RESULT ';

/** Child side: prints the result where the parent looks for it. */
export function emitResult(result: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

/** Child side: runs `main`, prints its result, and turns a failure into a message and exit 1. */
export function runAsChild(main: () => Promise<unknown>): void {
  main().then(
    (result) => {
      emitResult(result);
      // Open handles (servers, timers) must not keep a finished measurement alive.
      process.exit(0);
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}

let tasksetChecked: boolean | undefined;

/** Whether `taskset` can pin a child to one CPU (util-linux; absent on some images). */
export function canPin(): boolean {
  if (tasksetChecked === undefined) tasksetChecked = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  return tasksetChecked;
}

export interface ChildOptions {
  /** Pin the child (and its GC threads) to CPU 0: "one core" means one core. */
  pinToOneCore?: boolean;
  /** Pin the child to this CPU instead (load generators run beside the server they load). */
  pinToCpu?: number;
  nodeArgs?: string[];
  timeoutMs?: number;
}

/** Parent side: runs `bench/dist/bench/<module>.js` with args and returns its result. */
export function runChild<T>(module: string, args: string[], options: ChildOptions = {}): Promise<T & { pinned: boolean }> {
  const script = join(benchDistDir(), `${module}.js`);
  const nodeArgs = ['--expose-gc', ...(options.nodeArgs ?? []), script, ...args];
  const cpu = options.pinToCpu ?? (options.pinToOneCore ? 0 : undefined);
  const pinned = cpu !== undefined && canPin();
  const [command, argv] = pinned ? ['taskset', ['-c', String(cpu), process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: repoRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = options.timeoutMs
      ? setTimeout(() => {
          child.kill('SIGKILL');
        }, options.timeoutMs)
      : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) {
        const why = signal ? `was killed (${signal}${options.timeoutMs ? `, limit ${options.timeoutMs} ms` : ''})` : `exited with ${code}`;
        reject(new Error(`bench child ${module} ${args.join(' ')} ${why}:\n${stderr.trim().split('\n').slice(-15).join('\n')}`));
        return;
      }
      resolve({ ...(JSON.parse(line.slice(RESULT_PREFIX.length)) as T), pinned });
    });
  });
}
