/** Escalations posted to a Teams incoming webhook or a Workflows "webhook request" trigger. */
import type { EscalationSink, SupportNotice } from '../../escalation/sink';
import type { EscalationRecord } from '../../messages';
import { escalationCard, noticeCard, webhookMessage, type AdaptiveCard } from './cards';

export interface WebhookSinkOptions {
  /** TEAMS_SUPPORT_WEBHOOK_URL. It embeds a signature: it is never logged or put in errors. */
  url: string;
  /** Give up after this long. Default: 10 seconds (Teams waits about 15 s for the bot's answer). */
  timeoutMs?: number;
}

export class TeamsWebhookSink implements EscalationSink {
  readonly name = 'teams-webhook';

  constructor(private readonly options: WebhookSinkOptions) {}

  async deliver(record: EscalationRecord): Promise<void> {
    await this.post(escalationCard(record));
  }

  async notify(notice: SupportNotice): Promise<void> {
    await this.post(noticeCard(notice));
  }

  private async post(card: AdaptiveCard): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(webhookMessage(card)),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new Error(`the support webhook (TEAMS_SUPPORT_WEBHOOK_URL) could not be reached: ${(err as Error).message}`);
    }
    // Incoming webhooks answer 200, Workflows 202; anything else did not post.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new Error(`the support webhook (TEAMS_SUPPORT_WEBHOOK_URL) answered HTTP ${response.status}`);
  }
}
