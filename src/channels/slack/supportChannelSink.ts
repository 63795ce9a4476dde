/** Delivers escalations as a post in the support channel (SLACK_SUPPORT_CHANNEL). */
import type { webApi } from '@slack/bolt';
import type { EscalationSink, SupportNotice } from '../../escalation/sink';
import type { EscalationRecord } from '../../messages';
import { renderEscalation } from './escalationMessage';

export class SupportChannelSink implements EscalationSink {
  readonly name: string;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly channel: string,
  ) {
    this.name = `slack:${channel}`;
  }

  /** Posts the escalation; rejects when Slack refuses it, so the core logs the whole record. */
  async deliver(record: EscalationRecord): Promise<void> {
    const message = renderEscalation(record);
    // unfurl_links off: the thread permalink would otherwise expand into a quote of the thread.
    await this.client.chat.postMessage({ channel: this.channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
  }

  async notify(notice: SupportNotice): Promise<void> {
    await this.client.chat.postMessage({ channel: this.channel, text: `*${notice.title}*\n${notice.text}`, unfurl_links: false, unfurl_media: false });
  }
}
