/**
 * The baseline at one knowledge-base size, in a fresh process: natural's Bayes classifier
 * trained on the same synthetic entries, then the same message set as the matcher.
 *
 * usage: node baselineChild.js SIZE SEED MESSAGES.json MAX_CLASSES
 * Entries beyond MAX_CLASSES are left out of training (reported), when training all of them
 * would not fit the suite's time budget.
 */
import { readFileSync } from 'node:fs';
import { generateKnowledge } from '../generate/knowledgeGenerator';
import type { BenchMessage } from '../generate/messageGenerator';
import { runAsChild } from '../lib/childProcess';
import { memoryAfterGc, msSince } from '../lib/stats';
import { measureSpeed, syntheticOutcome, type Verdict } from '../matching/measureMatcher';
import { NONE_CLASS, trainBaseline } from './bayesBaseline';

async function main() {
  const [sizeArg, seedArg, messagesFile, capArg] = process.argv.slice(2);
  const size = Number(sizeArg);
  const cap = Math.min(size, Number(capArg));
  const messages = JSON.parse(readFileSync(messagesFile, 'utf8')) as BenchMessage[];
  const entries = generateKnowledge(size, Number(seedArg)).map((e) => e.definition);
  const before = memoryAfterGc();

  const trainStart = process.hrtime.bigint();
  const baseline = trainBaseline(entries.slice(0, cap));
  const trainMs = msSince(trainStart);
  const afterTrain = memoryAfterGc();

  const speed = measureSpeed(messages, (text) => baseline.classify(text), {
    throughputMs: 2500,
    latencyPasses: 3,
    warmupBudgetMs: 1500,
    latencyBudgetMs: 6000,
  });
  // The synthetic tallies need every message classified once: sample when classifying is slow.
  const perMessageMs = 1000 / speed.messagesPerSecond;
  const scored = perMessageMs * messages.length > 8000 ? messages.slice(0, Math.max(50, Math.floor(8000 / perMessageMs))) : messages;
  const outcome = syntheticOutcome(scored, (text): Verdict => {
    const label = baseline.classify(text);
    return label === NONE_CLASS ? { kind: 'none' } : { kind: 'answer', entryId: label };
  });
  return {
    entries: size,
    classesTrained: baseline.classes,
    capped: cap < size,
    documents: baseline.documents,
    features: baseline.features,
    trainMs,
    rssBeforeTrainMb: before.rssMb,
    rssAfterTrainMb: afterTrain.rssMb,
    ...speed,
    outcome,
    outcomeSampled: scored.length < messages.length ? scored.length : undefined,
  };
}

runAsChild(main);
