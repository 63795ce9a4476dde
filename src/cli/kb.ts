/** `helpdesk-bot kb lint [DIR]` and `helpdesk-bot kb explain "message" [--json]`. */
import { compileKnowledge, type KnowledgeBase } from '../knowledge/knowledgeBase';
import { loadKnowledgeDir } from '../knowledge/load';
import { formatProblem } from '../knowledge/problems';
import { matchMessage, type MatchResult } from '../matching/matcher';
import { write, type CliIo, type ExitCode } from './io';

/** Prints every problem and returns 1, or a one-line summary and 0. */
export function lint(dir: string, io: CliIo): ExitCode {
  const result = loadKnowledgeDir(dir);
  const errors = result.problems.filter((p) => p.severity === 'error');
  const warnings = result.problems.filter((p) => p.severity === 'warning');
  for (const problem of result.problems) write(errors.length > 0 ? io.stderr : io.stdout, formatProblem(problem));
  if (errors.length > 0) {
    const files = new Set(errors.map((p) => p.file)).size;
    write(io.stderr, `${errors.length} problem${plural(errors.length)} in ${files} file${plural(files)}; nothing was changed.`);
    return 1;
  }
  const knowledge = compileKnowledge(result.entries);
  write(
    io.stdout,
    `${dir}: ${knowledge.size} entr${knowledge.size === 1 ? 'y' : 'ies'} in ${result.files.length} file${plural(result.files.length)}, no problems` +
      (warnings.length > 0 ? ` (${warnings.length} warning${plural(warnings.length)})` : '') +
      '.',
  );
  return 0;
}

/** Shows how a message is read: signals, candidates with their score and rules, the decision. */
export function explain(message: string, knowledge: KnowledgeBase, json: boolean, io: CliIo): ExitCode {
  const result = matchMessage(knowledge, message);
  if (json) write(io.stdout, JSON.stringify(result, null, 2));
  else write(io.stdout, describeMatch(result, knowledge));
  return 0;
}

/** A readable account of one match, for people. */
export function describeMatch(result: MatchResult, knowledge: KnowledgeBase): string {
  const lines: string[] = [];
  const s = result.signals;
  lines.push(`message (normalized): ${result.normalized}`);
  lines.push('signals:');
  lines.push(`  updates: ${s.updates.join(', ') || '-'}`);
  lines.push(`  errors:  ${s.errors.join(', ') || '-'}`);
  lines.push(`  phrases: ${s.phrases.map((p) => `"${p.phrase}" (${p.entryId}${p.role === 'exclude' ? ', excludes' : ''})`).join(', ') || '-'}`);
  if (s.corrections.length > 0) lines.push(`  read as: ${s.corrections.map((c) => `${c.typed} → ${c.as}`).join(', ')}`);
  lines.push('candidates:');
  if (result.candidates.length === 0) lines.push('  none');
  for (const c of result.candidates) {
    const status = c.qualified ? 'qualifies' : c.excludedBy.length > 0 ? `excluded by ${c.excludedBy.join(', ')}` : `not enough: ${c.unmet.join('; ')}`;
    lines.push(`  ${c.entryId}  score ${c.score}  ${status}`);
    lines.push(`    hits: ${c.hits.join(', ') || '-'}`);
  }
  const d = result.decision;
  const decision =
    d.kind === 'match'
      ? `match ${d.entryId} (${knowledge.get(d.entryId)?.title ?? ''})`
      : d.kind === 'ambiguous'
        ? `ask which one: ${d.entryIds.join(', ')}`
        : 'no match (the bot does not engage)';
  lines.push(`decision: ${decision}`);
  return lines.join('\n');
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}
