/**
 * Decides which knowledge entry a message is about, and says why. Signals are looked up in the
 * knowledge base's indexes, so the work done is proportional to the message.
 */
import type { CompiledEntry, KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Lexicon } from '../knowledge/lexicon';
import type { SignalKind } from '../knowledge/schema';
import { normalizeText } from './normalize';
import { afterLastCorrection } from './selfCorrection';
import { withoutInstalledUpdates } from './updateHistory';
import { findErrorCodes, findUpdateIds } from './signals';
import { stem, words } from './words';

/** What was found in the message after normalization. */
export interface Signals {
  updates: string[];
  errors: string[];
  phrases: Array<{ entryId: string; phrase: string; role: 'match' | 'exclude' }>;
  /** Typed words read as known words ("windos" as "windows"). */
  corrections: Array<{ typed: string; as: string }>;
}

export interface Candidate {
  entryId: string;
  score: number;
  /** Human-readable hits, e.g. `update KB5057589`, `phrase "winre update"`. */
  hits: string[];
  /** Whether the entry's require rules hold and nothing excluded it. */
  qualified: boolean;
  /** What ruled it out, e.g. `another update KB5034441`. */
  excludedBy: string[];
  /** Require rules that did not hold, e.g. `require_any: updates or phrases`. */
  unmet: string[];
}

export type Decision =
  | { kind: 'match'; entryId: string }
  /**
   * Several entries fit, or one fits partly: the bot must ask which. When a common error code is
   * all there is, `entryIds` names only some of the entries listing it (more than the bot shows).
   */
  | { kind: 'ambiguous'; entryIds: string[] }
  | { kind: 'none' };

export interface MatchResult {
  normalized: string;
  signals: Signals;
  /** The strongest candidates (at most MAX_EXPLAINED), strongest first; the decision weighs every one. */
  readonly candidates: Candidate[];
  decision: Decision;
}

const WEIGHT = { update: 10, error: 5, phrase: 3, unlistedUpdate: 2 } as const;
/** Candidates explained in a match result, strongest first (the decision weighs them all). */
export const MAX_EXPLAINED = 20;
/** An error code listed by more entries than this is common: it adds evidence, it does not enumerate. */
export const COMMON_CODE_ENTRIES = 16;

interface Tally {
  entry: CompiledEntry;
  updates: string[];
  unlistedUpdates: string[];
  errors: string[];
  phrases: string[];
  excludedBy: string[];
}

/** Matches one message (as typed, with platform markup) against the knowledge base. */
export function matchMessage(kb: KnowledgeBase, text: string): MatchResult {
  const normalized = normalizeText(withoutInstalledUpdates(text));
  const updates = meantUpdateIds(normalized, kb.lexicon);
  const errors = findErrorCodes(normalized);
  const corrections: Signals['corrections'] = [];
  const stems = messageStems(kb, words(normalized), corrections);
  const phraseHits = kb.phrases.find(stems);

  const tallies = new Map<string, Tally>();
  const tally = (entry: CompiledEntry): Tally => {
    let t = tallies.get(entry.id);
    if (!t) {
      t = { entry, updates: [], unlistedUpdates: [], errors: [], phrases: [], excludedBy: [] };
      tallies.set(entry.id, t);
    }
    return t;
  };
  for (const u of updates) {
    const listed = kb.byUpdate.get(u);
    if (listed) for (const entry of listed) tally(entry).updates.push(u);
    else for (const entry of kb.unlistedUpdateEntries) tally(entry).unlistedUpdates.push(u);
  }
  for (const { phrase, entry } of phraseHits) {
    if (phrase.role === 'match') tally(entry).phrases.push(phrase.text);
    else tally(entry).excludedBy.push(`phrase "${phrase.text}"`);
  }
  // A common code (one that hundreds of entries list) would make every one of them a candidate.
  // Only the entries it can qualify on its own, and those already hit by something else, are
  // tallied; the rest can at most make the bot ask, and are looked at only if it comes to that.
  const deferred: CompiledEntry[][] = [];
  const common = errors.filter((e) => (kb.byError.get(e)?.length ?? 0) > COMMON_CODE_ENTRIES);
  for (const e of errors) {
    if (common.includes(e)) continue;
    for (const entry of kb.byError.get(e) ?? []) tally(entry).errors.push(e);
  }
  // Common codes last, so that every entry tallied by anything else gets their evidence too.
  for (const e of common) {
    const listing = kb.byError.get(e)!;
    for (const t of tallies.values()) if (t.entry.errors.has(e) && !t.errors.includes(e)) t.errors.push(e);
    for (const entry of kb.byErrorAlone.get(e) ?? []) if (!tallies.get(entry.id)?.errors.includes(e)) tally(entry).errors.push(e);
    deferred.push(listing);
  }

  // Exclusions written as regexes, tried on the entries something pointed at.
  let lower: string | undefined;
  for (const t of tallies.values()) {
    if (t.entry.exclude.patterns.length === 0) continue;
    lower ??= normalized.toLowerCase();
    t.excludedBy.push(...patternExclusions(t.entry, lower));
  }

  // Every tallied entry is weighed (a log paste can name codes shared by thousands of entries);
  // only the strongest are explained, since the explanation is what costs.
  const verdicts: Verdict[] = [];
  for (const t of tallies.values()) verdicts.push(weigh(t, updates, errors));
  // A plain comparison: localeCompare is slow and ids are ASCII.
  verdicts.sort((a, b) => b.score - a.score || (a.tally.entry.id < b.tally.entry.id ? -1 : a.tally.entry.id > b.tally.entry.id ? 1 : 0));
  const signals: Signals = {
    updates,
    errors,
    phrases: phraseHits.map(({ phrase }) => ({ entryId: phrase.entryId, phrase: phrase.text, role: phrase.role })),
    corrections,
  };
  return new Match(normalized, signals, decide(verdicts, () => deferredPartials(deferred, tallies, updates, errors)), verdicts);
}

/**
 * The update ids a message means: those after its last self-correction when it names one there
 * ("kb5057859, sorry typo, I mean KB5057589"), otherwise all of them.
 */
function meantUpdateIds(normalized: string, lexicon: Lexicon): string[] {
  const all = findUpdateIds(normalized);
  if (all.length < 2) return all;
  const corrected = afterLastCorrection(normalized, lexicon);
  if (corrected < 0) return all;
  const meant = findUpdateIds(normalized.slice(corrected));
  return meant.length > 0 ? meant : all;
}

/**
 * A match result whose candidates are explained on first read (kb explain, a debug log): a live
 * turn needs only the decision, and the explanations were a fifth of the matching time.
 */
class Match implements MatchResult {
  private explained: Candidate[] | undefined;

  constructor(
    readonly normalized: string,
    readonly signals: Signals,
    readonly decision: Decision,
    private readonly verdicts: Verdict[],
  ) {}

  get candidates(): Candidate[] {
    this.explained ??= this.verdicts.slice(0, MAX_EXPLAINED).map((v) => explainVerdict(v, this.signals.updates, this.signals.errors));
    return this.explained;
  }

  /** What logs and `kb explain --json` show: the result, not the working behind it. */
  toJSON(): MatchResult {
    return { normalized: this.normalized, signals: this.signals, candidates: this.candidates, decision: this.decision };
  }
}

/** Entries only a common code pointed at, not ruled out: a few, enough to know whether to list them. */
function deferredPartials(deferred: CompiledEntry[][], tallies: Map<string, Tally>, updates: string[], errors: string[]): string[] {
  const ids = new Set<string>();
  for (const listing of deferred) {
    for (const entry of listing) {
      if (tallies.has(entry.id) || ids.has(entry.id) || isExcluded(entry, updates, errors)) continue;
      ids.add(entry.id);
      // One past the largest list the bot would show is enough to know it should not list them.
      if (ids.size > COMMON_CODE_ENTRIES) return [...ids];
    }
  }
  return [...ids];
}

/** What in a matched message rules `entry` out (empty when nothing does). */
export function exclusionsFor(entry: CompiledEntry, result: MatchResult): string[] {
  const excludedBy = result.signals.phrases.filter((p) => p.entryId === entry.id && p.role === 'exclude').map((p) => `phrase "${p.phrase}"`);
  if (entry.exclude.patterns.length > 0) excludedBy.push(...patternExclusions(entry, result.normalized.toLowerCase()));
  return [...excludedBy, ...signalExclusions(entry, result.signals.updates, result.signals.errors)];
}

/** The entry's regex exclusions that the lowercased message holds, as reasons. */
function patternExclusions(entry: CompiledEntry, lower: string): string[] {
  return entry.exclude.patterns.filter((pattern) => pattern.regex!.test(lower)).map((pattern) => `phrase ${pattern.text}`);
}

function signalExclusions(entry: CompiledEntry, updates: string[], errors: string[]): string[] {
  const excludedBy: string[] = [];
  for (const u of updates) {
    if (entry.exclude.updates.has(u)) excludedBy.push(`update ${u}`);
    else if (entry.exclude.otherUpdates && !entry.updates.has(u)) excludedBy.push(`another update ${u}`);
  }
  for (const e of errors) {
    if (entry.exclude.errors.has(e)) excludedBy.push(`error ${e}`);
    else if (entry.exclude.otherErrors && !entry.errors.has(e)) excludedBy.push(`another error ${e}`);
  }
  return excludedBy;
}

/** The cheap part of judging one entry: enough to decide, nothing to explain yet. */
interface Verdict {
  tally: Tally;
  score: number;
  qualified: boolean;
  excluded: boolean;
  /** Hit by an update it lists, an error code or a phrase (not just an unlisted update). */
  specific: boolean;
}

function weigh(t: Tally, updates: string[], errors: string[]): Verdict {
  const { entry } = t;
  const excluded = t.excludedBy.length > 0 || isExcluded(entry, updates, errors);
  const kinds: Record<SignalKind, boolean> = {
    updates: t.updates.length + t.unlistedUpdates.length > 0,
    errors: t.errors.length > 0,
    phrases: t.phrases.length > 0,
  };
  const met = (!entry.requireAny || entry.requireAny.some((k) => kinds[k])) && entry.requireAll.every((k) => kinds[k]);
  const score =
    WEIGHT.update * t.updates.length + WEIGHT.unlistedUpdate * t.unlistedUpdates.length + WEIGHT.error * t.errors.length + WEIGHT.phrase * t.phrases.length;
  const anyHit = kinds.updates || kinds.errors || kinds.phrases;
  return { tally: t, score, qualified: anyHit && !excluded && met, excluded, specific: t.updates.length + t.errors.length + t.phrases.length > 0 };
}

// The same rules as signalExclusions, without building the reasons.
function isExcluded(entry: CompiledEntry, updates: string[], errors: string[]): boolean {
  const ex = entry.exclude;
  for (const u of updates) if (ex.updates.has(u) || (ex.otherUpdates && !entry.updates.has(u))) return true;
  for (const e of errors) if (ex.errors.has(e) || (ex.otherErrors && !entry.errors.has(e))) return true;
  return false;
}

/** The readable account of one verdict, for explanations and logs. */
function explainVerdict(v: Verdict, updates: string[], errors: string[]): Candidate {
  const { tally: t } = v;
  const { entry } = t;
  const kinds: Record<SignalKind, boolean> = {
    updates: t.updates.length + t.unlistedUpdates.length > 0,
    errors: t.errors.length > 0,
    phrases: t.phrases.length > 0,
  };
  const unmet: string[] = [];
  if (entry.requireAny && !entry.requireAny.some((k) => kinds[k])) unmet.push(`require_any: ${entry.requireAny.join(' or ')}`);
  const missingAll = entry.requireAll.filter((k) => !kinds[k]);
  if (missingAll.length > 0) unmet.push(`require_all: ${missingAll.join(' and ')} missing`);
  return {
    entryId: entry.id,
    score: v.score,
    hits: [
      ...t.updates.map((u) => `update ${u}`),
      ...t.unlistedUpdates.map((u) => `unlisted update ${u}`),
      ...t.errors.map((e) => `error ${e}`),
      ...t.phrases.map((p) => `phrase "${p}"`),
    ],
    qualified: v.qualified,
    excludedBy: [...t.excludedBy, ...signalExclusions(entry, updates, errors)],
    unmet,
  };
}

function decide(verdicts: Verdict[], deferred: () => string[]): Decision {
  const qualified = verdicts.filter((v) => v.qualified);
  if (qualified.length > 0) {
    const top = qualified.filter((v) => v.score === qualified[0].score);
    // Equal evidence for two entries is a question for the employee, not a coin toss.
    return top.length === 1 ? { kind: 'match', entryId: top[0].tally.entry.id } : { kind: 'ambiguous', entryIds: top.map((v) => v.tally.entry.id) };
  }
  // Entries that share a specific signal (an error code, say) but need more to be sure: ask.
  // An unlisted update alone says nothing about which entry applies.
  const partial = [...verdicts.filter((v) => !v.excluded && v.specific).map((v) => v.tally.entry.id), ...deferred()];
  return partial.length > 0 ? { kind: 'ambiguous', entryIds: partial } : { kind: 'none' };
}

/**
 * The stem each word of the message stands for in the knowledge (reading near-misses of known
 * words as those words), or null for words no phrase uses.
 */
function messageStems(kb: KnowledgeBase, typed: string[], corrections: Signals['corrections']): Array<string | null> {
  const known = readingsOf(kb);
  return typed.map((word) => {
    // Digits are exact (never stemmed, never corrected), and a log's numbers are mostly unique.
    if (HAS_DIGIT.test(word)) return kb.phrases.stems.has(word) ? word : null;
    let reading = known.get(word);
    if (!reading) {
      reading = readWord(kb, word);
      if (known.size >= READINGS_LIMIT) known.clear();
      known.set(word, reading);
    }
    if (reading.correction) corrections.push({ ...reading.correction });
    return reading.stem;
  });
}

const HAS_DIGIT = /\d/;

interface Reading {
  stem: string | null;
  correction?: { typed: string; as: string };
}

/**
 * Readings remembered per knowledge base: chat and pasted logs repeat their words, and a word's
 * reading (stem, typo correction) depends only on the knowledge. Cleared when full.
 */
const readings = new WeakMap<KnowledgeBase, Map<string, Reading>>();
const READINGS_LIMIT = 50_000;

function readingsOf(kb: KnowledgeBase): Map<string, Reading> {
  let known = readings.get(kb);
  if (!known) {
    known = new Map();
    readings.set(kb, known);
  }
  return known;
}

function readWord(kb: KnowledgeBase, word: string): Reading {
  const own = stem(word);
  if (kb.phrases.stems.has(own)) return { stem: own };
  const corrected = kb.vocabulary.correct(word);
  if (corrected === null || corrected === word) return { stem: null };
  return { stem: stem(corrected), correction: { typed: word, as: corrected } };
}
