/** The optional `.env` file: read with Node's own parser; variables set in the environment win. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * The environment with `.env` (in `cwd`) filled in underneath. A missing file is fine; an
 * unreadable one is an error naming the file.
 */
export function withEnvFile(env: NodeJS.ProcessEnv, cwd: string, name = '.env'): NodeJS.ProcessEnv {
  let text: string;
  try {
    text = readFileSync(join(cwd, name), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return env;
    throw new Error(`cannot read ${name}: ${(err as Error).message}`);
  }
  return { ...parseEnv(text), ...env };
}
