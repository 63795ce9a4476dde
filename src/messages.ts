/** The channel-neutral messages that cross the boundary between adapters and the core. */

/** Where a message came from; adapters render replies for it. */
export type ChannelName = 'slack' | 'teams' | 'terminal' | 'replay' | (string & {});

/** One employee message, as every adapter hands it to the core. */
export interface IncomingMessage {
  /** Stable per conversation: e.g. `slack:T1:C1:1700000000.000100` (workspace, channel, thread). */
  conversationId: string;
  channel: ChannelName;
  user: { id: string; name?: string };
  /** The text as typed, platform markup included; the core strips it. */
  text: string;
  /** A link back to the conversation (Slack permalink, Teams deep link), for escalations. */
  link?: string;
}

export interface ReplyOption {
  label: string;
  /** Sent back as the message text when the employee clicks the option. */
  value: string;
}

/** One bot message. Text is plain, with `backticks` for commands and blank lines between paragraphs. */
export interface Reply {
  kind: 'question' | 'resolution' | 'escalation' | 'notice';
  text: string;
  options: ReplyOption[];
  /** For questions: which one, so adapters can mark the answered question. */
  questionId?: string;
  /** For questions: whether free text is expected (sizes) beyond the options. */
  acceptsText?: boolean;
}

/** The state of a conversation after a turn. */
export type Outcome = 'resolved' | 'escalated' | 'pending' | 'no_match';

export interface TranscriptLine {
  from: 'employee' | 'bot';
  text: string;
  at: string;
}

/** What support receives when the bot hands over. */
export interface EscalationRecord {
  /** Unique per escalation; deliveries use it as their idempotency key. */
  id: string;
  conversationId: string;
  channel: ChannelName;
  user: { id: string; name?: string };
  entryId: string | null;
  entryTitle: string | null;
  /** Machine-readable reason, e.g. `recovery_partition_too_small`, `asked_for_person`. */
  reason: string;
  /** The answers collected, by question name, as readable text. */
  answers: Record<string, string>;
  /** What the employee wrote that kept the bot from saying "safe to ignore", and why. */
  heldBack?: { clause: string; why: string };
  transcript: TranscriptLine[];
  link?: string;
  createdAt: string;
}
