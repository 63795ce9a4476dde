/** An escalation as the support channel sees it: who, which issue, why, the answers, the thread, the transcript. */
import type { EscalationRecord, TranscriptLine } from '../../messages';
import type { Block, SlackMessage } from './blocks';
import { defuseSlackText, escapeMrkdwn, splitText, truncate } from './mrkdwn';

const SECTION_MAX = 3000;
const FIELD_MAX = 2000;
// Employees' words are kept whole up to this; the bot's own lines are known text, so one line does.
const EMPLOYEE_LINE_MAX = 1000;
const BOT_LINE_MAX = 200;
// Slack allows 50 blocks; the transcript gets what the summary leaves.
const TRANSCRIPT_SECTIONS_MAX = 40;

const SLACK_USER_ID = /^[UW][A-Z0-9]+$/;

/** The support-channel post for one escalation. */
export function renderEscalation(record: EscalationRecord): SlackMessage {
  const who = personRef(record);
  const entry = record.entryId ? `\`${escapeMrkdwn(record.entryId)}\`${record.entryTitle ? ` ${escapeMrkdwn(record.entryTitle)}` : ''}` : 'No known issue matched';
  const thread = record.link ? `<${record.link}|Open the conversation>` : 'No link (not available)';
  const fields = [`*Who*\n${who}`, `*Reason*\n\`${escapeMrkdwn(record.reason)}\``, `*Known issue*\n${entry}`, `*Thread*\n${thread}`];

  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Escalated by the helpdesk bot', emoji: true } },
    { type: 'section', fields: fields.map((f) => ({ type: 'mrkdwn' as const, text: truncate(f, FIELD_MAX) })) },
  ];
  const answers = Object.entries(record.answers);
  if (answers.length > 0) {
    const list = answers.map(([name, value]) => `• ${escapeMrkdwn(name)}: ${escapeMrkdwn(value)}`).join('\n');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(`*Answers*\n${list}`, SECTION_MAX) } });
  }
  if (record.heldBack) {
    const held = `*Held back "safe to ignore"*\n“${escapeMrkdwn(record.heldBack.clause)}”: ${escapeMrkdwn(record.heldBack.why)}`;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(held, SECTION_MAX) } });
  }
  const transcript = record.transcript.map((line) => transcriptLine(line, record.channel)).join('\n');
  const pieces = splitText(`*Transcript*\n${transcript}`, SECTION_MAX);
  // Too long for one message: keep the start (the question) and note what was left out.
  const kept = pieces.slice(0, TRANSCRIPT_SECTIONS_MAX);
  if (pieces.length > kept.length) kept.push(`… ${pieces.length - kept.length} more part(s) of the transcript are in the bot's log.`);
  for (const piece of kept) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: piece } });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Escalation \`${escapeMrkdwn(truncate(record.id, 200))}\` at ${escapeMrkdwn(record.createdAt)}` }] });

  const title = record.entryTitle ?? 'no known issue matched';
  return { text: truncate(`Escalation from ${plainPerson(record)}: ${title} (${record.reason})`, 3000), blocks };
}

/** A Slack mention when the employee is a Slack user, so support can reach them in one click. */
function personRef(record: EscalationRecord): string {
  if (record.channel === 'slack' && SLACK_USER_ID.test(record.user.id)) return `<@${record.user.id}>`;
  return `${escapeMrkdwn(plainPerson(record))} (${escapeMrkdwn(String(record.channel))})`;
}

function plainPerson(record: EscalationRecord): string {
  return record.user.name ?? record.user.id;
}

function transcriptLine(line: TranscriptLine, channel: string): string {
  if (line.from === 'bot') {
    const first = line.text.trim().split('\n')[0] ?? '';
    return `> *Bot:* ${escapeMrkdwn(truncate(first, BOT_LINE_MAX))}`;
  }
  // Slack messages arrive as Slack markup already: quote them as typed, minus any pings.
  const text = channel === 'slack' ? defuseSlackText(line.text) : escapeMrkdwn(line.text);
  return `> *Employee:* ${truncate(text.replace(/\n+/g, ' '), EMPLOYEE_LINE_MAX)}`;
}
