/**
 * One Slack turn: an employee's message or click goes to the core in its thread's conversation,
 * and the core's replies come back as threaded Block Kit messages, with the answered question
 * redrawn and the status reaction updated. Turns of one thread run one at a time, in order.
 *
 * 👀 goes on the employee's message only when a turn is slow (a quick reply needs no "on it"
 * sign, and each reaction is a Web API call) and while the conversation waits for an answer.
 */
import type { webApi } from '@slack/bolt';
import type { BotTurn, HelpdeskBot } from '../../bot';
import { KeyedQueue } from '../../conversation/keyedQueue';
import type { ConversationStore } from '../../conversation/store';
import type { ConversationState } from '../../dialogue/state';
import type { Logger } from '../../logger';
import { renderAnswered, renderReply, conversationOfBlock, type Block, type SlackMessage } from './blocks';
import { isIgnored, slackConversationId, speakMode, type InboundClick, type InboundMessage, type SpeakMode } from './inbound';
import { NO_MATCH_REPLY, SLACK_TEXTS } from './slackTexts';
import { showStatus } from './statusReactions';
import { ThreadMemory, type Status, type ThreadRecord } from './threadMemory';

export interface SlackTurnsOptions {
  bot: HelpdeskBot;
  store: ConversationStore;
  client: webApi.WebClient;
  logger: Logger;
  helpChannels: readonly string[];
  /** How long a handled message id is remembered (a mention arrives as two events). */
  deliveryTtlMs: number;
  /** How long a question message accepts its one answer (double clicks, late clicks). */
  answerTtlMs: number;
  /** How long a turn may take before 👀 shows that the bot is on it. */
  workingStatusAfterMs: number;
  threads?: ThreadMemory;
}

interface Turn {
  conversationId: string;
  channel: string;
  threadTs: string;
  /** The employee's message (for a click: the thread's first message). */
  employeeTs: string;
  user: string;
  text: string;
  mode: SpeakMode;
  /** The core's state before the turn. */
  state: ConversationState | undefined;
  /** Typed text answers the waiting question; a click has redrawn it already. */
  typed: boolean;
}

export class SlackTurns {
  private readonly queue = new KeyedQueue();
  private readonly threads: ThreadMemory;

  constructor(private readonly options: SlackTurnsOptions) {
    this.threads = options.threads ?? new ThreadMemory();
  }

  /** Handles a message event; never rejects (failures are logged). */
  async message(message: InboundMessage): Promise<void> {
    const conversationId = slackConversationId(message.teamId, message.channel, message.threadTs);
    await this.queue
      .run(conversationId, async () => {
        // The event is acknowledged already. Requests that arrived meanwhile are acknowledged
        // before this turn's work runs (Slack wants each within 3 seconds; a reply can wait a
        // moment). Queued first, so that shutdown still waits for the turn.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const state = await this.options.store.get(conversationId);
        const mode = speakMode(message, {
          owner: state?.user.id,
          awaitingAnswer: state !== undefined && state.phase !== 'unmatched' && state.phase !== 'resolved',
          helpChannels: this.options.helpChannels,
        });
        if (isIgnored(mode)) {
          this.options.logger.debug({ channel: message.channel, ts: message.ts, reason: mode.ignored }, 'slack message ignored');
          return;
        }
        // One answer per Slack message, whichever event (message or app_mention) carried it.
        if (!(await this.options.store.claimDelivery(`slack:message:${message.channel}:${message.ts}`, this.options.deliveryTtlMs))) return;
        await this.turn({
          conversationId,
          channel: message.channel,
          threadTs: message.threadTs,
          employeeTs: message.ts,
          user: message.user,
          text: message.text,
          mode,
          state,
          typed: true,
        });
      })
      .catch((err: Error) => this.options.logger.error({ conversationId, err: err.message }, 'slack message failed'));
  }

  /** Handles a click on an option button; never rejects (failures are logged). */
  async click(click: InboundClick): Promise<void> {
    const conversationId = conversationOfBlock(click.blockId) ?? slackConversationId(click.teamId, click.channel, click.threadTs);
    await this.queue
      .run(conversationId, async () => {
        const state = await this.options.store.get(conversationId);
        if (state && state.user.id !== click.user) {
          await this.tellNotOwner(click, state.user.id);
          return;
        }
        // A question takes one answer: double clicks and clicks on a redrawn question are dropped.
        if (!(await this.options.store.claimDelivery(`slack:answer:${click.channel}:${click.messageTs}`, this.options.answerTtlMs))) return;
        const question = { ts: click.messageTs, message: { text: click.messageText, blocks: click.messageBlocks as Block[] } };
        await this.redrawAnswered(click.channel, question, click.label);
        await this.turn({
          conversationId,
          channel: click.channel,
          threadTs: click.threadTs,
          employeeTs: click.threadTs,
          user: click.user,
          text: click.value,
          mode: 'always',
          state,
          typed: false,
        });
      })
      .catch((err: Error) => this.options.logger.error({ conversationId, err: err.message }, 'slack click failed'));
  }

  /** Waits for turns in progress; true when all finished in time. */
  drain(timeoutMs: number): Promise<boolean> {
    return this.queue.drain(timeoutMs);
  }

  private async turn(t: Turn): Promise<void> {
    const { client, logger } = this.options;
    const memory = this.threads.get(t.conversationId);
    const statusTs = memory?.statusTs ?? (t.state ? t.threadTs : t.employeeTs);
    let status: Status | 'unknown' = memory?.status ?? (t.state ? 'unknown' : 'none');

    const working = t.mode === 'always' ? whenSlow(this.options.workingStatusAfterMs, () => showStatus(client, logger, t.channel, statusTs, status, 'working')) : undefined;

    let turn: BotTurn;
    try {
      // No permalink here: the core asks for one (permalinkFor) only when it escalates.
      turn = await this.options.bot.handle({ conversationId: t.conversationId, channel: 'slack', user: { id: t.user }, text: t.text });
    } catch (err) {
      status = (await working?.settle()) ?? status;
      logger.error({ conversationId: t.conversationId, err: (err as Error).message }, 'slack turn failed');
      // Where the employee spoke to the bot, silence would look like being ignored.
      if (t.mode === 'always') {
        await this.post(t.channel, t.threadTs, renderReply({ kind: 'notice', text: SLACK_TEXTS.failed, options: [] }, t.conversationId));
        await showStatus(client, logger, t.channel, statusTs, status, 'none');
        this.threads.delete(t.conversationId);
      }
      return;
    }
    status = (await working?.settle()) ?? status;
    if (t.mode === 'when_matched' && turn.outcome === 'no_match') {
      this.options.logger.debug({ conversationId: t.conversationId, outcome: turn.outcome, posted: 0 }, 'slack turn done');
      return;
    }
    // A typed message answers the buttons still waiting in the thread: they go, the answer shows.
    if (t.typed && memory?.question) await this.redrawAnswered(t.channel, memory.question, t.text);

    const replies = turn.outcome === 'no_match' && turn.replies.length === 0 ? [NO_MATCH_REPLY] : turn.replies;
    let question: ThreadRecord['question'];
    let posted = 0;
    for (const reply of replies) {
      const message = renderReply(reply, t.conversationId);
      const ts = await this.post(t.channel, t.threadTs, message);
      if (ts !== undefined) posted += 1;
      if (ts !== undefined && reply.options.length > 0) question = { ts, message };
    }
    if (turn.outcome === 'escalated' && turn.escalationDelivered === false) {
      await this.post(t.channel, t.threadTs, renderReply({ kind: 'notice', text: SLACK_TEXTS.escalationNotDelivered, options: [] }, t.conversationId));
    }

    const next: Status = turn.outcome === 'resolved' ? 'resolved' : turn.outcome === 'escalated' ? 'escalated' : turn.outcome === 'pending' ? 'working' : 'none';
    status = await showStatus(client, logger, t.channel, statusTs, status, next);
    if (turn.outcome === 'resolved' || turn.outcome === 'escalated') this.threads.delete(t.conversationId);
    else this.threads.set(t.conversationId, { channel: t.channel, statusTs, status, ...(question && { question }) });
    this.options.logger.debug({ conversationId: t.conversationId, outcome: turn.outcome, posted }, 'slack turn done');
  }

  /** Posts in the thread; a reply that cannot be delivered is logged whole. */
  private async post(channel: string, threadTs: string, message: SlackMessage): Promise<string | undefined> {
    try {
      const result = await this.options.client.chat.postMessage({
        channel,
        thread_ts: threadTs,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      return result.ts;
    } catch (err) {
      this.options.logger.error({ channel, threadTs, text: message.text, err: (err as Error).message }, 'slack reply not delivered');
      return undefined;
    }
  }

  private async redrawAnswered(channel: string, question: NonNullable<ThreadRecord['question']>, answer: string): Promise<void> {
    const message = renderAnswered(question.message, answer);
    try {
      await this.options.client.chat.update({ channel, ts: question.ts, text: message.text, blocks: message.blocks });
    } catch (err) {
      this.options.logger.warn({ channel, ts: question.ts, err: (err as Error).message }, 'slack question not redrawn');
    }
  }

  /** The permalink of a conversation's thread, from its id (`slack:team:channel:threadTs`). */
  permalinkFor(conversationId: string): Promise<string | undefined> {
    const [prefix, , channel, threadTs] = conversationId.split(':');
    return prefix === 'slack' && channel && threadTs ? this.permalink(channel, threadTs) : Promise.resolve(undefined);
  }

  private async permalink(channel: string, ts: string): Promise<string | undefined> {
    try {
      const result = await this.options.client.chat.getPermalink({ channel, message_ts: ts });
      return result.permalink;
    } catch (err) {
      this.options.logger.warn({ channel, ts, err: (err as Error).message }, 'slack permalink not available');
      return undefined;
    }
  }

  private async tellNotOwner(click: InboundClick, owner: string): Promise<void> {
    try {
      await this.options.client.chat.postEphemeral({ channel: click.channel, user: click.user, thread_ts: click.threadTs, text: SLACK_TEXTS.notYourQuestion(owner) });
    } catch (err) {
      this.options.logger.warn({ channel: click.channel, err: (err as Error).message }, 'slack ephemeral notice failed');
    }
  }
}

/**
 * Runs `show` if the turn is still going after `delayMs`. `settle()` cancels it when it has not
 * started, or waits for it (so reactions never overtake each other) and returns what it showed.
 */
function whenSlow(delayMs: number, show: () => Promise<Status>): { settle(): Promise<Status | undefined> } {
  let shown: Promise<Status> | undefined;
  const timer = setTimeout(() => {
    shown = show();
  }, delayMs);
  return {
    settle() {
      clearTimeout(timer);
      return shown ?? Promise.resolve(undefined);
    },
  };
}
