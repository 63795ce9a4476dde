/**
 * Shared questions and flags (`knowledge/shared/questions.yaml`): the restart since the update,
 * the system degrading, WinRE disabled. Entries build on them by name (`shared:`) and may add
 * words of their own, so a new entry does not copy hundreds of phrases.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod/v4';
import type { SharedQuestions } from './knowledgeBase';
import { SHARED_DIR } from './lexicon';
import { schemaProblems, type LoadedEntry, type SchemaIssue } from './load';
import { locate } from './locate';
import { formatPath, type KnowledgeProblem } from './problems';
import { question, type EntryDefinition, type QuestionDefinition } from './schema';
import { closest } from './suggest';
import { parseWithPositions, readBounded, yamlSyntaxProblems } from './yamlSource';

export const SHARED_QUESTIONS_FILE = join(SHARED_DIR, 'questions.yaml');
const MAX_FILE_BYTES = 512 * 1024;

// Validated as an entry's `questions:` would be, so problems read (and are hinted) the same.
const wrapped = z.strictObject({ questions: z.record(z.string(), question) });

/** Loads `<dir>/shared/questions.yaml`; no file means no shared questions. */
export function loadSharedQuestions(dir: string): { questions: SharedQuestions; problems: KnowledgeProblem[] } {
  const file = join(dir, SHARED_QUESTIONS_FILE);
  // No file means no shared questions; a file that cannot be read is a problem.
  if (!existsSync(file)) return { questions: new Map(), problems: [] };
  const read = readBounded(file, MAX_FILE_BYTES);
  if ('problem' in read) return { questions: new Map(), problems: [read.problem] };
  const { text } = read;
  const { doc, lines } = parseWithPositions(text);
  if (doc.errors.length > 0) return { questions: new Map(), problems: yamlSyntaxProblems(file, text, doc, lines) };
  // Paths are entry-style (`questions.rebooted.ask`); in this file they start one level up.
  const problem = (code: string, path: ReadonlyArray<PropertyKey>, message: string, hint?: string, key?: string): KnowledgeProblem => {
    const inFile = path[0] === 'questions' ? path.slice(1) : path;
    const pos = locate(doc, lines, text, inFile, key);
    return { code, severity: 'error', file, line: pos.line, column: pos.column, path: formatPath((key === undefined ? inFile : [...inFile, key]) as Array<string | number>), message, hint, sourceLine: pos.sourceLine };
  };
  const data = { questions: doc.toJS({ maxAliasCount: 50 }) ?? {} };
  const parsed = wrapped.safeParse(data);
  if (!parsed.success) return { questions: new Map(), problems: (parsed.error.issues as SchemaIssue[]).flatMap((issue) => schemaProblems(issue, data, problem)) };
  const problems: KnowledgeProblem[] = [];
  for (const [name, q] of Object.entries(parsed.data.questions)) {
    if (q.shared !== undefined) problems.push(problem('nested-shared', ['questions', name, 'shared'], 'a shared question cannot build on another one', 'write its words out here'));
    problems.push(...missingParts(name, q, problem));
  }
  return { questions: problems.length > 0 ? new Map() : new Map(Object.entries(parsed.data.questions)), problems };
}

/** What a question must say when nothing shared says it: the wording of a question, a flag's phrases. */
export function missingParts(name: string, q: QuestionDefinition, problem: (code: string, path: ReadonlyArray<PropertyKey>, message: string, hint?: string) => KnowledgeProblem): KnowledgeProblem[] {
  if (q.shared !== undefined) return [];
  if (q.type !== 'flag' && q.ask === undefined) return [problem('missing-ask', ['questions', name], `question "${name}" has no ask: the words the bot asks it with`, 'add ask:, or build on a shared question with shared:')];
  if (q.type === 'flag' && (q.when ?? []).length === 0) return [problem('missing-when', ['questions', name], `flag "${name}" has no when: the phrases that raise it`, 'add when:, or build on a shared flag with shared:')];
  return [];
}

/** Each `shared:` an entry writes must name a shared question of the same type: placed in the entry's file. */
export function checkSharedReferences(entries: LoadedEntry[], shared: SharedQuestions): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  for (const entry of entries) {
    for (const [name, q] of Object.entries((entry.definition as EntryDefinition).questions ?? {})) {
      if (q.shared === undefined) continue;
      const base = shared.get(q.shared);
      const pos = entry.at(['questions', name, 'shared']);
      const at = { file: entry.file, line: pos.line, column: pos.column, path: `questions.${name}.shared`, sourceLine: pos.sourceLine, severity: 'error' as const };
      if (!base) {
        const guess = closest(q.shared, [...shared.keys()]);
        problems.push({ ...at, code: 'unknown-shared-question', message: `unknown shared question "${q.shared}" (in ${SHARED_QUESTIONS_FILE}: ${[...shared.keys()].join(', ') || 'none'})`, hint: guess ? `did you mean "${guess}"?` : `declare it in ${SHARED_QUESTIONS_FILE}` });
      } else if (base.type !== q.type) {
        problems.push({ ...at, code: 'shared-type', message: `"${q.shared}" is a ${base.type} question, and "${name}" is ${q.type}`, hint: `write type: ${base.type}` });
      }
    }
  }
  return problems;
}
