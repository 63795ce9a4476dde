/**
 * Reads knowledge files: YAML syntax, then the entry schema, then cross-references. Every
 * problem in every file is collected, so a support lead sees them all in one run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { allowedKeysAt } from './jsonSchema';
import { checkEntry } from './checks';
import { EMPTY_LEXICON, loadLexiconDir, SHARED_DIR, unknownLexiconKey, type Lexicon } from './lexicon';
import type { SharedQuestions } from './knowledgeBase';
import { locate, type SourcePosition } from './locate';
import { checkSharedReferences, loadSharedQuestions } from './sharedQuestions';
import { formatPath, type KnowledgeProblem } from './problems';
import { entrySchema, type EntryDefinition } from './schema';
import { closest } from './suggest';
import { firstLine, parseWithPositions, wholeFileProblem, yamlSyntaxProblems } from './yamlSource';

/** Larger files are refused unread: an entry is a page of YAML, not megabytes. */
export const MAX_ENTRY_FILE_BYTES = 256 * 1024;
/** Aliases beyond this are an expansion attack (billion laughs), not a knowledge entry. */
const MAX_ALIAS_COUNT = 50;

export interface LoadedEntry {
  file: string;
  definition: EntryDefinition;
  /** Where the entry's `id` and other keys are, for problems found across files. */
  at: (path: ReadonlyArray<PropertyKey>, key?: string) => SourcePosition;
}

export interface LoadResult {
  entries: LoadedEntry[];
  /** Shared questions entries build on (`shared/questions.yaml`), empty when there are none. */
  sharedQuestions: SharedQuestions;
  /** The shared lexicon (`shared/lexicon/`), empty when the folder has none. */
  lexicon: Lexicon;
  problems: KnowledgeProblem[];
  files: string[];
}

export interface LoadOptions {
  /**
   * Parse every file with the careful parser (`kb lint`). Otherwise a fast parser reads files
   * first and the careful one only re-reads those with anything to report.
   */
  thorough?: boolean;
}

/**
 * Loads every `.yaml`/`.yml` entry file below `dir` (file names are shown as `dir/name.yaml`),
 * and the shared lexicon from `dir/shared/lexicon/`.
 */
export function loadKnowledgeDir(dir: string, options: LoadOptions = {}): LoadResult {
  const result = loadEntries(dir, options);
  const canResolve = result.entries.some((e) => e.definition.flow.some((rule) => rule.resolve !== undefined));
  const { lexicon, problems } = loadLexiconDir(dir, canResolve);
  result.lexicon = lexicon;
  result.problems.push(...problems);
  if (problems.length === 0) result.problems.push(...checkLexiconReferences(result.entries, lexicon));
  const shared = loadSharedQuestions(dir);
  result.sharedQuestions = shared.questions;
  result.problems.push(...shared.problems);
  if (shared.problems.length === 0) result.problems.push(...checkSharedReferences(result.entries, shared.questions));
  return result;
}

/** Each `symptom.lexicon` key an entry names must be in the lexicon: placed in the entry's file. */
function checkLexiconReferences(entries: LoadedEntry[], lexicon: Lexicon): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  for (const entry of entries) {
    (entry.definition.symptom?.lexicon ?? []).forEach((key, i) => {
      if (lexicon.has(key)) return;
      const pos = entry.at(['symptom', 'lexicon', i]);
      const { message, hint } = unknownLexiconKey(key, lexicon);
      problems.push({ code: 'unknown-lexicon-key', severity: 'error', file: entry.file, line: pos.line, column: pos.column, path: `symptom.lexicon[${i}]`, message, hint, sourceLine: pos.sourceLine });
    });
  }
  return problems;
}

function loadEntries(dir: string, options: LoadOptions): LoadResult {
  const result: LoadResult = { entries: [], sharedQuestions: new Map(), lexicon: EMPTY_LEXICON, problems: [], files: [] };
  let names: string[];
  try {
    names = listYamlFiles(dir);
  } catch (err) {
    result.problems.push(wholeFileProblem(dir, 'unreadable-dir', `cannot read the knowledge folder: ${(err as Error).message}`));
    return result;
  }
  if (names.length === 0) {
    result.problems.push(wholeFileProblem(dir, 'empty-dir', 'no .yaml files found', 'put one entry per .yaml file in this folder'));
  }
  for (const name of names) {
    const file = join(dir, name);
    result.files.push(file);
    let text: string;
    try {
      const size = statSync(file).size;
      if (size > MAX_ENTRY_FILE_BYTES) {
        result.problems.push(wholeFileProblem(file, 'file-too-large', `the file is ${size} bytes; entries are limited to ${MAX_ENTRY_FILE_BYTES}`));
        continue;
      }
      text = readFileSync(file, 'utf8');
    } catch (err) {
      result.problems.push(wholeFileProblem(file, 'unreadable-file', `cannot read the file: ${(err as Error).message}`));
      continue;
    }
    const parsed = (!options.thorough && quickEntry(file, text)) || parseEntryText(file, text);
    result.problems.push(...parsed.problems);
    if (parsed.entry) result.entries.push(parsed.entry);
  }
  result.problems.push(...checkDuplicateIds(result.entries));
  return result;
}

// An alias anywhere (`*name` where a value starts): only the careful parser limits their expansion.
const ALIAS = /(?:^|[\s[{,:-])\*[^\s,[\]{}]/;

/**
 * The fast path: js-yaml (about ten times faster than the careful parser on thousands of files)
 * for files without aliases that pass the schema and every check. Anything else returns null and
 * the file goes through parseEntryText, which reports each problem with its position.
 */
function quickEntry(file: string, text: string): { entry: LoadedEntry; problems: KnowledgeProblem[] } | null {
  if (ALIAS.test(text)) return null;
  let data: unknown;
  try {
    data = loadYaml(text);
  } catch {
    return null;
  }
  const parsed = entrySchema.safeParse(data);
  if (!parsed.success) return null;
  // Positions are not needed to know whether there is anything to report.
  const unplaced = (code: string, _path: ReadonlyArray<PropertyKey>, message: string): KnowledgeProblem => ({ code, severity: 'error', file, line: 0, column: 0, path: '', message });
  if (checkEntry(parsed.data, unplaced).length > 0) return null;
  return { entry: { file, definition: parsed.data, at: lazyLocator(text) }, problems: [] };
}

/**
 * Positions for a loaded entry, found by parsing its text again when first asked: serving never
 * asks, and keeping every parsed document alive would cost hundreds of MB at 10,000 entries.
 */
function lazyLocator(text: string): LoadedEntry['at'] {
  let parsed: { doc: Document; lines: LineCounter } | undefined;
  return (path, key) => {
    if (!parsed) {
      const lines = new LineCounter();
      parsed = { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false }), lines };
    }
    return locate(parsed.doc, parsed.lines, text, path, key);
  };
}

/** Parses and validates one entry file's text with the careful parser, every problem placed. */
export function parseEntryText(file: string, text: string): { entry?: LoadedEntry; problems: KnowledgeProblem[] } {
  const { doc, lines } = parseWithPositions(text);
  const problems: KnowledgeProblem[] = [];
  const at = (path: ReadonlyArray<PropertyKey>, key?: string) => locate(doc, lines, text, path, key);
  const problem = (code: string, path: ReadonlyArray<PropertyKey>, message: string, hint?: string, key?: string): KnowledgeProblem => {
    const pos = at(path, key);
    return {
      code,
      severity: 'error',
      file,
      line: pos.line,
      column: pos.column,
      path: formatPath(key === undefined ? (path as Array<string | number>) : [...(path as Array<string | number>), key]),
      message,
      hint,
      sourceLine: pos.sourceLine,
    };
  };

  problems.push(...yamlSyntaxProblems(file, text, doc, lines));
  if (problems.length > 0) return { problems };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    return { problems: [problem('yaml-aliases', [], firstLine((err as Error).message), 'write the values out instead of expanding aliases')] };
  }
  if (data === null || data === undefined) {
    return { problems: [problem('empty-file', [], 'the file is empty', 'an entry needs at least id, title, match, flow and replies')] };
  }

  const parsed = entrySchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues as SchemaIssue[];
    for (const issue of issues) problems.push(...schemaProblems(issue, data, problem));
    // Unknown keys alone leave the entry's shape intact: check the rest too, so one run shows
    // every problem instead of revealing them one fix at a time.
    if (issues.every((i) => i.code === 'unrecognized_keys')) {
      const without = entrySchema.safeParse(withoutKeys(data, issues));
      if (without.success) problems.push(...checkEntry(without.data, problem));
    }
    return { problems };
  }
  problems.push(...checkEntry(parsed.data, problem));
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { entry: { file, definition: parsed.data, at: lazyLocator(text) }, problems };
}

export type ProblemFactory = (code: string, path: ReadonlyArray<PropertyKey>, message: string, hint?: string, key?: string) => KnowledgeProblem;

export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  expected?: string;
}

export function schemaProblems(issue: SchemaIssue, data: unknown, problem: ProblemFactory): KnowledgeProblem[] {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    const allowed = allowedKeysAt(issue.path, data);
    return issue.keys.map((key) => {
      const guess = closest(key, allowed);
      const hint = guess ? `did you mean "${guess}"?` : undefined;
      return problem('unknown-key', issue.path, `unknown key "${key}" (allowed here: ${allowed.join(', ')})`, hint, key);
    });
  }
  if (issue.code === 'invalid_type') {
    const value = valueAt(data, issue.path);
    const message =
      value === undefined
        ? `required key is missing (expected ${describeType(issue.expected)})`
        : `expected ${describeType(issue.expected)}, found ${describeValue(value)}`;
    return [problem('wrong-type', issue.path, message)];
  }
  return [problem(issue.code === 'invalid_union' ? 'invalid-value' : issue.code.replace(/_/g, '-'), issue.path, issue.message)];
}

function withoutKeys(data: unknown, issues: SchemaIssue[]): unknown {
  const copy = structuredClone(data);
  for (const issue of issues) {
    const target = valueAt(copy, issue.path);
    if (target && typeof target === 'object') for (const key of issue.keys ?? []) delete (target as Record<string, unknown>)[key];
  }
  return copy;
}

function describeType(expected: string | undefined): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping of keys to values';
    default:
      return expected ?? 'another value';
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

function checkDuplicateIds(entries: LoadedEntry[]): KnowledgeProblem[] {
  const byId = new Map<string, LoadedEntry>();
  const problems: KnowledgeProblem[] = [];
  for (const entry of entries) {
    const first = byId.get(entry.definition.id);
    if (!first) {
      byId.set(entry.definition.id, entry);
      continue;
    }
    const pos = entry.at(['id']);
    const firstPos = first.at(['id']);
    problems.push({
      code: 'duplicate-id',
      severity: 'error',
      file: entry.file,
      line: pos.line,
      column: pos.column,
      path: 'id',
      message: `id "${entry.definition.id}" is already used by ${first.file}:${firstPos.line}:${firstPos.column}`,
      hint: 'every entry needs its own id; rename one of them',
      sourceLine: pos.sourceLine,
    });
  }
  return problems;
}

function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const dirent of readdirSync(join(dir, sub), { withFileTypes: true })) {
      if (dirent.name.startsWith('.')) continue;
      // The shared lexicon and questions are not entries (lexicon.ts reads them).
      if (sub === '' && dirent.name === SHARED_DIR && dirent.isDirectory()) continue;
      const rel = sub ? join(sub, dirent.name) : dirent.name;
      if (dirent.isDirectory()) walk(rel);
      else if (dirent.isFile() && /\.ya?ml$/i.test(dirent.name)) out.push(rel);
    }
  };
  walk('');
  return out.sort((a, b) => a.split(sep).join('/').localeCompare(b.split(sep).join('/')));
}
