/**
 * The core's replies rendered as Adaptive Cards: questions with buttons, answered questions
 * without them, and the escalation card support receives. Plain JSON, no SDK.
 */
import type { EscalationRecord, Reply } from '../../messages';
import { displayText } from './teamsActivity';

/** Adaptive Card 1.4: what Teams (desktop, web, mobile), incoming webhooks and Workflows all render. */
const CARD_VERSION = '1.4';
export const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Action.Submit verb of an option button (teams-ai routes submits by `value.verb`). */
export const ANSWER_VERB = 'helpdesk.answer';

/** What an option button sends back (Action.Submit data arrives as the activity's `value`). */
export interface AnswerData {
  verb: typeof ANSWER_VERB;
  /** The option's value: what the core reads as the employee's message. */
  value: string;
  /** The option's label, shown on the answered card. */
  label: string;
  /** The question's text, so the answered card can be rebuilt without remembering the card. */
  question: string;
}

export type CardElement = Record<string, unknown>;
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width: 'Full' };
}

/** Whether a submit's value is one of our option buttons. */
export function isAnswerData(value: unknown): value is AnswerData {
  const v = value as Partial<AnswerData> | null;
  return typeof v === 'object' && v !== null && v.verb === ANSWER_VERB && typeof v.value === 'string' && v.value.trim() !== '';
}

/** How to type an answer where the bot only hears @mentions. */
export interface ReplyContext {
  /** The bot's display name in channels and group chats, where typing needs an @mention. */
  mentionName?: string;
}

/** A reply as a card: its text, and one button per option. */
export function replyCard(reply: Reply, context: ReplyContext = {}): AdaptiveCard {
  const body = textElements(reply.text);
  if (reply.acceptsText) {
    const how = context.mentionName ? `mention @${context.mentionName} with your answer` : 'type your answer';
    body.push({ type: 'TextBlock', text: `You can also ${how}.`, isSubtle: true, size: 'Small', wrap: true });
  }
  const actions = reply.options.map((option) => {
    const data: AnswerData = { verb: ANSWER_VERB, value: option.value, label: option.label, question: reply.text };
    return { type: 'Action.Submit', title: option.label, data };
  });
  return card(body, actions);
}

/** The card after it was answered: the question, the answer (when there is one), and no buttons left to press. */
export function answeredCard(question: string, answer: string | undefined, by?: string): AdaptiveCard {
  const body = textElements(question);
  if (answer === undefined) return card(body, []);
  body.push({
    type: 'RichTextBlock',
    separator: true,
    inlines: [
      { type: 'TextRun', text: by ? `${by} answered: ` : 'Your answer: ', isSubtle: true },
      { type: 'TextRun', text: answer, weight: 'Bolder' },
    ],
  });
  return card(body, []);
}

/** What support receives: who, which known issue, why, the answers, what was said, a link back. */
export function escalationCard(record: EscalationRecord): AdaptiveCard {
  const who = record.user.name ? `${record.user.name} (${record.user.id})` : record.user.id;
  const entry = record.entryId ? `${record.entryTitle ?? record.entryId} [${record.entryId}]` : 'No known issue matched';
  const facts = [
    { title: 'Who', value: who },
    { title: 'Entry', value: entry },
    { title: 'Reason', value: `${record.reason.replace(/_/g, ' ')} (${record.reason})` },
    ...Object.entries(record.answers).map(([name, value]) => ({ title: name.replace(/_/g, ' '), value })),
    ...(record.heldBack ? [{ title: 'Held back "safe to ignore"', value: `“${record.heldBack.clause}”: ${record.heldBack.why}` }] : []),
  ];
  const said = record.transcript.filter((t) => t.from === 'employee').slice(-10);
  const body: CardElement[] = [
    { type: 'TextBlock', text: 'Helpdesk escalation', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'FactSet', facts },
  ];
  if (said.length > 0) {
    body.push({ type: 'TextBlock', text: 'What the employee wrote', weight: 'Bolder', spacing: 'Medium', wrap: true });
    // Raw Teams text carries <at> mentions and HTML: support reads it as typed.
    for (const line of said) body.push(plainBlock(displayText(line.text, 500)));
  }
  body.push({ type: 'TextBlock', text: `${record.channel} · ${record.createdAt} · ${record.id}`, isSubtle: true, size: 'Small', wrap: true });
  const actions = record.link ? [{ type: 'Action.OpenUrl', title: 'Open the conversation', url: record.link }] : [];
  return { ...card(body, actions), msteams: { width: 'Full' } };
}

/** A notice for the support team (a spike alert): a title and paragraphs. */
export function noticeCard(notice: { title: string; text: string }): AdaptiveCard {
  const paragraphs = notice.text.split(/\n{2,}/).map((p) => plainBlock(p));
  return card([{ type: 'TextBlock', text: notice.title, size: 'Medium', weight: 'Bolder', wrap: true }, ...paragraphs], []);
}

/** The message body incoming webhooks and Workflows accept: one Adaptive Card attachment. */
export function webhookMessage(content: AdaptiveCard): { type: 'message'; attachments: { contentType: string; contentUrl: null; content: AdaptiveCard }[] } {
  return { type: 'message', attachments: [{ contentType: ADAPTIVE_CARD_TYPE, contentUrl: null, content }] };
}

/** A notification preview for a card (Teams shows it in the activity feed instead of "Card"). */
export function summaryOf(text: string): string {
  return truncate(text.split('\n').find((l) => l.trim() !== '') ?? '', 120);
}

function card(body: CardElement[], actions: CardElement[]): AdaptiveCard {
  const result: AdaptiveCard = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: CARD_VERSION, body };
  if (actions.length > 0) result.actions = actions;
  return result;
}

/**
 * Reply text (plain, `backticks` for commands, blank lines between paragraphs) as RichTextBlocks:
 * they show text as written (TextBlock would read it as markdown) and let commands be monospace.
 */
function textElements(text: string): CardElement[] {
  const elements: CardElement[] = [];
  const paragraphs = text.trim().split(/\n\s*\n/);
  paragraphs.forEach((paragraph, p) => {
    paragraph.split('\n').forEach((line, l) => {
      const block = plainBlock(line);
      // Lines of one paragraph sit close together; paragraphs keep the default gap.
      if (l > 0) block.spacing = 'None';
      else if (p > 0) block.spacing = 'Default';
      elements.push(block);
    });
  });
  return elements;
}

function plainBlock(line: string): CardElement {
  const inlines = line.split('`').flatMap((part, i) => {
    if (part === '') return [];
    // Odd parts were between backticks: commands.
    return [i % 2 === 1 ? { type: 'TextRun', text: part, fontType: 'Monospace' } : { type: 'TextRun', text: part }];
  });
  return { type: 'RichTextBlock', inlines: inlines.length > 0 ? inlines : [{ type: 'TextRun', text: ' ' }] };
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
