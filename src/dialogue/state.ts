/** What the bot remembers about one conversation between turns. Plain JSON, so any store can hold it. */
import type { ChannelName, TranscriptLine } from '../messages';
import type { SizeBound } from './answers';

/** A size's `bound` says how the written figure relates to the true one (absent: it is the figure). */
export type SlotValue =
  | { type: 'yes_no'; value: 'yes' | 'no' }
  /** `said`: the figure as the employee wrote it ("0.4 GB"), for replies. */
  | { type: 'size'; mb: number; bound?: SizeBound; said?: string; upToMb?: number }
  | { type: 'flag'; value: boolean };

/** Bumped when the shape changes, so stores can tell old records from new ones. */
export const STATE_VERSION = 1;

export interface ConversationState {
  version: typeof STATE_VERSION;
  conversationId: string;
  channel: ChannelName;
  user: { id: string; name?: string };
  link?: string;
  /**
   * `asking`: the bot follows an entry's flow; `choosing`: it asked which known issue it is;
   * `confirming`: the message nearly named one known issue, and the bot asked whether it is that one;
   * `unmatched`: nothing matched, kept so that "Talk to a person" next still carries the question;
   * `resolved`: the bot said it is safe to ignore, kept so that a problem reported next reaches a person;
   * `escalated`: handed to IT support, kept so that what the employee adds stays with it.
   */
  phase: 'asking' | 'choosing' | 'confirming' | 'unmatched' | 'resolved' | 'escalated';
  /** After an escalation: the employee has been told once that support has it. */
  toldWithSupport?: true;
  /** When it was handed over. */
  escalatedAt?: string;
  entryId: string | null;
  /** While choosing: the entries offered. */
  candidates: string[];
  slots: Record<string, SlotValue>;
  /** The question the latest "yes" answered: a correction ("actually no") takes it back. */
  lastYes?: string;
  /** After a resolution: the question answered last, so that "sorry, it's 200 MB" corrects it. Absent in older records. */
  lastAsked?: string;
  /** The question waiting for an answer (a question name, or `which` while choosing). */
  pending: string | null;
  /** Answers in a row that could not be understood. */
  misunderstood: number;
  /** "I don't know" answers to the pending question. */
  dontKnow: number;
  transcript: TranscriptLine[];
  startedAt: string;
  updatedAt: string;
}

/** The pending marker while the bot asks which known issue applies. */
export const WHICH = 'which';

/** The pending marker while the bot asks whether a message nearly naming an issue is about it. */
export const CONFIRM = 'confirm';
