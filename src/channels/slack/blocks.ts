/** The core's channel-neutral replies as Block Kit: text sections, and buttons for options. */
import type { types } from '@slack/bolt';
import type { Reply } from '../../messages';
import { escapeMrkdwn, splitText, truncate } from './mrkdwn';

export type Block = types.KnownBlock;

/** A message ready for chat.postMessage / chat.update. */
export interface SlackMessage {
  /** Notification and screen-reader text. */
  text: string;
  blocks: Block[];
}

/** Every option button has an action id of this form (one per option, unique in the message). */
export const OPTION_ACTION_ID = /^helpdesk_option_\d+$/;
const optionActionId = (index: number) => `helpdesk_option_${index}`;

// The buttons' block id carries the conversation id, so a click finds its conversation even
// where the payload's team differs from the event's (Enterprise Grid, shared channels).
const BLOCK_ID_PREFIX = 'helpdesk:';

// Slack's limits: section text 3000, button label 75, button value 2000, block id 255.
const SECTION_MAX = 3000;
const LABEL_MAX = 75;
const VALUE_MAX = 2000;
const BLOCK_ID_MAX = 255;
const FALLBACK_MAX = 3000;
const ANSWER_MAX = 200;

/** One reply: its text in sections, then a button per option. */
export function renderReply(reply: Reply, conversationId: string): SlackMessage {
  const blocks: Block[] = textSections(reply.text);
  if (reply.options.length > 0) {
    const blockId = `${BLOCK_ID_PREFIX}${conversationId}`;
    blocks.push({
      type: 'actions',
      ...(blockId.length <= BLOCK_ID_MAX && { block_id: blockId }),
      elements: reply.options.slice(0, 25).map((option, i) => ({
        type: 'button' as const,
        action_id: optionActionId(i),
        text: { type: 'plain_text' as const, text: truncate(option.label, LABEL_MAX), emoji: true },
        value: truncate(option.value, VALUE_MAX),
      })),
    });
  }
  return { text: truncate(reply.text, FALLBACK_MAX), blocks };
}

/** The question as it was, its buttons replaced by the answer given (clicked or typed). */
export function renderAnswered(question: SlackMessage, answer: string): SlackMessage {
  const blocks = question.blocks.filter((b) => b.type !== 'actions');
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `Answered: *${escapeMrkdwn(truncate(answer.replace(/\s+/g, ' ').trim(), ANSWER_MAX))}*` }],
  });
  return { text: question.text, blocks };
}

/** The conversation id a button block carries, if it is one of ours. */
export function conversationOfBlock(blockId: string | undefined): string | undefined {
  return blockId?.startsWith(BLOCK_ID_PREFIX) ? blockId.slice(BLOCK_ID_PREFIX.length) : undefined;
}

/** Plain text (with `backticks`, blank lines between paragraphs) as mrkdwn section blocks. */
export function textSections(text: string): Block[] {
  return splitText(escapeMrkdwn(text.trim()), SECTION_MAX).map((piece) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text: piece || ' ' } }));
}
