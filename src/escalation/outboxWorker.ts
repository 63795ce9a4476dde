/**
 * Delivers the outbox: every (escalation, sink) pair until it is done, with exponential backoff
 * per pair, so one sink being down never holds up another. Deliveries of one conversation reach
 * each sink in order. With several replicas each runs a worker; a lease makes sure one attempt
 * at a time is made per delivery, and a crashed worker's lease runs out for another to take over.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { EscalationRecord } from '../messages';
import { silentLogger, type Logger } from '../logger';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { DeliveryError, isPermanent } from './deliveryError';
import type { EscalationOutbox, OutboxDelivery, OutboxStore } from './outbox';
import type { EscalationSink } from './sink';

export interface OutboxWorkerOptions {
  store: OutboxStore;
  /** Where escalations go; a function is read at every enqueue and pass (adapters add sinks after start-up). */
  sinks: EscalationSink[] | (() => EscalationSink[]);
  logger?: Logger;
  /** Names this worker's leases. Default: `<hostname>:<pid>:<random>`. */
  owner?: string;
  /** Waits between attempts of one delivery. Default: 1 s doubling to 5 min, with jitter. */
  backoff?: Partial<BackoffOptions>;
  /** How often the outbox is looked at besides new escalations (retries, other replicas' work). Default: 1 s. */
  pollMs?: number;
  /** How long a claimed delivery is this worker's alone. Default: 60 s (must exceed attemptTimeoutMs). */
  leaseMs?: number;
  /** One attempt taking longer counts as failed (and is retried). Default: 30 s. */
  attemptTimeoutMs?: number;
  /** A delivery still failing this long after the escalation is given up and logged in full. Default: 3 days. */
  maxAgeMs?: number;
  /** Deliveries attempted at once per sink. Default: 8. */
  batchSize?: number;
  /** How long `stop()` keeps delivering what is due. Default: 5 s. */
  flushMs?: number;
  now?: () => number;
  random?: () => number;
  /** Told about every attempt (metrics): delivered, retry, or failed (given up). */
  onAttempt?: (sink: string, result: 'delivered' | 'retry' | 'failed') => void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class OutboxWorker implements EscalationOutbox {
  readonly owner: string;
  private readonly store: OutboxStore;
  private readonly logger: Logger;
  private readonly backoff: BackoffOptions;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly attemptTimeoutMs: number;
  private readonly maxAgeMs: number;
  private readonly batchSize: number;
  private readonly flushMs: number;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly sinkList: () => EscalationSink[];
  private readonly onAttempt: NonNullable<OutboxWorkerOptions['onAttempt']>;
  private timer: NodeJS.Timeout | undefined;
  private passing: Promise<void> | undefined;
  private again = false;
  private started = false;
  private stopped = false;
  // The earliest retry this worker scheduled, so it wakes for it instead of waiting a whole poll.
  private earliestRetry = Infinity;

  constructor(options: OutboxWorkerOptions) {
    this.store = options.store;
    const sinks = options.sinks;
    this.sinkList = typeof sinks === 'function' ? sinks : () => sinks;
    this.logger = options.logger ?? silentLogger;
    this.onAttempt = options.onAttempt ?? (() => undefined);
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.pollMs = options.pollMs ?? 1000;
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 30_000;
    this.leaseMs = Math.max(options.leaseMs ?? 60_000, this.attemptTimeoutMs + 1000);
    this.maxAgeMs = options.maxAgeMs ?? 3 * DAY_MS;
    this.batchSize = options.batchSize ?? 8;
    this.flushMs = options.flushMs ?? 5000;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /** Records the escalation for every sink and wakes the worker; resolves once it is stored. */
  async enqueue(record: EscalationRecord): Promise<string[]> {
    const names = [...new Set(this.sinkList().map((s) => s.name))];
    await this.store.add(record, names, this.now());
    if (names.length > 0) this.kick();
    return names;
  }

  /** Starts delivering (what earlier runs left in the outbox first). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  /** Stops the loop after delivering what is due within `flushMs`; undelivered work stays in the outbox. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.passing;
    const deadline = Date.now() + this.flushMs;
    while (Date.now() < deadline) {
      this.earliestRetry = Infinity;
      if ((await this.runOnce()) > 0) continue;
      const wait = this.earliestRetry - this.now();
      if (!Number.isFinite(wait) || Date.now() + wait > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 5)));
    }
    try {
      const { pending } = await this.store.counts();
      if (pending > 0) this.logger.warn({ pending }, 'outbox: deliveries still pending at shutdown; a running worker delivers them later');
    } catch {
      // The store may be gone already; nothing more to report.
    }
  }

  /** One pass: delivers everything due now, oldest first. Resolves with the number of attempts made. */
  async runOnce(): Promise<number> {
    const sinks = new Map(this.sinkList().map((s) => [s.name, s]));
    if (sinks.size === 0) return 0;
    let attempts = 0;
    // Bounded, so a flood of escalations cannot keep one pass (and `stop`) going for ever.
    while (attempts < 1000) {
      let claimed: OutboxDelivery[];
      try {
        claimed = await this.store.claim({ sinks: [...sinks.keys()], owner: this.owner, now: this.now(), leaseMs: this.leaseMs, limit: this.batchSize });
      } catch (err) {
        this.logger.warn({ err: (err as Error).message }, 'outbox: cannot read the outbox; trying again shortly');
        break;
      }
      if (claimed.length === 0) break;
      attempts += claimed.length;
      await Promise.all(claimed.map((d) => this.attempt(d, sinks.get(d.sink)!)));
    }
    return attempts;
  }

  private kick(): void {
    if (!this.started || this.stopped) return;
    if (this.passing) this.again = true;
    else this.schedule(0);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.pass(), delayMs);
  }

  private pass(): void {
    this.earliestRetry = Infinity;
    this.passing = this.runOnce()
      .then(() => undefined)
      .catch((err: Error) => this.logger.error({ err: err.message }, 'outbox: pass failed'))
      .finally(() => {
        this.passing = undefined;
        if (this.stopped) return;
        const untilRetry = Math.max(0, this.earliestRetry - this.now());
        this.schedule(this.again ? 0 : Math.min(this.pollMs, untilRetry));
        this.again = false;
      });
  }

  private async attempt(delivery: OutboxDelivery, sink: EscalationSink): Promise<void> {
    const { record } = delivery;
    const attempt = delivery.attempts + 1;
    try {
      await withTimeout(sink.deliver(record), this.attemptTimeoutMs, sink.name);
    } catch (err) {
      await this.failed(delivery, err as Error, attempt);
      return;
    }
    try {
      await this.store.complete(delivery.id, this.owner, this.now());
      this.onAttempt(sink.name, 'delivered');
      this.logger.info({ escalationId: record.id, sink: sink.name, attempt }, 'escalation delivered');
    } catch (err) {
      // Delivered but not marked: after the lease it goes again, with the same idempotency key.
      this.logger.warn({ escalationId: record.id, sink: sink.name, err: (err as Error).message }, 'outbox: delivered but could not mark it done');
    }
  }

  private async failed(delivery: OutboxDelivery, err: Error, attempt: number): Promise<void> {
    const { record, sink } = delivery;
    const now = this.now();
    const code = (err as { code?: unknown }).code;
    try {
      if (isPermanent(err) || now - delivery.enqueuedAt >= this.maxAgeMs) {
        await this.store.fail(delivery.id, this.owner, now, err.message);
        this.onAttempt(sink, 'failed');
        // The whole record goes to the log, so a person can still pick it up by hand.
        this.logger.error(
          { escalation: record, sink, attempt, code, err: err.message },
          isPermanent(err) ? 'escalation refused by the sink; not retried' : 'escalation given up: the sink kept failing for too long',
        );
        return;
      }
      const delay = backoffDelay(attempt, this.backoff, this.random);
      await this.store.retryLater(delivery.id, this.owner, now + delay, err.message);
      this.onAttempt(sink, 'retry');
      this.earliestRetry = Math.min(this.earliestRetry, now + delay);
      this.logger.warn({ escalationId: record.id, sink, attempt, retryInMs: delay, code, err: err.message }, 'escalation delivery failed; will retry');
    } catch (storeErr) {
      this.logger.warn({ escalationId: record.id, sink, err: (storeErr as Error).message }, 'outbox: cannot record the failed attempt; the lease will run out and it is retried');
    }
  }
}

function withTimeout(work: Promise<void>, ms: number, sink: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeliveryError('DELIVERY_TIMEOUT', `${sink} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
