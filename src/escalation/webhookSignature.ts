/**
 * Signing of ticket webhook requests. The receiver recomputes
 * `sha256=` + hex(HMAC-SHA256(secret, timestamp + "." + raw body)) and compares it with
 * X-Helpdesk-Signature, and rejects timestamps too far from its clock (replays).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Helpdesk-Signature';
export const TIMESTAMP_HEADER = 'X-Helpdesk-Timestamp';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** `sha256=<hex>` over `<timestamp>.<body>`; the timestamp is Unix seconds, as sent in X-Helpdesk-Timestamp. */
export function signWebhookBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Checks a received signature (for receivers written in TypeScript, and for tests). */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string, options: { nowSeconds?: number; toleranceSeconds?: number } = {}): boolean {
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhookBody(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
