/**
 * Knowledge compiled for serving: canonical signals and the indexes that make matching cost
 * grow with the message, not with the number of entries.
 */
import { FuzzyVocabulary } from '../matching/fuzzy';
import { PhraseIndex, type IndexedPhrase } from '../matching/phraseIndex';
import { canonicalErrorCode, canonicalUpdateId } from '../matching/signals';
import { stem, words } from '../matching/words';
import { EMPTY_LEXICON, type Lexicon } from './lexicon';
import type { LoadedEntry } from './load';
import type { EntryDefinition, PhraseDefinition, QuestionDefinition, RuleDefinition, SignalKind, SIZE_READERS, YES_NO_READERS } from './schema';

export type YesNoReader = (typeof YES_NO_READERS)[number];
export type SizeReader = (typeof SIZE_READERS)[number];

/** Of several readings of one size, the smallest or the largest. */
export type SafeSide = 'least' | 'most';

/** A phrase from `match.phrases` (or `exclude.phrases`): its stems, found in any order. */
export interface SignalPhrase {
  text: string;
  stems: string[];
  /** `stems` without repeats, computed once: matching checks each of them per hit. */
  uniqueStems: string[];
  entryId: string;
  role: 'match' | 'exclude';
}

/** A phrase that fills an answer: word forms in order, or a regular expression. */
export interface Detector {
  text: string;
  words?: string[];
  /** Stems of `words`, for detectors that accept any form of a word (symptom flags, context). */
  stems?: string[];
  regex?: RegExp;
}

export type CompiledQuestion =
  | { name: string; type: 'yes_no'; ask: string; help?: string; reader?: YesNoReader; yesWhen: Detector[]; noWhen: Detector[] }
  | {
      name: string;
      type: 'size';
      ask: string;
      help?: string;
      unitMb: number;
      context: Detector[];
      notAbout: Detector[];
      choices: Array<{ label: string; answer: string }>;
      reader?: SizeReader;
      /**
       * Which of several readings to trust: the one least in favour of a resolution, as the flow
       * decides it (`least` when too little is what escalates or too much is needed to resolve).
       */
      safeSide: SafeSide;
      /** The flow's thresholds on it, in MB, lowest first: readings between the same two decide alike. */
      thresholdsMb: number[];
    }
  | { name: string; type: 'flag'; when: Detector[] };

export interface CompiledEntry {
  id: string;
  title: string;
  label: string;
  file: string;
  updates: ReadonlySet<string>;
  /** Lists `*`: stands for updates that no entry lists. */
  anyUnlistedUpdate: boolean;
  errors: ReadonlySet<string>;
  phrases: SignalPhrase[];
  requireAny: SignalKind[] | null;
  requireAll: SignalKind[];
  exclude: {
    otherUpdates: boolean;
    otherErrors: boolean;
    updates: ReadonlySet<string>;
    errors: ReadonlySet<string>;
    /** `exclude.phrases` written as regexes (the others are phrases, found by the phrase index). */
    patterns: Detector[];
  };
  questions: ReadonlyMap<string, CompiledQuestion>;
  /** The issue's own symptom: lexicon keys and phrases (see accounting.ts). */
  symptom: { lexicon: string[]; phrases: Detector[] };
  flow: RuleDefinition[];
  replies: Readonly<Record<string, string>>;
  definition: EntryDefinition;
}

/** The served knowledge: entries plus indexes. Immutable; a reload builds a new one. */
export class KnowledgeBase {
  readonly entries: ReadonlyMap<string, CompiledEntry>;
  /** Canonical update id → entries listing it. */
  readonly byUpdate = new Map<string, CompiledEntry[]>();
  /** Canonical error code → entries listing it. */
  readonly byError = new Map<string, CompiledEntry[]>();
  /** Canonical error code → entries listing it that the code alone can qualify (their require rules allow it). */
  readonly byErrorAlone = new Map<string, CompiledEntry[]>();
  /** Entries listing `*` among their updates. */
  readonly unlistedUpdateEntries: CompiledEntry[] = [];
  /** Every match and exclude phrase, indexed by its two rarest stems. */
  readonly phrases: PhraseIndex;
  /** Every word of every phrase, for typo correction. */
  readonly vocabulary = new FuzzyVocabulary();
  /** Match and exclude phrases by each of their stems, for near misses (matching/nearMiss.ts). */
  readonly phrasesByStem = new Map<string, SignalPhrase[]>();

  /** The shared lexicon the dialogue reads messages with. */
  readonly lexicon: Lexicon;

  constructor(entries: CompiledEntry[], lexicon: Lexicon = EMPTY_LEXICON) {
    this.lexicon = lexicon;
    this.entries = new Map(entries.map((e) => [e.id, e]));
    const allPhrases: IndexedPhrase[] = [];
    for (const entry of entries) {
      for (const u of entry.updates) push(this.byUpdate, u, entry);
      for (const e of entry.errors) push(this.byError, e, entry);
      const errorsSuffice = (!entry.requireAny || entry.requireAny.includes('errors')) && entry.requireAll.every((k) => k === 'errors');
      if (errorsSuffice) for (const e of entry.errors) push(this.byErrorAlone, e, entry);
      if (entry.anyUnlistedUpdate) this.unlistedUpdateEntries.push(entry);
      for (const phrase of entry.phrases) {
        allPhrases.push({ phrase, entry });
        for (const stem of phrase.uniqueStems) push(this.phrasesByStem, stem, phrase);
        for (const word of words(phrase.text)) this.vocabulary.add(word);
      }
    }
    this.phrases = new PhraseIndex(allPhrases);
  }

  get size(): number {
    return this.entries.size;
  }

  get(id: string): CompiledEntry | undefined {
    return this.entries.get(id);
  }
}

/** Builds the served knowledge from loaded (already validated) entries. */
export function compileKnowledge(loaded: LoadedEntry[], lexicon: Lexicon = EMPTY_LEXICON, shared: SharedQuestions = new Map()): KnowledgeBase {
  const lists = new DetectorLists();
  return new KnowledgeBase(
    loaded.map((l) => compileEntry(l.definition, l.file, lists, shared)),
    lexicon,
  );
}

/**
 * Compiled detector lists shared between entries that write the same phrases: support leads copy
 * a question's `yes_when` from entry to entry, and the dialogue keeps word indexes per list
 * (detect.ts), so one list per distinct phrasing keeps a large knowledge base small.
 */
export class DetectorLists {
  private readonly lists = new Map<string, Detector[]>();

  of(list: PhraseDefinition[] | undefined): Detector[] {
    const key = JSON.stringify(list ?? []);
    let compiled = this.lists.get(key);
    if (!compiled) {
      compiled = detectors(list);
      this.lists.set(key, compiled);
    }
    return compiled;
  }
}

export function compileEntry(def: EntryDefinition, file: string, lists = new DetectorLists(), shared: SharedQuestions = new Map()): CompiledEntry {
  const m = def.match;
  const updates = new Set<string>();
  let anyUnlistedUpdate = false;
  for (const written of m.updates ?? []) {
    const id = canonicalUpdateId(written);
    if (id === '*') anyUnlistedUpdate = true;
    else if (id) updates.add(id);
  }
  const canonicalSet = (list: string[] | undefined, canon: (s: string) => string | null) =>
    new Set((list ?? []).map(canon).filter((x): x is string => x !== null && x !== '*'));
  const signalPhrase = (text: string, role: SignalPhrase['role']): SignalPhrase => {
    const stems = words(text).map(stem);
    return { text, stems, uniqueStems: [...new Set(stems)], entryId: def.id, role };
  };
  const questions = new Map<string, CompiledQuestion>();
  for (const [name, q] of Object.entries(def.questions ?? {})) questions.set(name, compileQuestion(name, q, lists, shared, safeSideOf(name, def.flow), def.flow));
  const firstUpdate = [...updates][0];
  return {
    id: def.id,
    title: def.title,
    label: def.label ?? firstUpdate ?? def.title,
    file,
    updates,
    anyUnlistedUpdate,
    errors: canonicalSet(m.errors, canonicalErrorCode),
    phrases: [
      ...(m.phrases ?? []).map((p) => signalPhrase(p, 'match')),
      ...(m.exclude?.phrases ?? []).flatMap((p) => (typeof p === 'string' ? [signalPhrase(p, 'exclude')] : [])),
    ],
    requireAny: m.require_any ?? null,
    requireAll: m.require_all ?? [],
    exclude: {
      otherUpdates: m.exclude?.other_updates ?? false,
      otherErrors: m.exclude?.other_errors ?? false,
      updates: canonicalSet(m.exclude?.updates, canonicalUpdateId),
      errors: canonicalSet(m.exclude?.errors, canonicalErrorCode),
      patterns: detectors((m.exclude?.phrases ?? []).filter((p) => typeof p !== 'string')),
    },
    questions,
    symptom: { lexicon: def.symptom?.lexicon ?? [], phrases: lists.of(def.symptom?.phrases) },
    flow: def.flow,
    replies: Object.fromEntries(Object.entries(def.replies).map(([name, text]) => [name, text.trim()])),
    definition: def,
  };
}

/**
 * A question built on a shared one: its own words first, then the shared question's; what it
 * leaves out (the wording, help, unit, reader) is taken from the shared one. Loading has
 * checked that the shared question exists and has the same type.
 */
export function withShared(q: QuestionDefinition, shared: SharedQuestions): QuestionDefinition {
  const base = q.shared !== undefined ? shared.get(q.shared) : undefined;
  if (!base || base.type !== q.type) return q;
  const both = <T>(own: T[] | undefined, theirs: T[] | undefined): T[] | undefined => (own || theirs ? [...(own ?? []), ...(theirs ?? [])] : undefined);
  switch (q.type) {
    case 'yes_no': {
      const b = base as typeof q;
      return { ...b, ...q, yes_when: both(q.yes_when, b.yes_when), no_when: both(q.no_when, b.no_when), ask: q.ask ?? b.ask, help: q.help ?? b.help, reader: q.reader ?? b.reader };
    }
    case 'size': {
      const b = base as typeof q;
      return { ...b, ...q, context: both(q.context, b.context), not_about: both(q.not_about, b.not_about), ask: q.ask ?? b.ask, help: q.help ?? b.help, unit: q.unit ?? b.unit, choices: q.choices ?? b.choices, reader: q.reader ?? b.reader };
    }
    case 'flag': {
      const b = base as typeof q;
      return { ...b, ...q, when: both(q.when, b.when) };
    }
  }
}

/** Shared questions by name (knowledge/shared/questions.yaml). */
export type SharedQuestions = ReadonlyMap<string, QuestionDefinition>;

/**
 * The side of a size question on which a reading is safe to trust, from the flow: a threshold
 * that escalates below it, or resolves at or above it, makes the least reading the safe one; one
 * that escalates at or above it, or resolves below it, the most. Where the flow says both or
 * neither, the least (too little free space is what the shipped entries must not miss).
 */
function safeSideOf(name: string, flow: readonly RuleDefinition[]): SafeSide {
  let least = 0;
  let most = 0;
  for (const rule of flow) {
    const condition = rule.when?.[name];
    if (!condition || typeof condition !== 'object') continue;
    const escalates = rule.escalate !== undefined;
    const resolves = rule.resolve !== undefined;
    if ('below' in condition) (escalates ? least++ : resolves ? most++ : 0);
    else (escalates ? most++ : resolves ? least++ : 0);
  }
  return most > 0 && least === 0 ? 'most' : 'least';
}

/** Every threshold the flow sets on a size question, in MB. */
function thresholdsOf(name: string, flow: readonly RuleDefinition[], unitMb: number): number[] {
  const limits = new Set<number>();
  for (const rule of flow) {
    const condition = rule.when?.[name];
    if (condition && typeof condition === 'object') limits.add(('below' in condition ? condition.below : condition.at_least) * unitMb);
  }
  return [...limits].sort((a, b) => a - b);
}

function compileQuestion(name: string, written: QuestionDefinition, lists: DetectorLists, shared: SharedQuestions, safeSide: SafeSide, flow: readonly RuleDefinition[]): CompiledQuestion {
  const q = withShared(written, shared);
  switch (q.type) {
    case 'yes_no':
      return { name, type: 'yes_no', ask: q.ask ?? '', help: q.help, reader: q.reader, yesWhen: lists.of(q.yes_when), noWhen: lists.of(q.no_when) };
    case 'size':
      return {
        name,
        type: 'size',
        ask: q.ask ?? '',
        help: q.help,
        unitMb: q.unit === 'GB' ? 1024 : 1,
        context: lists.of(q.context),
        notAbout: lists.of(q.not_about),
        choices: q.choices ?? [],
        reader: q.reader,
        safeSide,
        thresholdsMb: thresholdsOf(name, flow, q.unit === 'GB' ? 1024 : 1),
      };
    case 'flag':
      return { name, type: 'flag', when: lists.of(q.when) };
  }
}

function detectors(list: PhraseDefinition[] | undefined): Detector[] {
  return (list ?? []).map((p) =>
    typeof p === 'string' ? { text: p, words: words(p), stems: words(p).map(stem) } : { text: `/${p.regex}/`, regex: new RegExp(p.regex) },
  );
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

