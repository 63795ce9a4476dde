/** `helpdesk-bot kb lint [DIR]` and `helpdesk-bot kb explain "message" [--json]`. */
import { analyzeFlow } from '../dialogue/flowAnalysis';
import { compileKnowledge, type KnowledgeBase } from '../knowledge/knowledgeBase';
import { loadKnowledgeDir, type LoadedEntry } from '../knowledge/load';
import { findSignatureOverlaps } from '../knowledge/overlap';
import { formatPath, formatProblem, type KnowledgeProblem } from '../knowledge/problems';
import { matchMessage, type MatchResult } from '../matching/matcher';
import { accountFor } from '../reading/accounting';
import { write, type CliIo, type ExitCode } from './io';

/**
 * Prints every problem and returns 1, or a one-line summary and 0. Lint is stricter than
 * loading: it also walks every decision table and compares entries with each other.
 */
export function lint(dir: string, io: CliIo): ExitCode {
  const result = loadKnowledgeDir(dir, { thorough: true });
  const loadErrors = result.problems.some((p) => p.severity === 'error');
  const knowledge = compileKnowledge(result.entries, result.lexicon, result.sharedQuestions);
  const problems = loadErrors ? result.problems : [...result.problems, ...analysisProblems(result.entries, knowledge)];
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  for (const problem of problems) write(errors.length > 0 ? io.stderr : io.stdout, formatProblem(problem));
  if (errors.length > 0) {
    const files = new Set(errors.map((p) => p.file)).size;
    write(io.stderr, `${errors.length} problem${plural(errors.length)} in ${files} file${plural(files)}; nothing was changed.`);
    return 1;
  }
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
  const entry = result.decision.kind === 'match' ? knowledge.get(result.decision.entryId) : undefined;
  // How each clause is accounted for: what would hold "safe to ignore" back, and why.
  const accounting = entry ? accountFor(entry, knowledge.lexicon, [message]) : null;
  if (json) write(io.stdout, JSON.stringify(accounting ? { ...JSON.parse(JSON.stringify(result)), accounting } : result, null, 2));
  else {
    write(io.stdout, describeMatch(result, knowledge));
    if (accounting) {
      write(io.stdout, 'clauses:');
      for (const c of accounting.clauses) write(io.stdout, `  ${c.role.padEnd(9)} "${c.text}": ${c.why}`);
      write(io.stdout, `all-clear: ${accounting.heldBackBy ? `held back by "${accounting.heldBackBy.text}"` : 'not held back by anything said here'}`);
    }
  }
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

/** Decision-table findings and overlapping entries, placed at their line in the YAML. */
function analysisProblems(entries: LoadedEntry[], knowledge: KnowledgeBase): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const byId = new Map(entries.map((e) => [e.definition.id, e]));
  const at = (entry: LoadedEntry, path: Array<string | number>, code: string, severity: KnowledgeProblem['severity'], message: string, hint?: string) => {
    const pos = entry.at(path);
    problems.push({ code, severity, file: entry.file, line: pos.line, column: pos.column, path: formatPath(path), message, hint, sourceLine: pos.sourceLine });
  };
  for (const entry of entries) {
    const compiled = knowledge.get(entry.definition.id);
    if (!compiled) continue;
    for (const f of analyzeFlow(compiled)) at(entry, f.path, f.code, f.severity, f.message, f.hint);
  }
  for (const overlap of findSignatureOverlaps([...knowledge.entries.values()])) {
    const second = byId.get(overlap.second.id);
    const first = byId.get(overlap.first.id);
    if (!second || !first) continue;
    const firstPos = first.at(['match']);
    at(
      second,
      ['match'],
      'same-signature',
      'warning',
      `claims the same signals as ${overlap.first.id} (${first.file}:${firstPos.line}): ${overlap.signature}`,
      'add an exclude to one of them, or merge the two entries; until then the bot asks which one applies',
    );
  }
  return problems;
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}
