/** Fills an entry's questions from what the employee wrote, wherever they wrote it. */
import type { CompiledEntry, CompiledQuestion, Detector, SafeSide } from '../knowledge/knowledgeBase';
import type { Lexicon } from '../knowledge/lexicon';
import { tokenize, type Token } from '../matching/words';
import { CLAUSE_BREAK, findSizes, megabytes, parseYesNo, saysBareNo, saysDontKnow, saysNoSpace, type SizeBound, type SizeReading } from './answers';
import { forSomeOnly, holdsBackYes, inQuestion, restartOrderUnclear, sizeNotStated } from './certainty';
import { afterLastCorrection } from '../matching/selfCorrection';
import { detectListed, negationWords, raisedIn } from '../reading/detect';
import { freeFromUsage } from './usage';
import type { SlotValue } from './state';

type SizeQuestion = Extract<CompiledQuestion, { type: 'size' }>;

/** Characters on each side of a size in which a context word must stand. */
const CONTEXT_CHARS = 48;

export interface TurnReading {
  /** Slots this message fills or changes. */
  filled: Record<string, SlotValue>;
  /** The message says the employee does not know the answer to `pending`. */
  dontKnow: boolean;
}

/**
 * Reads one message for every question of the entry. Phrases count anywhere; a short answer
 * ("yup", "0.3 GB") counts only for the question just asked (`pending`). `earlier`: what the
 * employee wrote before, against which a restart's time is weighed.
 */
export function readTurn(entry: CompiledEntry, lexicon: Lexicon, text: string, pending: string | null, earlier = ''): TurnReading {
  const tokens = tokenize(text);
  const filled: Record<string, SlotValue> = {};
  let heldBack = false;
  for (const question of entry.questions.values()) {
    const value = findAnywhere(question, lexicon, text, question.name === pending, earlier);
    if (value === HELD_BACK) heldBack ||= question.name === pending;
    else if (value) filled[question.name] = value;
  }
  let dontKnow = false;
  const asked = pending ? entry.questions.get(pending) : undefined;
  if (asked && !filled[asked.name]) {
    if (heldBack || saysDontKnow(tokens, lexicon)) dontKnow = true;
    else {
      const direct = directAnswer(asked, lexicon, text, tokens, earlier);
      // An answer only mentioned ("sure, will do it after lunch") is a "don't know": the
      // question's help says how to find out, and a second one hands over.
      if (direct === HELD_BACK) dontKnow = true;
      else if (direct) filled[asked.name] = direct;
    }
  }
  return { filled, dontKnow };
}

/** A reading the message mentions but does not state (see certainty.ts). */
const HELD_BACK = 'held back';
type Reading = SlotValue | typeof HELD_BACK | null;

/** `asAnswer`: the question was just asked, so the whole message is its answer. */
function findAnywhere(q: CompiledQuestion, lexicon: Lexicon, text: string, asAnswer: boolean, earlier: string): Reading {
  switch (q.type) {
    case 'flag': {
      return raisedIn(q.when, text.replace(DISK_STATUS, ' '), { anyForm: true, negation: negationWords(lexicon) }) ? { type: 'flag', value: true } : null;
    }
    case 'yes_no': {
      const reading = yesNoPhrases(q, lexicon, text, asAnswer);
      return reading !== null && reading !== HELD_BACK && reading.type === 'yes_no' && reading.value === 'yes' && restartUnordered(q, lexicon, text, earlier) ? HELD_BACK : reading;
    }
    case 'size': {
      if (q.context.length === 0) return null;
      const sizes = findSizes(text, null, lexicon).filter((s) => saidOf(q.context, around(text, s.index, STATEMENT_BREAK), lexicon));
      return withUsage(stated(text, besideOtherSizes(q, lexicon, text, sizes), lexicon, q), q, lexicon, text, null);
    }
  }
}

// Disk Management's Status column, "Healthy (Boot, Page File, Crash Dump, Basic Data Partition)":
// what the partition holds, not what happened to the PC.
const DISK_STATUS = /\((?=[^()]*\b(?:page file|basic data partition|primary partition|efi system partition|recovery partition)\b)[^()]*\)/gi;

/**
 * The yes/no phrases of a question, clause by clause. A "no" wins. A "yes" counts only when
 * stated: not in a question ("does it need to be restarted?"), not beside doubt or intent
 * ("I'll get it restarted tonight"), not about something else ("restarted the update service"),
 * and not against a bare "no" elsewhere ("No. I restarted").
 */
function yesNoPhrases(q: Extract<CompiledQuestion, { type: 'yes_no' }>, lexicon: Lexicon, text: string, asAnswer: boolean): Reading {
  let yes = false;
  let heldBack = false;
  for (const { clause, question } of clausesOf(text)) {
    const tokens = tokenize(clause);
    const lower = clause.toLowerCase();
    const no = detectListed(q.noWhen, tokens, lower, { negation: negationWords(lexicon) });
    if (no && !no.negated) return { type: 'yes_no', value: 'no' };
    const found = no ?? detectListed(q.yesWhen, tokens, lower, { negation: negationWords(lexicon) });
    if (!found) continue;
    if (found !== no && found.negated) return { type: 'yes_no', value: 'no' };
    // A clause that ends in a "no" ("Rebooted: no") leaves it unclear.
    // A pattern the support lead wrote ("kb5057589") names a fact, whatever else the clause says
    // ("KB5057589 won't install"); words are weighed for doubt and intent.
    const weighed = found.detector.regex === undefined || asAnswer;
    // "Is the KB5057589 error a big deal?" names the update; "is it KB5057589?" guesses it.
    const asked = question && !(found.detector.regex !== undefined && namedInQuestion(found.detector.regex, lower));
    if (asked || (weighed && holdsBackYes(asAnswer ? text : clause, lexicon, asksAboutRestart(q))) || endsInNo(tokens, lexicon)) heldBack = true;
    else yes = true;
  }
  if (yes) return saysBareNo(text, lexicon) ? null : { type: 'yes_no', value: 'yes' };
  return heldBack ? HELD_BACK : null;
}

/** The lexicon's `free_words` ("free", "left", "frei") as the alternatives of a pattern. */
function freeWordsAlternatives(lexicon: Lexicon): string {
  return lexicon.derive(freeWordsAlternatives, () =>
    lexicon
      .detectors('free_words')
      .flatMap((d) => (d.words && d.words.length > 0 ? [d.words.join('\\s+')] : []))
      .join('|') || '(?!)',
  );
}

function freeWordsPattern(lexicon: Lexicon): RegExp {
  return lexicon.derive(freeWordsPattern, () => new RegExp(`\\b(?:${freeWordsAlternatives(lexicon)})\\b`, 'i'));
}

/** "Rebooted: no": a clause that ends in a plain no leaves a yes in it unclear. */
function endsInNo(tokens: readonly Token[], lexicon: Lexicon): boolean {
  const last = tokens.at(-1)?.word;
  return last !== undefined && lexicon.singles('no').has(last);
}

/** A restart question answered at a time that cannot be put after the update. */
function restartUnordered(q: Extract<CompiledQuestion, { type: 'yes_no' }>, lexicon: Lexicon, text: string, earlier: string): boolean {
  return asksAboutRestart(q) && restartOrderUnclear(text, earlier, lexicon);
}

/** Whether a question asks about a restart since the update: its entry chose that reader by name. */
export function asksAboutRestart(q: CompiledQuestion): q is Extract<CompiledQuestion, { type: 'yes_no' }> {
  return q.type === 'yes_no' && q.reader === 'restart_since_update';
}

// A question about what the thing is, rather than about the thing: "is it KB5057589?", "could
// this be the KB5057589 one?", "is KB5057589 the one that is harmless?", "KB5057589 or KB5034441?".
const GUESS = /\b(?:(?:is|was|could|would|might|may|can)\s+(?:it|this|that|mine|yours)|(?:it|this|that|mine)\s+(?:is|was|be)|the one|which|what(?:\s+is|'s)|or|maybe|perhaps|possibly|probably)\b/;

/**
 * Whether a question clause still states the fact a support lead's pattern names: it is not a
 * guess at what the thing is, and says more than the fact itself ("KB5057589?" alone is unsure).
 */
function namedInQuestion(pattern: RegExp, lowerClause: string): boolean {
  const at = lowerClause.search(pattern);
  // The guess comes before what it guesses at ("is it KB5057589?"); after it, the question is
  // about the update ("KB5057589 error - is it the cosmetic one?"). "Is KB5057589 the one...?"
  // and "KB5057589 or KB5034441?" ask which it is wherever their words stand.
  if (at >= 0 && GUESS.test(lowerClause.slice(0, at))) return false;
  if (ASKS_WHICH.test(lowerClause)) return false;
  return tokenize(lowerClause.replace(pattern, ' ')).length > 1;
}

const ASKS_WHICH = /^\W*(?:is|was|could|would|might)\s+kb|\bor\b|\bthe one\b/;

/** The clauses of a text, each with whether its sentence is a question. */
function clausesOf(text: string): Array<{ clause: string; question: boolean }> {
  const out: Array<{ clause: string; question: boolean }> = [];
  for (const sentence of text.split(SENTENCE_END)) {
    // Only the clause the question mark ends is asked: in "I rebooted twice, what should I do?"
    // the restart is stated.
    const clauses = sentence.split(CLAUSE_BREAK).filter((clause) => clause.trim() !== '');
    const asks = sentence.trimEnd().endsWith('?');
    clauses.forEach((clause, i) => out.push({ clause, question: asks && i === clauses.length - 1 }));
  }
  return out;
}

// After sentence punctuation and a space ("1.5 GB" stays whole), or at a line break.
const SENTENCE_END = /(?<=[.!?])\s+|\n+/;

// Where a sentence ends: what a size is about may be said anywhere in it ("the recovery
// partition is 1 GB but only 120 MB free"); other things are ruled out clause by clause.
// An abbreviation's point ends nothing: "recovery part. has 200MB free".
const STATEMENT_BREAK = /(?<!\b(?:part|approx|vol))[.!?;](?=\s|$)|\n/g;

/**
 * The text around a size up to the nearest breaks, at most CONTEXT_CHARS on each side. What a
 * size is about is said in its statement ("recovery partition: 450 MB total, 50 MB free"); what
 * it is not about, in its own clause ("rebooted, C: drive has 50 GB free").
 */
function around(text: string, index: number, breaks: RegExp): string {
  const { start, end } = spanAround(text, index, breaks);
  return text.slice(start, end);
}

function spanAround(text: string, index: number, breaks: RegExp): { start: number; end: number } {
  const from = Math.max(0, index - CONTEXT_CHARS);
  let start = from;
  let end = Math.min(text.length, index + CONTEXT_CHARS);
  for (const m of text.slice(from, end).matchAll(breaks)) {
    const at = from + m.index;
    if (at < index) start = at + m[0].length;
    else {
      end = at;
      break;
    }
  }
  return { start, end };
}

/**
 * The safest of the sizes the text states (see safest); HELD_BACK when there were sizes but each was only
 * mentioned (asked about, doubted, quoted, denied: see certainty.ts).
 */
function stated(text: string, sizes: readonly SizeReading[] | typeof HELD_BACK, lexicon: Lexicon, q: SizeQuestion): Reading {
  if (sizes === HELD_BACK || (sizes.length > 0 && forSomeOnly(text, lexicon))) return HELD_BACK;
  const read = correctedSizes(text, sizes, lexicon).map((s) => {
    const { start, end } = spanAround(text, s.index, CLAUSE_BREAK);
    return { size: s, status: sizeNotStated(text.slice(start, end), text.slice(start, s.index), inQuestion(text, s.index), s.bound !== undefined, lexicon) };
  });
  const meant = read.filter((r) => r.status === 'stated').map((r) => r.size);
  if (meant.length === 0 && sizes.length > 0) return HELD_BACK;
  const chosen = safest(meant, q.safeSide);
  // "800 MB, or maybe 1.2 GB" where 1 GB or more escalates: the doubted figure could be the
  // true one, and it would decide otherwise. ("2 GB I think... yes 2.04 GB" decides alike.)
  const band = (mb: number) => q.thresholdsMb.filter((limit) => mb >= limit).length;
  if (chosen?.type === 'size' && read.some((r) => r.status === 'doubted' && band(r.size.mb) !== band(chosen.mb))) return HELD_BACK;
  return chosen;
}

/** The sizes after the text's last self-correction when there are some ("150 MB - no sorry, 1.5 GB"), otherwise all. */
function correctedSizes(text: string, sizes: readonly SizeReading[], lexicon: Lexicon): readonly SizeReading[] {
  if (sizes.length < 2) return sizes;
  const corrected = afterLastCorrection(text, lexicon);
  if (corrected < 0) return sizes;
  const after = sizes.filter((s) => s.index >= corrected);
  return after.length > 0 ? after : sizes;
}

/**
 * The sizes not about something else. When some are ("529 MB, 480 MB used"), the others count
 * only where they are called free or said of the subject ("C: has 500 MB free, the recovery
 * partition only 100 MB"): beside a used or total figure, a bare one may be the total.
 */
function besideOtherSizes(q: SizeQuestion, lexicon: Lexicon, text: string, sizes: readonly SizeReading[]): SizeReading[] | typeof HELD_BACK {
  const own = sizes.filter((s) => !aboutSomethingElse(q, lexicon, text, s.index));
  // A fullness said without a figure ("529 MB, 95% full") makes a bare figure the likely total.
  const free = freeWordsPattern(lexicon);
  if (own.some((s) => !free.test(around(text, s.index, CLAUSE_BREAK))) && fullnessApart(text, sizes)) return HELD_BACK;
  if (own.length === sizes.length) return own;
  // Beside a used or total figure of the same thing, only "free" says which figure is free.
  const beside = sizes.filter((s) => !own.includes(s));
  const usage = beside.some((s) => USAGE.test(around(text, s.index, CLAUSE_BREAK)));
  const named = own.filter((s) => {
    const clause = around(text, s.index, CLAUSE_BREAK);
    return free.test(clause) || (!usage && saidOf(q.context, clause, lexicon));
  });
  return named.length === own.length ? own : HELD_BACK;
}

/** Whether a clause with no size in it says how full or used something is. */
function fullnessApart(text: string, sizes: readonly SizeReading[]): boolean {
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((m) => ({ at: m.index, length: m[0].length }));
  breaks.push({ at: text.length, length: 0 });
  let start = 0;
  for (const { at, length } of breaks) {
    if (!sizes.some((s) => s.index >= start && s.index < at) && FULLNESS.test(text.slice(start, at))) return true;
    start = at + length;
  }
  return false;
}

const FULLNESS = /\b(full|used|in use|occupied)\b|\d\s?%/i;
const USAGE = /\b(used|in use|capacity|total|full|size|healthy)\b|%/i;

/**
 * `read` weighed against the free space worked out from used, total or full figures (usage.ts):
 * the smaller counts, as with several sizes, and a working-out only mentioned (asked, doubted)
 * holds the answer back. `defaultUnitMb` is given for a direct answer; without it (a message the
 * bot did not ask for) the figures must be said of the subject. They must not be about something
 * else, judged without the words that say how space is used, since those are what the
 * working-out reads.
 */
function withUsage(read: Reading, q: SizeQuestion, lexicon: Lexicon, text: string, defaultUnitMb: number | null): Reading {
  // Worked out from used, total or full figures only where the question chose that reader.
  if (q.reader !== 'free_space_from_usage') return read;
  const derived = freeFromUsage(text, defaultUnitMb, freeWordsAlternatives(lexicon), lexicon);
  if (!derived) return read;
  // A table's row of the recovery partition is the answer: the other rows are other partitions.
  if (derived.table) return stated(text, [{ mb: derived.mb, said: derived.said, index: derived.at[0] }], lexicon, q);
  if (derived.at.some((at) => saidOf(q.notAbout, around(text, at, CLAUSE_BREAK).replace(USAGE_WORDS, ' '), lexicon))) return read;
  if (defaultUnitMb === null && !saidOf(q.context, around(text, derived.at[0], STATEMENT_BREAK), lexicon)) return read;
  const worked = stated(text, [{ mb: derived.mb, said: derived.said, index: derived.at[0], ...(derived.bound && { bound: derived.bound }) }], lexicon, q);
  if (read === null || read === HELD_BACK || worked === HELD_BACK) return worked;
  if (worked === null || worked.type !== 'size' || read.type !== 'size') return read;
  return (q.safeSide === 'least' ? worked.mb < read.mb : worked.mb > read.mb) ? worked : read;
}

// ("The partition is 600 MB" is its total: what a working-out starts from.)
const USAGE_WORDS = /\b(?:used|in use|uses|using|taken|occupied|capacity|total|full|size|healthy|percent|(?<=\bpartition )is)\b|%/gi;

function aboutSomethingElse(q: SizeQuestion, lexicon: Lexicon, text: string, index: number): boolean {
  return saidOf(q.notAbout, around(text, index, CLAUSE_BREAK), lexicon);
}

function saidOf(detectors: readonly Detector[], clause: string, lexicon: Lexicon): boolean {
  return detectors.length > 0 && detectListed(detectors, tokenize(clause), clause.toLowerCase(), { anyForm: true, negation: negationWords(lexicon) }) !== null;
}

function directAnswer(q: CompiledQuestion, lexicon: Lexicon, text: string, tokens: Token[], earlier: string): Reading {
  switch (q.type) {
    case 'yes_no': {
      const value = parseYesNo(text, lexicon);
      if (value === 'yes' && (holdsBackYes(text, lexicon, asksAboutRestart(q)) || inQuestion(text, 0) || restartUnordered(q, lexicon, text, earlier))) return HELD_BACK;
      return value ? { type: 'yes_no', value } : null;
    }
    case 'size': {
      // The question was asked, so a size answers it unless its clause says it is about something else.
      const all = findSizes(text, q.unitMb, lexicon);
      if (all.length === 0 && saysNoSpace(tokens, lexicon)) return { type: 'size', mb: 0 };
      return withUsage(stated(text, besideOtherSizes(q, lexicon, text, all), lexicon, q), q, lexicon, text, q.unitMb);
    }
    case 'flag':
      return null;
  }
}

// Several sizes in one answer: trust the one least in favour of a resolution (the flow decides
// which side that is: for free space, the smallest).
function safest(sizes: readonly SizeReading[], side: SafeSide): SlotValue | null {
  if (sizes.length === 0) return null;
  const least = sizes.reduce((a, b) => ((side === 'least' ? b.mb < a.mb : b.mb > a.mb) ? b : a));
  return { type: 'size', mb: least.mb, ...(least.bound && { bound: least.bound }), ...(least.upToMb !== undefined && { upToMb: least.upToMb }), said: least.said };
}

/** Readable form of an answer, for escalations and placeholders. */
export function describeSlot(value: SlotValue): string {
  switch (value.type) {
    case 'yes_no':
      return value.value;
    case 'flag':
      return value.value ? 'yes' : 'no';
    case 'size': {
      if (value.bound === 'between') return `between ${megabytes(value.mb)} and ${megabytes(value.upToMb ?? value.mb)}`;
      // As the employee wrote it ("0.4 GB", not "409.6 MB"), when they wrote it.
      const size = value.said ?? megabytes(value.mb);
      if (value.bound === 'unitless') return `${megabytes(value.mb)} (no unit given)`;
      return value.bound ? `${BOUND_WORDS[value.bound]} ${size}` : size;
    }
  }
}

const BOUND_WORDS: Record<Exclude<SizeBound, 'unitless'>, string> = { below: 'less than', at_most: 'at most', above: 'more than', at_least: 'at least', about: 'about', between: 'between' };
