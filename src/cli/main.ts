/**
 * The `helpdesk-bot` command as a function of (argv, io) → exit code, so every command is
 * tested in-process; the bin file only sets process.exitCode. Platform SDKs are loaded only by
 * `serve`, so `replay`, `kb` and `chat` start fast.
 */
import { parseArgs } from 'node:util';
import { HelpdeskBot } from '../bot';
import { withEnvFile } from '../config/envFile';
import { runTerminalChat, TerminalSink } from '../channels/terminal';
import { KnowledgeError, formatProblem } from '../knowledge/problems';
import { loadKnowledge } from '../knowledge/loadKnowledge';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { explain, lint } from './kb';
import { kbTest } from './kbTest';
import { knowledgeDir, write, type CliIo, type ExitCode } from './io';
import { replay } from './replay';
import { report } from './report';

const USAGE = `Usage: helpdesk-bot <command> [options]

Commands:
  start                      serve Slack/Teams when configured, otherwise chat in the terminal
  chat                       chat with the bot in this terminal (no tokens, no network)
  serve                      run the HTTP server for Slack and Teams
  replay FILE.jsonl          run recorded conversations ("-" reads stdin); one JSON line out per line in
  kb lint [DIR]              check every knowledge file; exit 1 when there are problems
  kb test [DIR]              run every entry's examples; exit 1 when one fails
  kb explain "message"       show how a message is matched (--json for machine-readable)
  report                     figures from serve's event log: --since 7d (30m, 12h, 2w, a date), --json or --csv

Options:
  --knowledge DIR            knowledge folder (default: $KNOWLEDGE_DIR, else ./knowledge)
  -h, --help                 show this help
`;

export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        knowledge: { type: 'string' },
        json: { type: 'boolean' },
        since: { type: 'string' },
        csv: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    write(io.stderr, `helpdesk-bot: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    write(io.stdout, USAGE);
    return 0;
  }
  switch (command) {
    case 'replay': {
      if (rest.length !== 1) return usageError(io, 'replay needs exactly one FILE (or - for stdin)');
      const knowledge = loadOrReport(io, values.knowledge);
      return knowledge ? replay(rest[0], knowledge, io) : 78;
    }
    case 'kb':
      return kbCommand(rest, values, io);
    case 'chat':
      return chat(io, values.knowledge);
    case 'serve':
      return serve(io, values.knowledge);
    case 'report':
      return rest.length > 0 ? usageError(io, 'report takes no arguments; use --since, --json or --csv') : report(values, io);
    case 'start':
      return channelsConfigured(envWithFile(io)) ? serve(io, values.knowledge) : chat(io, values.knowledge);
    case undefined:
      write(io.stdout, USAGE);
      return 2;
    default:
      return usageError(io, `unknown command "${command}"`);
  }
}

async function kbCommand(args: string[], values: { knowledge?: string; json?: boolean }, io: CliIo): Promise<ExitCode> {
  const [sub, ...rest] = args;
  if (sub === 'lint' || sub === 'test') {
    if (rest.length > 1) return usageError(io, `kb ${sub} takes at most one DIR`);
    const dir = knowledgeDir(io, rest[0] ?? values.knowledge);
    return sub === 'lint' ? lint(dir, io) : kbTest(dir, io);
  }
  if (sub === 'explain') {
    if (rest.length === 0) return usageError(io, 'kb explain needs the message in quotes');
    const knowledge = loadOrReport(io, values.knowledge);
    return knowledge ? explain(rest.join(' '), knowledge, values.json ?? false, io) : 78;
  }
  return usageError(io, sub ? `unknown kb command "${sub}"` : 'kb needs a command: lint, test or explain');
}

async function chat(io: CliIo, dir: string | undefined): Promise<ExitCode> {
  const knowledge = loadOrReport(io, dir);
  if (!knowledge) return 78;
  const interactive = Boolean((io.stdin as { isTTY?: boolean }).isTTY);
  if (interactive) {
    write(io.stdout, `Helpdesk bot, local chat on ${knowledge.size} known issues. Describe your problem; "quit" leaves.`);
  }
  const bot = new HelpdeskBot({ knowledge, sink: new TerminalSink(io.stdout) });
  await runTerminalChat({ bot, input: io.stdin, output: io.stdout, interactive, user: io.env.USER || 'you' });
  await bot.close();
  return 0;
}

async function serve(io: CliIo, dir: string | undefined): Promise<ExitCode> {
  // Loaded here only: the server pulls in the Slack and Teams SDKs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runServer } = require('../server/runServer') as typeof import('../server/runServer');
  return runServer(io, dir);
}

// An unreadable .env is reported by serve itself, with the configuration errors.
function envWithFile(io: CliIo): NodeJS.ProcessEnv {
  try {
    return withEnvFile(io.env, io.cwd);
  } catch {
    return io.env;
  }
}

/** Whether Slack or Teams is configured (then `start` serves instead of chatting). */
export function channelsConfigured(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.SLACK_BOT_TOKEN || env.SLACK_APP_TOKEN || env.MICROSOFT_APP_ID || env.TEAMS_ENABLED === 'true');
}

/** Loads knowledge, or prints every problem and returns undefined. */
export function loadOrReport(io: CliIo, dir: string | undefined): KnowledgeBase | undefined {
  const folder = knowledgeDir(io, dir);
  try {
    const { knowledge, warnings } = loadKnowledge(folder);
    for (const w of warnings) write(io.stderr, formatProblem(w));
    return knowledge;
  } catch (err) {
    if (err instanceof KnowledgeError) {
      for (const p of err.problems) write(io.stderr, formatProblem(p));
      write(io.stderr, `helpdesk-bot: the knowledge in ${folder} has problems (listed above); fix them and try again.`);
      return undefined;
    }
    throw err;
  }
}

function usageError(io: CliIo, message: string): ExitCode {
  write(io.stderr, `helpdesk-bot: ${message}\n\n${USAGE}`);
  return 2;
}
