/**
 * The JSON body of a ticket webhook request: a ready-made summary and description for ticket
 * systems that only copy fields, plus every field of the escalation for those that map them.
 * Documented field by field in docs/storage.md; `version` changes only when fields change meaning.
 */
import type { EscalationRecord } from '../messages';

export interface TicketPayload {
  type: 'helpdesk.escalation';
  version: 1;
  /** The escalation id; also sent as the Idempotency-Key header. */
  id: string;
  createdAt: string;
  /** One line, for a ticket title. */
  summary: string;
  /** Plain text, for a ticket body: who, what, the answers and the whole conversation. */
  /** What the employee wrote that held "safe to ignore" back, and why; null when nothing did. */
  heldBack: { clause: string; why: string } | null;
  description: string;
  requester: { id: string; name: string | null };
  channel: string;
  conversationId: string;
  link: string | null;
  entry: { id: string; title: string | null } | null;
  reason: string;
  answers: Record<string, string>;
  transcript: Array<{ from: 'employee' | 'bot'; text: string; at: string }>;
}

/** `recovery_partition_too_small` → `recovery partition too small`. */
export function readableReason(reason: string): string {
  return reason.replace(/_/g, ' ');
}

export function ticketPayload(record: EscalationRecord): TicketPayload {
  const who = record.user.name ? `${record.user.name} (${record.user.id})` : record.user.id;
  const what = record.entryTitle ?? 'Question the bot could not match';
  const lines = [
    `Requester: ${who} on ${record.channel}`,
    record.entryId ? `Known issue: ${record.entryTitle ?? record.entryId} (${record.entryId})` : 'Known issue: none matched',
    `Reason: ${readableReason(record.reason)} (${record.reason})`,
  ];
  if (record.link) lines.push(`Conversation: ${record.link}`);
  const answers = Object.entries(record.answers);
  if (answers.length > 0) lines.push('', 'Answers:', ...answers.map(([name, value]) => `- ${name}: ${value}`));
  if (record.heldBack) lines.push('', `Held back "safe to ignore": "${record.heldBack.clause}" (${record.heldBack.why})`);
  lines.push('', 'Conversation:', ...record.transcript.map((t) => `[${t.at}] ${t.from === 'employee' ? 'Employee' : 'Bot'}: ${t.text}`));
  return {
    type: 'helpdesk.escalation',
    version: 1,
    id: record.id,
    createdAt: record.createdAt,
    summary: `Helpdesk: ${what} (${readableReason(record.reason)})`,
    description: lines.join('\n'),
    requester: { id: record.user.id, name: record.user.name ?? null },
    channel: record.channel,
    conversationId: record.conversationId,
    link: record.link ?? null,
    entry: record.entryId ? { id: record.entryId, title: record.entryTitle } : null,
    reason: record.reason,
    answers: { ...record.answers },
    heldBack: record.heldBack ?? null,
    transcript: record.transcript.map((t) => ({ from: t.from, text: t.text, at: t.at })),
  };
}
