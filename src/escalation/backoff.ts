/** How long the outbox waits before trying a sink again. */

export interface BackoffOptions {
  /** The first wait. Default: 1 second. */
  baseMs: number;
  /** No wait is longer than this. Default: 5 minutes. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 5 * 60 * 1000 };

/**
 * The wait after the `failures`-th failed attempt: doubling from `baseMs` up to `maxMs`, then
 * drawn from its upper half, so replicas that failed together do not retry together.
 */
export function backoffDelay(failures: number, options: BackoffOptions, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
