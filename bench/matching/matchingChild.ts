/**
 * One knowledge-base size, in a fresh process: load time from YAML, resident memory after load,
 * then matching throughput and latency over the mixed message set.
 *
 * usage: node matchingChild.js KB_DIR MESSAGES.json
 */
import { readFileSync } from 'node:fs';
import { core } from '../core';
import type { BenchMessage } from '../generate/messageGenerator';
import { runAsChild } from '../lib/childProcess';
import { memoryAfterGc, msSince } from '../lib/stats';
import { measureSpeed, syntheticOutcome, type Verdict } from './measureMatcher';

export const MATCH_THROUGHPUT_MS = 2500;
export const MATCH_LATENCY_PASSES = 3;

async function main() {
  const [dir, messagesFile] = process.argv.slice(2);
  const messages = JSON.parse(readFileSync(messagesFile, 'utf8')) as BenchMessage[];
  const requireStart = process.hrtime.bigint();
  const loadKnowledge = core.loadKnowledge();
  const matchMessage = core.matchMessage();
  const requireMs = msSince(requireStart);
  const before = memoryAfterGc();

  const loadStart = process.hrtime.bigint();
  const { knowledge } = loadKnowledge(dir);
  const loadMs = msSince(loadStart);
  const afterLoad = memoryAfterGc();

  const speed = measureSpeed(messages, (text) => matchMessage(knowledge, text), {
    throughputMs: MATCH_THROUGHPUT_MS,
    latencyPasses: MATCH_LATENCY_PASSES,
  });
  const outcome = syntheticOutcome(messages, (text): Verdict => {
    const d = matchMessage(knowledge, text).decision;
    return d.kind === 'match' ? { kind: 'answer', entryId: d.entryId } : d.kind === 'ambiguous' ? { kind: 'ask' } : { kind: 'none' };
  });
  const end = memoryAfterGc();
  return {
    entries: knowledge.size,
    messages: messages.length,
    requireMs,
    loadMs,
    rssBeforeLoadMb: before.rssMb,
    rssAfterLoadMb: afterLoad.rssMb,
    heapAfterLoadMb: afterLoad.heapUsedMb,
    rssAfterMatchingMb: end.rssMb,
    gcExposed: afterLoad.gcExposed,
    ...speed,
    outcome,
  };
}

runAsChild(main);
