/**
 * The terminal adapter: a local chat with the same bot, no tokens, no network. Options are
 * numbered; typing the number picks one, as a click would on Slack or Teams.
 */
import { createInterface } from 'node:readline';
import type { HelpdeskBot } from '../bot';
import { TALK_TO_PERSON } from '../dialogue/intents';
import { TEXTS } from '../dialogue/texts';
import type { EscalationSink } from '../escalation/sink';
import type { EscalationRecord, Reply, ReplyOption } from '../messages';

export interface TerminalChatOptions {
  bot: HelpdeskBot;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  user?: string;
  /** Whether to show a prompt (a person at a terminal) or not (piped input). */
  interactive?: boolean;
}

/** Chats until the input ends or the employee types `quit`. */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { bot, output } = options;
  const user = options.user ?? 'you';
  const rl = createInterface({ input: options.input, output: options.interactive ? output : undefined, terminal: options.interactive ?? false });
  let lastOptions: ReplyOption[] = [];
  let conversation = 1;
  const prompt = () => {
    if (options.interactive) rl.prompt();
  };
  rl.setPrompt(`${user}> `);
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '') {
      prompt();
      continue;
    }
    if (line === 'quit' || line === 'exit') break;
    const picked = /^\d+$/.test(line) ? lastOptions[Number(line) - 1] : undefined;
    const text = picked ? picked.value : line;
    if (picked) output.write(`  (${picked.label})\n`);
    const turn = await bot.handle({ conversationId: `terminal:${conversation}`, channel: 'terminal', user: { id: user, name: user }, text });
    let replies = turn.replies;
    if (turn.outcome === 'no_match') {
      // What a direct message gets on Slack and Teams: an honest "don't know" and a way to a person.
      replies = [{ kind: 'notice', text: TEXTS.noMatch, options: [{ label: TALK_TO_PERSON, value: TALK_TO_PERSON }] }];
    }
    lastOptions = [];
    for (const reply of replies) {
      output.write(renderReply(reply));
      lastOptions = reply.options;
    }
    if (turn.outcome === 'escalated') {
      conversation += 1;
      output.write('  (conversation closed; a new message starts a new one)\n');
    } else if (turn.outcome === 'resolved' && replies.length > 0) {
      // (A "thanks" after it keeps the conversation resolved, and needs no answer.)
      // Same conversation: a problem reported next still reaches a person with everything said.
      output.write('  (resolved; a new question starts a new conversation, a problem with this one goes to a person)\n');
    }
    prompt();
  }
  rl.close();
}

/** A bot reply as terminal text: the message, then its numbered options. */
export function renderReply(reply: Reply): string {
  const body = reply.text
    .trim()
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
  const options = reply.options.map((o, i) => `[${i + 1}] ${o.label}`).join('  ');
  return `bot>\n${body}\n${options ? `  ${options}\n` : ''}`;
}

/** Prints escalations where the person at the terminal sees them. */
export class TerminalSink implements EscalationSink {
  readonly name = 'terminal';

  constructor(private readonly output: NodeJS.WritableStream) {}

  async deliver(record: EscalationRecord): Promise<void> {
    this.output.write(formatEscalation(record));
  }
}

export function formatEscalation(record: EscalationRecord): string {
  const answers = Object.entries(record.answers);
  const lines = [
    '┌─ escalated to IT support ───────────────',
    `│ who:     ${record.user.name ?? record.user.id}`,
    `│ entry:   ${record.entryId ?? '(none)'}${record.entryTitle ? ` — ${record.entryTitle}` : ''}`,
    `│ reason:  ${record.reason}`,
    `│ answers: ${answers.length > 0 ? answers.map(([k, v]) => `${k} = ${v}`).join(', ') : '(none)'}`,
    ...(record.heldBack ? [`│ held back by: "${record.heldBack.clause}" (${record.heldBack.why})`] : []),
    '│ transcript:',
    ...record.transcript.map((t) => `│   ${t.from === 'employee' ? 'employee' : 'bot     '}: ${t.text.split('\n')[0]}`),
    '└─────────────────────────────────────────',
  ];
  return `${lines.join('\n')}\n`;
}
