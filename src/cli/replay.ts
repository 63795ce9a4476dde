/**
 * `helpdesk-bot replay FILE.jsonl [--knowledge DIR]` — the exact contract other tools use.
 * Each input line `{"id", "turns": [...]}` runs as a fresh conversation; each output line is
 * `{"id", "entry", "outcome", "replies"}`, in input order. Bad lines are reported on stderr
 * with their line number and skipped, and the exit code is then 2.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { HelpdeskBot } from '../bot';
import { CollectingSink } from '../escalation/sink';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { write, type CliIo, type ExitCode } from './io';

export interface ReplayResult {
  id: string;
  entry: string | null;
  outcome: string;
  replies: string[];
}

export async function replay(file: string, knowledge: KnowledgeBase, io: CliIo): Promise<ExitCode> {
  const input = file === '-' ? io.stdin : createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  const bot = new HelpdeskBot({ knowledge, sink: new CollectingSink() });
  let lineNo = 0;
  let bad = 0;
  try {
    for await (const line of lines) {
      lineNo += 1;
      if (line.trim() === '') continue;
      const parsed = parseLine(line);
      if (typeof parsed === 'string') {
        bad += 1;
        write(io.stderr, `${file === '-' ? 'stdin' : file}:${lineNo}: ${parsed}; line skipped`);
        continue;
      }
      write(io.stdout, JSON.stringify(await runConversation(bot, parsed.id, parsed.turns, lineNo)));
    }
  } catch (err) {
    write(io.stderr, `helpdesk-bot replay: cannot read ${file}: ${(err as Error).message}`);
    return 2;
  } finally {
    await bot.close();
  }
  return bad > 0 ? 2 : 0;
}

/** Feeds the turns of one conversation in order and reports where it ended. */
export async function runConversation(bot: HelpdeskBot, id: string, turns: string[], lineNo: number): Promise<ReplayResult> {
  const conversationId = `replay:${lineNo}:${id}`;
  const replies: string[] = [];
  let last: ReplayResult = { id, entry: null, outcome: 'no_match', replies };
  for (const text of turns) {
    const turn = await bot.handle({ conversationId, channel: 'replay', user: { id: 'replay' }, text });
    for (const r of turn.replies) replies.push(r.text);
    last = { id, entry: turn.entryId, outcome: turn.outcome, replies };
  }
  return last;
}

function parseLine(line: string): { id: string; turns: string[] } | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return `not valid JSON (${(err as Error).message})`;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'expected a JSON object with "id" and "turns"';
  const { id, turns } = value as Record<string, unknown>;
  if (typeof id !== 'string' || id === '') return '"id" must be a non-empty string';
  if (!Array.isArray(turns) || turns.length === 0) return '"turns" must be a non-empty list of messages';
  if (!turns.every((t) => typeof t === 'string')) return 'every turn must be a string';
  return { id, turns: turns as string[] };
}
