/**
 * The public conversations through our bot (replay's runConversation, the same path as
 * `helpdesk-bot replay`) and through the baseline, scored by the rules of score.py.
 *
 * usage: node accuracyChild.js CONVERSATIONS.jsonl KNOWLEDGE_DIR OUT_DIR
 * Writes OUT_DIR/ours.jsonl and OUT_DIR/baseline.jsonl in replay's output format, so score.py
 * can check the same answers.
 *
 * The baseline is a plain classifier bot: it reads the first message, picks a class and answers
 * with that entry's canned answer, asking nothing. Its outcome is therefore:
 * - class `none` → `no_match` (it stays silent);
 * - an entry whose decision table can resolve (the harmless KB5057589 entry) → `resolved`: the
 *   canned answer is the "safe to ignore" guidance;
 * - an entry that only escalates → `escalated`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NONE_CLASS, trainBaseline } from '../baseline/bayesBaseline';
import { core } from '../core';
import { runAsChild } from '../lib/childProcess';
import { score, type EvalConversation, type EvalOutcome } from './score';

async function main() {
  const [conversationsFile, knowledgeDir, outDir] = process.argv.slice(2);
  const conversations = readFileSync(conversationsFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as EvalConversation);

  const { knowledge } = core.loadKnowledge()(knowledgeDir);
  const HelpdeskBot = core.HelpdeskBot();
  const CollectingSink = core.CollectingSink();
  const runConversation = core.runConversation();
  const bot = new HelpdeskBot({ knowledge, sink: new CollectingSink() });
  const ours: EvalOutcome[] = [];
  const oursStart = process.hrtime.bigint();
  for (const [i, c] of conversations.entries()) {
    const r = await runConversation(bot, c.id, c.turns, i + 1);
    ours.push({ id: r.id, outcome: r.outcome, entry: r.entry });
  }
  const oursMs = Number(process.hrtime.bigint() - oursStart) / 1e6;
  await bot.close();

  const entries = [...knowledge.entries.values()].map((e) => e.definition);
  const resolving = new Set(entries.filter((d) => d.flow.some((rule) => rule.resolve !== undefined)).map((d) => d.id));
  const baseline = trainBaseline(entries);
  const theirs: EvalOutcome[] = conversations.map((c) => {
    const label = baseline.classify(c.turns[0]);
    if (label === NONE_CLASS) return { id: c.id, outcome: 'no_match', entry: null };
    return { id: c.id, outcome: resolving.has(label) ? 'resolved' : 'escalated', entry: label };
  });

  const toLines = (rows: EvalOutcome[]) => rows.map((r) => JSON.stringify({ ...r, replies: [] })).join('\n') + '\n';
  writeFileSync(join(outDir, 'ours.jsonl'), toLines(ours));
  writeFileSync(join(outDir, 'baseline.jsonl'), toLines(theirs));

  // Where the two disagree on whether to say "safe to ignore".
  const oursById = new Map(ours.map((o) => [o.id, o]));
  const resolvedDisagreements = theirs.filter((t) => (t.outcome === 'resolved') !== (oursById.get(t.id)?.outcome === 'resolved')).length;
  return {
    conversations: conversations.length,
    entries: knowledge.size,
    harmlessEntries: [...resolving],
    ours: { ...score(conversations, ours), ms: oursMs },
    baseline: { ...score(conversations, theirs), classes: baseline.classes, documents: baseline.documents },
    resolvedDisagreements,
  };
}

runAsChild(main);
