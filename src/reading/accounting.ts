/**
 * The last stage before an all-clear: every clause the employee wrote must be accounted for.
 * A clause that reports trouble the entry does not account for holds "safe to ignore" back,
 * whatever the answers say. This is what makes the all-clear earned rather than defaulted: the
 * bot need not recognise a problem to refrain from calling things harmless, only notice trouble
 * that is not the issue it knows. The words are the shared lexicon's (knowledge/shared/lexicon).
 */
// Function words of the languages natural ships (not German: the lexicon's known_words has those).
// eslint-disable-next-line @typescript-eslint/no-require-imports
import stopwordsEn = require('natural/lib/natural/util/stopwords');
// eslint-disable-next-line @typescript-eslint/no-require-imports
import stopwordsEs = require('natural/lib/natural/util/stopwords_es');
// eslint-disable-next-line @typescript-eslint/no-require-imports
import stopwordsFr = require('natural/lib/natural/util/stopwords_fr');
// eslint-disable-next-line @typescript-eslint/no-require-imports
import stopwordsIt = require('natural/lib/natural/util/stopwords_it');
// eslint-disable-next-line @typescript-eslint/no-require-imports
import stopwordsNl = require('natural/lib/natural/util/stopwords_nl');
// eslint-disable-next-line @typescript-eslint/no-require-imports
import stopwordsPl = require('natural/lib/natural/util/stopwords_pl');
// eslint-disable-next-line @typescript-eslint/no-require-imports
import stopwordsPt = require('natural/lib/natural/util/stopwords_pt');
import type { CompiledEntry, Detector } from '../knowledge/knowledgeBase';
import type { Lexicon } from '../knowledge/lexicon';
import { allowedEdits, withinEdits } from '../matching/fuzzy';
import { normalizeText } from '../matching/normalize';
import { stem, tokenize, words, type Token } from '../matching/words';
import { detectAll, negationWords, type DetectOptions, type Detection } from './detect';
import { saysDontKnow } from '../dialogue/answers';
import { findErrorCodes, findUpdateIds } from '../matching/signals';
import { segment } from './segment';

/**
 * What a clause is in the conversation. `symptom`: the issue itself, in the entry's own words;
 * `talk`: no trouble in it (answers, the issue's signals, greetings, context); `dont_know`: an
 * answer saying the employee cannot tell; `trouble`: trouble the entry does not account for.
 */
export type ClauseRole = 'symptom' | 'talk' | 'dont_know' | 'trouble';

export interface ClauseAccount {
  /** Which employee message (0-based) the clause is in. */
  turn: number;
  text: string;
  role: ClauseRole;
  /** Why it has that role, for `kb explain` and the escalation record. */
  why: string;
}

export interface Accounting {
  clauses: ClauseAccount[];
  /** The first clause that holds the all-clear back, or null when everything is accounted for. */
  heldBackBy: ClauseAccount | null;
}

/** Accounts for every clause of the employee's messages against one entry. */
export function accountFor(entry: CompiledEntry, lexicon: Lexicon, turns: readonly string[]): Accounting {
  const words = vocabularyFor(entry, lexicon);
  const clauses: ClauseAccount[] = [];
  turns.forEach((turn, i) => {
    // Line by line: normalizing joins lines, and each line of a paste is a statement of its own.
    for (const line of turn.split('\n')) {
      const text = normalizeText(line);
      // A line of a pasted log is one event: its update or error code is what it reports on.
      const logLine = LOG_LINE.test(text) && carriesSignal(text, entry);
      for (const clause of segment(text)) {
        if (clause.text.trim() === '') continue;
        clauses.push({ turn: i, text: clause.text.trim(), ...accountClause(clause.text, clause.question, entry, words, logLine, lexicon) });
      }
    }
  });
  return { clauses, heldBackBy: clauses.find((c) => c.role === 'trouble') ?? null };
}

/** What reading a clause needs of the entry and the lexicon, built once per pair. */
interface ReadingWords {
  trouble: Detector[];
  /** The entry's symptom lists: each lexicon key's, then its own phrases. */
  symptom: Detector[][];
  somethingElse: Detector[];
  changeMarkers: Detector[];
  allWell: Detector[];
  talk: Detector[];
  hypothetical: Detector[];
  conditional: Detector[];
  denials: Detector[];
  /** The lexicon's known words, then the entry's own. */
  known: ReadonlyArray<ReadonlySet<string>>;
  /** Phrases that answer the entry's questions ("restarted", "yes"): a clause with them is an answer. */
  answers: Detector[];
  /** Stems of each of the entry's match phrases, to see a clause name the issue. */
  phraseStems: ReadonlyArray<readonly string[]>;
}

function accountClause(text: string, question: boolean, entry: CompiledEntry, w: ReadingWords, logLine: boolean, lexicon: Lexicon): Pick<ClauseAccount, 'role' | 'why'> {
  // The lexicon's lists are broad and read against everything the employee wrote: no typo
  // tolerance, so that "train" is not "drain".
  const EXACT = { exact: true, negation: negationWords(lexicon) } as const;
  const ANY_FORM = { ...EXACT, anyForm: true } as const;
  const tokens = tokenize(text);
  const lower = text.toLowerCase();
  if (saysDontKnow(tokens, lexicon)) return { role: 'dont_know', why: 'says the employee cannot tell' };
  // "Sorry for the trouble", "no worries": talk whose words look like trouble.
  const masked = new Set<number>();
  for (const hit of detectAll(w.talk, tokens, lower, EXACT)) if (!hit.negated) spanOf(hit).forEach((i) => masked.add(i));
  // "Anything else acting up: no", "crashes? none": a clause that ends in a denial denies it all.
  const denials = startsOf(w.denials, tokens, lower, EXACT);
  const conditions = startsOf(w.conditional, tokens, lower, EXACT);
  const modals = startsOf(w.hypothetical, tokens, lower, EXACT);
  const deniedAtEnd = tokens.length > 1 && denials.has(tokens.length - 1);
  const reported = (hit: Detection) =>
    !hit.negated &&
    hit.at >= 0 &&
    !masked.has(hit.at) &&
    !deniedAtEnd &&
    !within(hit.at, denials, DENIAL_REACH) &&
    // A condition reaches to the end of its clause ("if it ever does start to crash, I come back
    // here?"); in a question, a modal a few words before is a worry ("will it crash?").
    !within(hit.at, conditions, hit.at) &&
    !(question && within(hit.at, modals, MODAL_REACH));
  const own = w.symptom.flatMap((list) => detectAll(list, tokens, lower, ANY_FORM)).filter(reported);
  const ownSpan = new Set(own.flatMap(spanOf));
  const trouble = [...detectAll(w.trouble, tokens, lower, ANY_FORM).filter(reported), ...own];
  const foreign = trouble.filter((hit) => !spanOf(hit).some((i) => ownSpan.has(i)));
  if (foreign.length > 0) return { role: 'trouble', why: `"${said(tokens, foreign[0])}" is trouble this issue does not account for` };
  const counted = new Set([...masked, ...ownSpan, ...trouble.flatMap(spanOf)]);
  // The words the bot does not know, other than those already read (and `also` ones): worked
  // out only where they decide, since a typo check against every known word is the costly part.
  const unknownBesides = (also: ReadonlySet<number> = EMPTY_SET) => tokens.filter((t, i) => !counted.has(i) && !also.has(i) && !isKnown(t, w.known)).map((t) => t.word);
  if (own.length > 0) {
    const unknown = unknownBesides();
    const besides = detectAll(w.somethingElse, tokens, lower, EXACT).find((hit) => !hit.negated && !masked.has(hit.at));
    if (besides) return { role: 'trouble', why: `"${said(tokens, own[0])}" beside "${besides.detector.text}": trouble with something besides this issue` };
    // "KB5057589 failed": named by its update or its own name, the trouble is the issue's.
    if (logLine) return { role: 'symptom', why: `"${said(tokens, own[0])}" is in a log line about this issue` };
    if (namesIssue(text, tokens, entry, w)) return { role: 'symptom', why: `"${said(tokens, own[0])}" is said of this issue, named in the clause` };
    if (unknown.length > 0) return { role: 'trouble', why: `"${said(tokens, own[0])}" is said of ${quoteAll(unknown)}, which this issue does not account for` };
    return { role: 'symptom', why: `"${said(tokens, own[0])}" is this issue's own symptom` };
  }
  // "The fan has been roaring since the update", "search returns nothing anymore": a change, in
  // words the bot does not know, reports trouble without a trouble word.
  // (A marker is not denied by what comes before it: "doesn't return anything anymore".)
  const markers = detectAll(w.changeMarkers, tokens, lower, EXACT);
  if (markers.length > 0) {
    // The markers' own words neither answer nor reassure: in "since the restart my desktop is
    // empty" the restart is when, and in "is it normal that ..." the "normal" is asked.
    const marked = new Set(markers.flatMap(spanOf));
    const outside = (hit: Detection) => !spanOf(hit).some((i) => marked.has(i));
    const answers = detectAll(w.answers, tokens, lower, ANY_FORM).some(outside);
    const reassured = detectAll(w.allWell, tokens, lower, ANY_FORM).some((hit) => !hit.negated && outside(hit));
    const changed = answers || reassured ? [] : unknownBesides(marked);
    if (changed.length > 0) return { role: 'trouble', why: `${quoteAll(changed)}: a change the employee reports ("${markers[0].detector.text}")` };
  }
  return { role: 'talk', why: 'reports no trouble' };
}

/** Whether the clause names the issue: one of its updates, or all the words of one of its phrases. */
function namesIssue(text: string, tokens: readonly Token[], entry: CompiledEntry, w: ReadingWords): boolean {
  if (findUpdateIds(text).some((id) => entry.updates.has(id))) return true;
  const stems = new Set(tokens.map((t) => t.stem));
  return w.phraseStems.some((phrase) => phrase.every((s) => stems.has(s)));
}

/** Token positions a detection covers (its words, and a word it may skip between them). */
function spanOf(hit: Detection): number[] {
  if (hit.at < 0) return [];
  const length = Math.max(1, hit.detector.words?.length ?? 1);
  return Array.from({ length: length === 1 ? 1 : length + 1 }, (_, i) => hit.at + i);
}

function said(tokens: readonly Token[], hit: Detection): string {
  const length = hit.detector.words?.length ?? 1;
  return tokens
    .slice(hit.at, hit.at + length)
    .map((t) => t.word)
    .join(' ');
}

function quoteAll(list: readonly string[]): string {
  return [...new Set(list)]
    .slice(0, 4)
    .map((x) => `"${x}"`)
    .join(', ');
}

/**
 * Whether one of `list` stands within `reach` words before `at`: a denial ("never had a boot
 * problem"), or in a question a modal ("will it crash?": a worry, not a report).
 */
function within(at: number, starts: ReadonlySet<number>, reach: number): boolean {
  for (let i = Math.max(0, at - reach); i < at; i++) if (starts.has(i)) return true;
  return false;
}

/** Where the key's phrases start among the clause's words ("no one", "in case": as whole phrases). */
function startsOf(detectors: Detector[], tokens: readonly Token[], lower: string, options: DetectOptions): Set<number> {
  return new Set(detectAll(detectors, tokens, lower, options).flatMap((hit) => (hit.at >= 0 ? [hit.at] : [])));
}
const DENIAL_REACH = 4;
const EMPTY_SET: ReadonlySet<number> = new Set();
const MODAL_REACH = 5;

// A line that starts with a date and a time, as logs and event exports print them.
const LOG_LINE = /^\W*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ T,]+\d{1,2}:\d{2}/;

function carriesSignal(text: string, entry: CompiledEntry): boolean {
  return findUpdateIds(text).some((id) => entry.updates.has(id)) || findErrorCodes(text).some((code) => entry.errors.has(code));
}

const DIGIT = /\d/;

/** Words that say nothing beyond the issue: function words, the lexicon's known words, the entry's own. */
function isKnown(token: Token, known: ReadonlyArray<ReadonlySet<string>>): boolean {
  if (token.word.length < 2 || DIGIT.test(token.word) || FUNCTION_WORDS.has(token.word) || known.some((set) => set.has(token.word) || set.has(token.stem))) return true;
  // A typo of a known word is that word ("updte", "faild", "enviroment"), as the matcher reads it.
  const edits = allowedEdits(token.word.length);
  if (edits === 0) return false;
  for (const set of known) for (const word of set) if (Math.abs(word.length - token.word.length) <= edits && withinEdits(token.word, word, edits)) return true;
  return false;
}

const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  [stopwordsEn, stopwordsEs, stopwordsFr, stopwordsIt, stopwordsNl, stopwordsPl, stopwordsPt].flatMap((list) => list.words.flatMap((word) => words(word))),
);

/**
 * The lexicon's part, built once per lexicon and shared by every entry: a knowledge base of
 * thousands of entries must not hold a copy of the lexicon per entry.
 */
interface SharedWords {
  known: ReadonlySet<string>;
}

function sharedWords(lexicon: Lexicon): SharedWords {
  return lexicon.derive(sharedWords, () => {
    const known = new Set<string>();
    for (const key of ['known_words', 'talk', 'all_well', 'change_markers', 'hypothetical', 'conditional', 'denials', 'yes', 'no']) for (const word of lexicon.words(key)) known.add(word);
    return { known };
  });
}

/**
 * What reading needs of one entry, worked out per call (it is small, and caching it for every
 * entry a conversation touched would cost more memory than the work it saves).
 */
function vocabularyFor(entry: CompiledEntry, lexicon: Lexicon): ReadingWords {
  const own = new Set<string>();
  const add = (text: string) => {
    for (const word of words(text)) own.add(word).add(stem(word));
  };
  for (const key of entry.symptom.lexicon) for (const word of lexicon.words(key)) own.add(word);
  // The entry's own words: what it is called, what it asks, and how its answers are said.
  [entry.title, entry.label, ...entry.updates, ...entry.errors, ...entry.phrases.filter((p) => p.role === 'match').map((p) => p.text)].forEach(add);
  for (const d of entry.symptom.phrases) add(d.text);
  // The entry's own answer phrases ("restarted", "recovery partition"): a plain yes word may
  // be something else in another language (Italian "si riavvia").
  const answers: Detector[] = [];
  for (const q of entry.questions.values()) {
    if (q.type === 'flag') continue;
    add(q.ask);
    if (q.help) add(q.help);
    if (q.type === 'yes_no') [...q.yesWhen, ...q.noWhen].filter((d) => d.words).forEach((d) => (add(d.text), answers.push(d)));
    if (q.type === 'size') {
      q.context.filter((d) => d.words).forEach((d) => (add(d.text), answers.push(d)));
      q.choices.forEach((c) => add(`${c.label} ${c.answer}`));
    }
  }
  return {
    // Lists as the lexicon and the entry hold them (shared arrays, so detect.ts indexes each once).
    trouble: lexicon.detectors('trouble'),
    symptom: [...entry.symptom.lexicon.map((key) => lexicon.detectors(key)), entry.symptom.phrases],
    somethingElse: lexicon.detectors('something_else'),
    changeMarkers: lexicon.detectors('change_markers'),
    allWell: lexicon.detectors('all_well'),
    talk: lexicon.detectors('talk'),
    hypothetical: lexicon.detectors('hypothetical'),
    conditional: lexicon.detectors('conditional'),
    denials: lexicon.detectors('denials'),
    known: [sharedWords(lexicon).known, own],
    answers,
    phraseStems: entry.phrases.filter((p) => p.role === 'match').map((p) => p.uniqueStems),
  };
}
