/**
 * The question card still waiting for an answer, per conversation, so that a typed answer can
 * close it (update it without buttons) like a click does. In memory: after a restart or on
 * another replica the old card simply keeps its buttons, and a click on it still works.
 */

export interface OpenCard {
  /** The card message's activity id, for updateActivity. */
  activityId: string;
  /** The reply's text, to rebuild the card without buttons. */
  question: string;
  /** Whether it asked a question (a typed message answers it) or only offered a way on ("Talk to a person"). */
  isQuestion: boolean;
}

export class OpenCards {
  private readonly cards = new Map<string, OpenCard>();

  /** @param limit Most conversations remembered; the oldest are forgotten first. Default 10,000. */
  constructor(private readonly limit = 10_000) {}

  /** Remembers the newest card of a conversation (replacing an older one). */
  open(conversationId: string, card: OpenCard): void {
    this.cards.delete(conversationId);
    this.cards.set(conversationId, card);
    if (this.cards.size > this.limit) this.cards.delete(this.cards.keys().next().value!);
  }

  /** Returns and forgets the conversation's open card. */
  take(conversationId: string): OpenCard | undefined {
    const card = this.cards.get(conversationId);
    this.cards.delete(conversationId);
    return card;
  }

  /** Forgets the card when it is the open one (it was just answered by a click). */
  close(conversationId: string, activityId: string): void {
    if (this.cards.get(conversationId)?.activityId === activityId) this.cards.delete(conversationId);
  }
}
