/** What a CLI command may touch: passed in, so commands run in-process in tests. */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** An exit code: 0 success, 1 problems found, 2 bad input or usage, 78 configuration error. */
export type ExitCode = number;

/** Exit code for a failure the command did not expect (sysexits EX_SOFTWARE). */
const UNEXPECTED_FAILURE = 70;

/**
 * Runs a CLI function as this process: the real streams in, its result as the exit code. The
 * bin files only call this, so everything they do is tested in-process.
 */
export function runAsProcess(command: (argv: string[], io: CliIo) => Promise<ExitCode>): void {
  const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
  command(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      const message = (err as { message?: unknown } | null)?.message;
      process.stderr.write(`helpdesk-bot: ${message ? String(message) : String(err)}\n`);
      process.exitCode = UNEXPECTED_FAILURE;
    },
  );
}

/** The knowledge shipped inside the package, used when the working folder has none. */
export const SHIPPED_KNOWLEDGE_DIR = join(__dirname, '..', '..', 'knowledge');

/**
 * The knowledge folder: `--knowledge`, else KNOWLEDGE_DIR, else `./knowledge`, else the
 * shipped one (so `npx helpdesk-bot` works from any folder). Returned relative to the process's
 * folder when inside it, so problems read `knowledge/file.yaml:3:5`.
 */
export function knowledgeDir(io: CliIo, given: string | undefined): string {
  const chosen = given ?? io.env.KNOWLEDGE_DIR;
  let absolute: string;
  if (chosen) absolute = resolve(io.cwd, chosen);
  else {
    const local = resolve(io.cwd, 'knowledge');
    absolute = existsSync(local) ? local : SHIPPED_KNOWLEDGE_DIR;
  }
  const rel = relative(process.cwd(), absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}

export function write(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}
