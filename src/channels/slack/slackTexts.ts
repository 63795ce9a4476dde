/** What the Slack adapter says on its own behalf (the core's texts are in src/dialogue/texts.ts). */
import { TALK_TO_PERSON } from '../../dialogue/intents';
import { TEXTS } from '../../dialogue/texts';
import type { Reply } from '../../messages';

/** The answer to an unknown question where the bot was spoken to: an honest "don't know" and a way to a person. */
export const NO_MATCH_REPLY: Reply = { kind: 'notice', text: TEXTS.noMatch, options: [{ label: TALK_TO_PERSON, value: TALK_TO_PERSON }] };

export const SLACK_TEXTS = {
  escalationNotDelivered:
    "I couldn't reach IT support just now, so please contact them directly as well. Everything you told me is kept in my log, so nothing is lost.",
  failed: "Sorry, something went wrong on my side and I couldn't handle that message. Please try again in a few minutes, or contact IT support directly.",
  notYourQuestion: (owner: string) => `These buttons answer <@${owner}>'s question. To ask your own, mention me in a new message.`,
} as const;
