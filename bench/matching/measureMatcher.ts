/**
 * Throughput and latency of one classifier-like function over a message set, measured the
 * same way for our matcher and for the baseline so the two columns compare like with like.
 */
import type { BenchMessage, MessageKind } from '../generate/messageGenerator';
import { summarize, type LatencySummary } from '../lib/stats';

export interface SpeedOptions {
  /** How long the throughput loop runs (after one warm-up pass). */
  throughputMs: number;
  /** Passes over the message set for latency samples. */
  latencyPasses: number;
  /** Stop sampling latency after this long (slow baselines). */
  latencyBudgetMs?: number;
  /** Cut the warm-up pass short after this long (slow baselines). */
  warmupBudgetMs?: number;
}

export interface SpeedResult {
  messagesPerSecond: number;
  throughputMessages: number;
  latency: LatencySummary;
  /** Chat-sized messages only (every kind but the 4 KB log pastes). */
  latencyWithoutPastes: LatencySummary;
  latencyByKind: Partial<Record<MessageKind, LatencySummary>>;
}

/** Runs `classify` over `messages`: warm-up, a timed loop, then per-message timings. */
export function measureSpeed(messages: readonly BenchMessage[], classify: (text: string) => unknown, options: SpeedOptions): SpeedResult {
  let sink = 0;
  const budget = options.latencyBudgetMs ?? Infinity;
  const warmStart = process.hrtime.bigint();
  for (const m of messages) {
    if (classify(m.text)) sink++;
    if (Number(process.hrtime.bigint() - warmStart) / 1e6 > (options.warmupBudgetMs ?? Infinity)) break;
  }

  const start = process.hrtime.bigint();
  const limit = BigInt(Math.round(options.throughputMs * 1e6));
  let count = 0;
  let elapsed = 0n;
  outer: for (;;) {
    for (const m of messages) {
      if (classify(m.text)) sink++;
      count++;
      if ((count & 15) === 0) {
        elapsed = process.hrtime.bigint() - start;
        if (elapsed >= limit) break outer;
      }
    }
  }
  elapsed = process.hrtime.bigint() - start;

  const all: number[] = [];
  const byKind = new Map<MessageKind, number[]>();
  const latencyStart = process.hrtime.bigint();
  passes: for (let pass = 0; pass < options.latencyPasses; pass++) {
    for (const m of messages) {
      const t = process.hrtime.bigint();
      if (classify(m.text)) sink++;
      const ns = Number(process.hrtime.bigint() - t);
      all.push(ns);
      let list = byKind.get(m.kind);
      if (!list) byKind.set(m.kind, (list = []));
      list.push(ns);
      if (Number(process.hrtime.bigint() - latencyStart) / 1e6 > budget) break passes;
    }
  }
  if (sink < 0) console.error(sink);
  return {
    messagesPerSecond: count / (Number(elapsed) / 1e9),
    throughputMessages: count,
    latency: summarize(all),
    latencyWithoutPastes: summarize([...byKind].filter(([k]) => k !== 'log-paste').flatMap(([, v]) => v)),
    latencyByKind: Object.fromEntries([...byKind].map(([k, v]) => [k, summarize(v)])),
  };
}

/** How answers on the synthetic set split; "answered" means the bot would act on one entry. */
export interface SyntheticOutcome {
  /** update/phrase messages answered with the entry they are about. */
  answeredIntended: number;
  /** update/phrase messages answered with another entry. */
  answeredOther: number;
  /** update/phrase messages where the bot asks which entry applies (ours only). */
  asked: number;
  /** update/phrase messages not engaged. */
  missed: number;
  aboutEntries: number;
  /** Near misses answered with the neighbour's entry (the dangerous mistake). */
  nearMissAsNeighbour: number;
  nearMisses: number;
  /** Small talk the bot engaged with (answered or asked). */
  chatterEngaged: number;
  chatter: number;
}

export type Verdict = { kind: 'answer'; entryId: string } | { kind: 'ask' } | { kind: 'none' };

/** Tallies a verdict per message into the synthetic outcome. */
export function syntheticOutcome(messages: readonly BenchMessage[], verdict: (text: string) => Verdict): SyntheticOutcome {
  const o: SyntheticOutcome = { answeredIntended: 0, answeredOther: 0, asked: 0, missed: 0, aboutEntries: 0, nearMissAsNeighbour: 0, nearMisses: 0, chatterEngaged: 0, chatter: 0 };
  for (const m of messages) {
    if (m.kind === 'log-paste') continue;
    const v = verdict(m.text);
    if (m.kind === 'update' || m.kind === 'phrase') {
      o.aboutEntries++;
      if (v.kind === 'answer') v.entryId === m.intended ? o.answeredIntended++ : o.answeredOther++;
      else if (v.kind === 'ask') o.asked++;
      else o.missed++;
    } else if (m.kind === 'near-miss') {
      o.nearMisses++;
      if (v.kind === 'answer' && v.entryId === m.neighbour) o.nearMissAsNeighbour++;
    } else {
      o.chatter++;
      if (v.kind !== 'none') o.chatterEngaged++;
    }
  }
  return o;
}
