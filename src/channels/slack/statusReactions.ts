/**
 * The status of a conversation as a reaction on the employee's message: 👀 while the bot is on
 * it, ✅ resolved, 🙋 handed to a person. Reactions are a courtesy: failures are logged, never fatal.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logger';
import type { Status } from './threadMemory';

const EMOJI: Record<Status, string | undefined> = {
  none: undefined,
  working: 'eyes',
  resolved: 'white_check_mark',
  escalated: 'raising_hand',
};

// Harmless outcomes of a reaction call: the reaction is already in the wanted state.
const ALREADY_DONE = new Set(['already_reacted', 'no_reaction']);

/**
 * Moves the message from one status to another. `from: 'unknown'` (another process set it)
 * removes 👀 in case it is there. Returns the status now shown.
 */
export async function showStatus(client: webApi.WebClient, logger: Logger, channel: string, ts: string, from: Status | 'unknown', to: Status): Promise<Status> {
  if (from === to) return to;
  const old = from === 'unknown' ? EMOJI.working : EMOJI[from];
  const next = EMOJI[to];
  if (old !== undefined && old !== next) await react(client, logger, 'remove', channel, ts, old);
  if (next !== undefined) await react(client, logger, 'add', channel, ts, next);
  return to;
}

async function react(client: webApi.WebClient, logger: Logger, op: 'add' | 'remove', channel: string, ts: string, name: string): Promise<void> {
  try {
    if (op === 'add') await client.reactions.add({ channel, timestamp: ts, name });
    else await client.reactions.remove({ channel, timestamp: ts, name });
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    if (code && ALREADY_DONE.has(code)) return;
    logger.warn({ channel, ts, reaction: name, op, err: (err as Error).message }, 'slack status reaction failed');
  }
}
