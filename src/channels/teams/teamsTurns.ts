/**
 * One Teams message through the core: decide whether the bot should hear it, hand it to
 * `HelpdeskBot.handle` once, close the answered card, and send the replies as cards.
 */
import { CardFactory, type TurnContext } from 'botbuilder';
import type { HelpdeskBot } from '../../bot';
import type { ConversationStore } from '../../conversation/store';
import { TALK_TO_PERSON } from '../../dialogue/intents';
import { TEXTS } from '../../dialogue/texts';
import type { Logger } from '../../logger';
import type { Reply } from '../../messages';
import { answeredCard, replyCard, summaryOf, type AdaptiveCard, type AnswerData } from './cards';
import type { OpenCard, OpenCards } from './openCards';
import type { PrincipalNames } from './principalNames';
import { cardKey, conversationKey, conversationType, deliveryKey, displayText, linkBack, mentionsBot, senderOf } from './teamsActivity';

/** How long a delivered activity id is remembered: Teams redelivers within minutes. */
const DELIVERY_TTL_MS = 60 * 60 * 1000;
/** How long an answered card stays answered: longer than anyone scrolls back to click. */
const CARD_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface TeamsTurnsOptions {
  bot: HelpdeskBot;
  store: ConversationStore;
  logger: Logger;
  openCards: OpenCards;
  principalNames: PrincipalNames;
}

export class TeamsTurns {
  constructor(private readonly options: TeamsTurnsOptions) {}

  /** A typed message. Personal chats always; group chats and channels only when the bot is @mentioned. */
  async onMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const text = activity.text ?? '';
    // Attachments without text, and submits from cards that are not ours.
    if (text.trim() === '') return;
    if (conversationType(activity) !== 'personal' && !mentionsBot(activity)) {
      this.options.logger.debug({ conversation: activity.conversation?.id }, 'teams: message without a mention ignored');
      return;
    }
    if (!(await this.claimDelivery(context))) return;
    const key = conversationKey(activity);
    // A typed answer closes the open question card as a click would; other cards just lose their buttons.
    const open = this.options.openCards.take(key);
    if (open) await this.closeCard(context, open, open.isQuestion ? displayText(text) : undefined);
    await this.converse(context, key, text);
  }

  /** A click on one of our option buttons (Action.Submit): close the card, then continue. */
  async onAnswer(context: TurnContext, data: AnswerData): Promise<void> {
    if (!(await this.claimDelivery(context))) return;
    const activity = context.activity;
    const key = conversationKey(activity);
    const cardId = activity.replyToId;
    if (cardId) {
      // Double clicks, or a click on a card already answered by typing: the card answers once.
      if (!(await this.options.store.claimDelivery(cardKey(activity, cardId), CARD_TTL_MS))) {
        this.options.logger.info({ conversationId: key }, 'teams: click on an answered card ignored');
        return;
      }
      this.options.openCards.close(key, cardId);
      await this.updateCard(context, cardId, answeredCard(data.question, data.label, this.answeredBy(context)));
    }
    await this.converse(context, key, data.value);
  }

  private async converse(context: TurnContext, conversationId: string, text: string): Promise<void> {
    const activity = context.activity;
    const personal = conversationType(activity) === 'personal';
    const link = linkBack(activity, personal ? await this.options.principalNames.of(context) : null);
    const turn = await this.options.bot.handle({ conversationId, channel: 'teams', user: senderOf(activity), text, link });
    let replies = turn.replies;
    if (turn.outcome === 'no_match' && replies.length === 0) {
      // Only messages meant for the bot get here: an honest "don't know" and a way to a person.
      replies = [{ kind: 'notice', text: TEXTS.noMatch, options: [{ label: TALK_TO_PERSON, value: TALK_TO_PERSON }] }];
    }
    const mentionName = personal ? undefined : activity.recipient?.name;
    for (const reply of replies) await this.send(context, conversationId, reply, mentionName);
  }

  private async send(context: TurnContext, conversationId: string, reply: Reply, mentionName: string | undefined): Promise<void> {
    const card = replyCard(reply, { mentionName });
    const sent = await context.sendActivity({ type: 'message', summary: summaryOf(reply.text), attachments: [CardFactory.adaptiveCard(card)] });
    if (reply.options.length > 0 && sent?.id) this.options.openCards.open(conversationId, { activityId: sent.id, question: reply.text, isQuestion: reply.kind === 'question' });
  }

  private async closeCard(context: TurnContext, card: OpenCard, answer: string | undefined): Promise<void> {
    // Claimed like a click, so a later click on the same card is not read as a second answer.
    if (!(await this.options.store.claimDelivery(cardKey(context.activity, card.activityId), CARD_TTL_MS))) return;
    await this.updateCard(context, card.activityId, answeredCard(card.question, answer, this.answeredBy(context)));
  }

  private async updateCard(context: TurnContext, activityId: string, card: AdaptiveCard): Promise<void> {
    try {
      await context.updateActivity({ type: 'message', id: activityId, attachments: [CardFactory.adaptiveCard(card)] });
    } catch (err) {
      // The conversation goes on; the old card merely keeps its buttons.
      this.options.logger.warn({ err: (err as Error).message }, 'teams: could not update the answered card');
    }
  }

  /** Where several people see the card, it names who answered. */
  private answeredBy(context: TurnContext): string | undefined {
    return conversationType(context.activity) === 'personal' ? undefined : (context.activity.from?.name ?? undefined);
  }

  private async claimDelivery(context: TurnContext): Promise<boolean> {
    const key = deliveryKey(context.activity);
    if (!key) return true;
    const first = await this.options.store.claimDelivery(key, DELIVERY_TTL_MS);
    if (!first) this.options.logger.info({ activityId: context.activity.id }, 'teams: duplicate delivery ignored');
    return first;
  }
}
