/**
 * `helpdesk-bot kb test [DIR]`: runs every example of every entry (messages that must match,
 * messages that must not, scripted conversations) and shows what happened instead.
 */
import { HelpdeskBot } from '../bot';
import { CollectingSink } from '../escalation/sink';
import { compileKnowledge, type KnowledgeBase } from '../knowledge/knowledgeBase';
import { loadKnowledgeDir, type LoadedEntry } from '../knowledge/load';
import { formatProblem } from '../knowledge/problems';
import { matchMessage } from '../matching/matcher';
import { describeMatch } from './kb';
import { write, type CliIo, type ExitCode } from './io';
import { runConversation } from './replay';

interface Failure {
  where: string;
  message: string;
  detail: string;
}

export async function kbTest(dir: string, io: CliIo): Promise<ExitCode> {
  const loaded = loadKnowledgeDir(dir);
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    for (const p of errors) write(io.stderr, formatProblem(p));
    write(io.stderr, `kb test: the knowledge in ${dir} does not load; fix the problems above first (helpdesk-bot kb lint).`);
    return 1;
  }
  const knowledge = compileKnowledge(loaded.entries, loaded.lexicon, loaded.sharedQuestions);
  const failures: Failure[] = [];
  let passed = 0;
  for (const entry of loaded.entries) {
    for (const failure of await testEntry(entry, knowledge)) {
      if (failure) failures.push(failure);
      else passed += 1;
    }
  }
  for (const f of failures) write(io.stdout, `FAIL ${f.where} ${f.message}\n${indent(f.detail)}\n`);
  const total = passed + failures.length;
  if (total === 0) write(io.stdout, `kb test: no examples in ${dir}; add some under examples: in each entry (see docs/authoring.md).`);
  write(io.stdout, `kb test: ${passed} passed, ${failures.length} failed`);
  return failures.length > 0 ? 1 : 0;
}

/** One result per example: null when it passed. */
async function testEntry(loaded: LoadedEntry, knowledge: KnowledgeBase): Promise<Array<Failure | null>> {
  const id = loaded.definition.id;
  const examples = loaded.definition.examples;
  if (!examples) return [];
  const where = (path: Array<string | number>) => {
    const pos = loaded.at(path);
    return `${loaded.file}:${pos.line}`;
  };
  const results: Array<Failure | null> = [];
  (examples.match ?? []).forEach((text, i) => {
    const result = matchMessage(knowledge, text);
    const ok = result.decision.kind === 'match' && result.decision.entryId === id;
    results.push(ok ? null : { where: where(['examples', 'match', i]), message: `"${text}" should match ${id}`, detail: describeMatch(result, knowledge) });
  });
  (examples.no_match ?? []).forEach((text, i) => {
    const result = matchMessage(knowledge, text);
    const ok = !(result.decision.kind === 'match' && result.decision.entryId === id);
    results.push(ok ? null : { where: where(['examples', 'no_match', i]), message: `"${text}" should not match ${id}`, detail: describeMatch(result, knowledge) });
  });
  for (const [i, conversation] of (examples.conversations ?? []).entries()) {
    const bot = new HelpdeskBot({ knowledge, sink: new CollectingSink() });
    const got = await runConversation(bot, `kb-test:${id}:${i}`, conversation.turns, i);
    const wantEntry = conversation.entry !== undefined ? conversation.entry : conversation.outcome === 'no_match' ? null : id;
    const ok = got.outcome === conversation.outcome && got.entry === wantEntry;
    results.push(
      ok
        ? null
        : {
            where: where(['examples', 'conversations', i]),
            message: `conversation should end ${conversation.outcome} in ${wantEntry ?? 'no entry'}, but ended ${got.outcome} in ${got.entry ?? 'no entry'}`,
            detail: transcript(conversation.turns, got.replies),
          },
    );
  }
  return results;
}

function transcript(turns: string[], replies: string[]): string {
  return [...turns.map((t) => `employee: ${t}`), ...replies.map((r) => `bot: ${r.split('\n')[0]}`)].join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
