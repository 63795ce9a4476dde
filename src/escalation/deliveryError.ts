/** Why a sink could not deliver, and whether trying again can help. */

export type DeliveryErrorCode =
  /** The receiver refused the escalation (4xx other than 408/429): retrying sends the same refusal. */
  | 'DELIVERY_REJECTED'
  /** The receiver is down, overloaded or unreachable: try again later. */
  | 'DELIVERY_UNAVAILABLE'
  /** The attempt took longer than the worker allows. */
  | 'DELIVERY_TIMEOUT';

export class DeliveryError extends Error {
  constructor(
    readonly code: DeliveryErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeliveryError';
  }

  /** Permanent failures are logged and given up; everything else is retried. */
  get permanent(): boolean {
    return this.code === 'DELIVERY_REJECTED';
  }
}

/** Whether an error from any sink is worth retrying (unknown errors are: a sink may just be down). */
export function isPermanent(err: unknown): boolean {
  return err instanceof DeliveryError && err.permanent;
}
