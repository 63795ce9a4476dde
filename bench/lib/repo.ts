/** Where the repository and its compiled core are, whether running from bench/dist or from source (jest). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/** The folder holding the project's package.json. */
export function repoRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'helpdesk-bot') return (cached = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error(`bench: cannot find the helpdesk-bot package.json above ${__dirname}`);
    dir = up;
  }
}

/**
 * The compiled core (`npm run build`), which the suite measures. BENCH_CORE_DIST points it at
 * another build, e.g. a patched copy, to measure a proposed fix side by side.
 */
export function distDir(): string {
  return process.env.BENCH_CORE_DIST || join(repoRoot(), 'dist');
}

/** The compiled bench scripts. */
export function benchDistDir(): string {
  return join(repoRoot(), 'bench', 'dist', 'bench');
}
