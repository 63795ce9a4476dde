/**
 * The shared lexicon: words every entry reads messages with, one YAML file per language under
 * `knowledge/shared/lexicon/`. Support leads extend it without touching code; entries name its
 * keys (their `symptom`). Files load with the same collected file:line:column problems as entries.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod/v4';
import { stem, words } from '../matching/words';
import type { Detector } from './knowledgeBase';
import { locate } from './locate';
import type { KnowledgeProblem } from './problems';
import { regexProblem } from './regexSafety';
import { closest } from './suggest';
import { parseWithPositions, readBounded, wholeFileProblem, yamlSyntaxProblems } from './yamlSource';

/** Where the lexicon lives inside a knowledge folder; entries are never read from here. */
export const SHARED_DIR = 'shared';
export const LEXICON_DIR = join(SHARED_DIR, 'lexicon');
const MAX_LEXICON_FILE_BYTES = 256 * 1024;

/**
 * Keys the reading mechanisms use (src/reading/accounting.ts). Every one must be in some
 * language file; other keys are free for entries to name.
 */
export const REQUIRED_KEYS = ['trouble', 'something_else', 'change_markers', 'all_well', 'talk', 'hypothetical', 'conditional', 'denials', 'known_words', 'negations', 'subjects', 'list_words', 'worries', 'happened_after_negation'] as const;

const KEY = /^[a-z][a-z0-9_]*$/;

// A word or phrase, or a pattern where words cannot be found (Chinese and Japanese have no spaces).
const lexiconItem = z.union([z.string().min(1), z.strictObject({ regex: z.string().min(1) })]);

const lexiconFileSchema = z
  .object({ language: z.string().regex(/^[a-z]{2,3}$/, { message: 'a language code such as en, de or pt' }) })
  .catchall(z.array(lexiconItem));

export type LexiconItem = z.infer<typeof lexiconItem>;

export interface LexiconFile {
  file: string;
  language: string;
  keys: Record<string, LexiconItem[]>;
  /** Where a key is written, for problems found across files. */
  at: (key: string) => { line: number; column: number; sourceLine: string };
}

/** The lexicon's phrases by key, compiled for reading: the same detectors entries use. */
export class Lexicon {
  private readonly detectorsByKey = new Map<string, Detector[]>();
  private readonly wordsByKey = new Map<string, ReadonlySet<string>>();
  private readonly runsByKey = new Map<string, ReadonlyArray<readonly string[]>>();
  private readonly derived = new Map<object, unknown>();
  private readonly singlesByKey = new Map<string, ReadonlySet<string>>();

  constructor(readonly files: readonly LexiconFile[]) {
    const merged = new Map<string, Map<string, Detector>>();
    for (const f of files) {
      // The stemmer is English: other languages' words match as written ("plante" is no "plant").
      const stems = (text: string) => (f.language === 'en' ? words(text).map(stem) : words(text));
      for (const [key, list] of Object.entries(f.keys)) {
        const detectors = merged.get(key) ?? new Map<string, Detector>();
        for (const item of list) {
          if (typeof item !== 'string') detectors.set(`/${item.regex}/`, { text: `/${item.regex}/`, regex: new RegExp(item.regex) });
          else if (!detectors.has(item)) detectors.set(item, { text: item, words: words(item), stems: stems(item) });
        }
        merged.set(key, detectors);
      }
    }
    for (const [key, detectors] of merged) {
      this.detectorsByKey.set(key, [...detectors.values()]);
      const set = new Set<string>();
      for (const d of detectors.values()) [...(d.words ?? []), ...(d.stems ?? [])].forEach((w) => set.add(w));
      this.wordsByKey.set(key, set);
    }
  }

  has(key: string): boolean {
    return this.detectorsByKey.has(key);
  }

  get keys(): string[] {
    return [...this.detectorsByKey.keys()];
  }

  /** The phrases of a key as detectors (empty for an unknown key). */
  detectors(key: string): Detector[] {
    return this.detectorsByKey.get(key) ?? [];
  }

  /**
   * A key's words file by file, in the order written: for keys whose order means something
   * (`weekdays`, Monday first, in each language).
   */
  lists(key: string): string[][] {
    return this.files.map((f) => (f.keys[key] ?? []).flatMap((item) => (typeof item === 'string' ? [words(item).join(' ')] : []))).filter((list) => list.length > 0);
  }

  /**
   * Something a reader builds from the lexicon (patterns, word sets), built once and kept with
   * it: a reload makes a new lexicon, and what was built from the old one goes with it. `key`
   * is the reader's own (its function), so readers never share an entry by accident.
   */
  derive<T>(key: object, build: () => T): T {
    if (!this.derived.has(key)) this.derived.set(key, build());
    return this.derived.get(key) as T;
  }

  /** A key's phrases as runs of words, patterns left out (built once per key). */
  runs(key: string): ReadonlyArray<readonly string[]> {
    let runs = this.runsByKey.get(key);
    if (!runs) this.runsByKey.set(key, (runs = this.detectors(key).flatMap((d) => (d.words && d.words.length > 0 ? [d.words] : []))));
    return runs;
  }

  /** A key's phrases of one word ("yes", "nope"), for readers that look at single words. */
  singles(key: string): ReadonlySet<string> {
    let singles = this.singlesByKey.get(key);
    if (!singles) this.singlesByKey.set(key, (singles = new Set(this.runs(key).flatMap((run) => (run.length === 1 ? run : [])))));
    return singles;
  }

  /** Every word of a key's phrases, as written and by stem. */
  words(key: string): ReadonlySet<string> {
    return this.wordsByKey.get(key) ?? EMPTY;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** A lexicon with no words: knowledge built in code (tests of matching) reads nothing with it. */
export const EMPTY_LEXICON = new Lexicon([]);

/**
 * Loads `<dir>/shared/lexicon/*.yaml`. `required`: whether a missing lexicon is an error (it is
 * when some entry can say "safe to ignore", since the lexicon is what holds that back).
 */
export function loadLexiconDir(dir: string, required: boolean): { lexicon: Lexicon; problems: KnowledgeProblem[] } {
  const folder = join(dir, LEXICON_DIR);
  const problems: KnowledgeProblem[] = [];
  let names: string[] = [];
  try {
    if (statSync(folder).isDirectory()) names = readdirSync(folder).filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.')).sort();
  } catch {
    names = [];
  }
  if (names.length === 0) {
    if (required) {
      problems.push(
        wholeFileProblem(folder, 'no-lexicon', 'the shared lexicon is missing', `put one file per language in ${folder} (see docs/authoring.md): the bot needs its trouble words before it may say "safe to ignore"`),
      );
    }
    return { lexicon: EMPTY_LEXICON, problems };
  }
  const files: LexiconFile[] = [];
  for (const name of names) {
    const file = join(folder, name);
    const parsed = parseLexiconFile(file);
    problems.push(...parsed.problems);
    if (parsed.file) files.push(parsed.file);
  }
  const present = new Set(files.flatMap((f) => Object.keys(f.keys)));
  for (const key of REQUIRED_KEYS) {
    if (!present.has(key)) problems.push(wholeFileProblem(folder, 'lexicon-key-missing', `no language file has the key "${key}"`, `add "${key}:" with its words to ${join(folder, 'en.yaml')}`));
  }
  return { lexicon: new Lexicon(files), problems };
}

function parseLexiconFile(file: string): { file?: LexiconFile; problems: KnowledgeProblem[] } {
  const read = readBounded(file, MAX_LEXICON_FILE_BYTES);
  if ('problem' in read) return { problems: [read.problem] };
  const { text } = read;
  const { doc, lines } = parseWithPositions(text);
  const at = (path: ReadonlyArray<PropertyKey>, key?: string) => locate(doc, lines, text, path, key);
  const problem = (code: string, path: ReadonlyArray<PropertyKey>, message: string, hint?: string, key?: string): KnowledgeProblem => {
    const pos = at(path, key);
    const keyPath = key === undefined ? path : [...path, key];
    return { code, severity: 'error', file, line: pos.line, column: pos.column, path: keyPath.map(String).join('.'), message, hint, sourceLine: pos.sourceLine };
  };
  if (doc.errors.length > 0) return { problems: yamlSyntaxProblems(file, text, doc, lines) };
  const data: unknown = doc.toJS({ maxAliasCount: 50 });
  const parsed = lexiconFileSchema.safeParse(data ?? {});
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) =>
        problem(
          'lexicon-invalid',
          issue.path,
          issue.path.length === 0
            ? 'a lexicon file is a mapping: `language: en` and then keys, each with a list of words'
            : issue.code === 'invalid_union'
              ? `expected a word or phrase, or { regex: "..." }, found ${JSON.stringify(valueAt(data, issue.path))}`
              : issue.message,
          issue.path[0] === 'language' || issue.path.length === 0 ? undefined : 'each key holds a list of words or phrases, one per line',
        ),
      ),
    };
  }
  const problems: KnowledgeProblem[] = [];
  const keys: Record<string, LexiconItem[]> = {};
  for (const [key, value] of Object.entries(parsed.data)) {
    if (key === 'language') continue;
    if (!KEY.test(key)) {
      problems.push(problem('bad-name', [], `key "${key}" must use lowercase letters, digits and _`, undefined, key));
      continue;
    }
    const list = value as LexiconItem[];
    list.forEach((item, i) => {
      if (typeof item === 'string') {
        if (words(item).length === 0) problems.push(problem('empty-phrase', [key, i], `"${item}" has no words to match`));
        return;
      }
      const bad = regexProblem(item.regex);
      if (bad) problems.push(problem(bad.code, [key, i, 'regex'], bad.message, bad.hint));
    });
    keys[key] = list;
  }
  if (problems.length > 0) return { problems };
  return {
    file: { file, language: parsed.data.language, keys, at: (key) => at([], key) },
    problems,
  };
}

/**
 * Problems with an entry's references into the lexicon: each unknown key, at its place in the
 * entry's file, with the nearest known key as a hint.
 */
export function unknownLexiconKey(key: string, lexicon: Lexicon): { message: string; hint: string } {
  const guess = closest(key, lexicon.keys);
  return {
    message: `unknown lexicon key "${key}" (known: ${lexicon.keys.join(', ') || 'none'})`,
    hint: guess ? `did you mean "${guess}"?` : `add "${key}:" with its words to a file in ${LEXICON_DIR}`,
  };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, step) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[step] : undefined), data);
}
