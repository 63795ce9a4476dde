/**
 * Escalations as JSON POSTs to a ticket system's webhook (Jira Service Management automation,
 * ServiceNow, a Zendesk relay). 2xx is delivered; 408, 429, 5xx and network errors are retried
 * by the outbox; any other answer is a permanent refusal, logged and not retried.
 */
import type { EscalationRecord } from '../messages';
import { DeliveryError } from './deliveryError';
import type { EscalationSink } from './sink';
import { ticketPayload } from './ticketPayload';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from './webhookSignature';

export interface TicketWebhookOptions {
  /** TICKET_WEBHOOK_URL. */
  url: string;
  /** TICKET_WEBHOOK_SECRET; without it requests are unsigned. */
  secret?: string | null;
  /** One request may take this long. Default: 10 seconds. */
  timeoutMs?: number;
  /** For tests: seconds since the epoch. */
  nowSeconds?: () => number;
}

/** The sink's name in logs and in the outbox (deliveries are kept per sink name). */
export const TICKET_WEBHOOK_SINK = 'ticket-webhook';

export class TicketWebhookSink implements EscalationSink {
  readonly name = TICKET_WEBHOOK_SINK;
  private readonly where: string;

  constructor(private readonly options: TicketWebhookOptions) {
    // Host only in messages: the path or query may carry a token.
    this.where = new URL(options.url).host;
  }

  async deliver(record: EscalationRecord): Promise<void> {
    const body = JSON.stringify(ticketPayload(record));
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'User-Agent': 'helpdesk-bot',
      [IDEMPOTENCY_HEADER]: record.id,
    };
    if (this.options.secret) {
      // Signed at every attempt: receivers reject old timestamps, and retries may come minutes later.
      const timestamp = String(this.options.nowSeconds?.() ?? Math.floor(Date.now() / 1000));
      headers[TIMESTAMP_HEADER] = timestamp;
      headers[SIGNATURE_HEADER] = signWebhookBody(this.options.secret, timestamp, body);
    }
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
      throw new DeliveryError('DELIVERY_UNAVAILABLE', `ticket webhook at ${this.where} could not be reached (${cause})`, { cause: err });
    }
    const excerpt = (await response.text().catch(() => '')).slice(0, 200);
    if (response.ok) return;
    const status = response.status;
    if (status === 408 || status === 429 || status >= 500) {
      throw new DeliveryError('DELIVERY_UNAVAILABLE', `ticket webhook at ${this.where} answered ${status}`);
    }
    const detail = status >= 300 && status < 400 ? 'a redirect; set TICKET_WEBHOOK_URL to the final URL' : `"${excerpt}"`;
    throw new DeliveryError('DELIVERY_REJECTED', `ticket webhook at ${this.where} refused escalation ${record.id} with ${status}: ${detail}`);
  }
}
