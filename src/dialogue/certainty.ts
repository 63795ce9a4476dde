/**
 * Whether an answer is stated or only mentioned. "Restarted" in "does it need to be restarted?"
 * or "I'll get it restarted tonight", and "250 MB" in "it needs 250 MB, right?" or "should be
 * 500 MB, didn't check", are not answers. Such readings are dropped and the bot asks: the one
 * thing it must never do is say "safe to ignore" on an answer nobody gave.
 */
import { words } from '../matching/words';
import type { Lexicon } from '../knowledge/lexicon';
import { phrasePattern } from '../reading/says';
import { CLAUSE_BREAK, indexOfRun } from './answers';

/**
 * The words of certainty, from the shared lexicon: `not_yet` (doubt, intent, a question back:
 * "I think", "will", "does that count"), `size_not_stated` ("should be", "didn't check"),
 * `denials`, `for_some_only` ("two of them"), and for the restart reader `not_a_restart` (sleep,
 * a closed lid, a shutdown), `before_the_update`, `update_at_a_time`, `restarted_things`
 * ("restarted the router"), `restart_words` and `determiners`. Built once per lexicon.
 */
interface CertaintyWords {
  notYet: Phrases;
  sizeNotStated: Phrases;
  sizeDoubted: Phrases;
  notARestart: Phrases;
  beforeTheUpdate: Phrases;
  denials: ReadonlySet<string>;
  restartedThings: ReadonlySet<string>;
  restartWords: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  yes: ReadonlySet<string>;
  forSomeOnly: readonly RegExp[];
  updateAtATime: readonly RegExp[];
  beforeIt: RegExp | null;
  /** Each language's weekdays, Monday first. */
  weekdays: ReadonlyArray<readonly string[]>;
  /** Words that put something at a time ("yesterday", "gestern", "ce matin"). */
  timeWords: Phrases;
}

/** Single words and runs of words, found among a text's words. */
interface Phrases {
  words: ReadonlySet<string>;
  runs: ReadonlyArray<readonly string[]>;
}

function certaintyWords(lexicon: Lexicon): CertaintyWords {
  return lexicon.derive(certaintyWords, () => {
    const phrases = (key: string): Phrases => ({ words: lexicon.singles(key), runs: lexicon.runs(key).filter((run) => run.length > 1) });
    const patterns = (key: string) => lexicon.detectors(key).flatMap((d) => (d.regex ? [new RegExp(d.regex.source, 'i')] : []));
    return {
      notYet: phrases('not_yet'),
      sizeNotStated: phrases('size_not_stated'),
      sizeDoubted: phrases('size_doubted'),
      notARestart: phrases('not_a_restart'),
      beforeTheUpdate: phrases('before_the_update'),
      denials: lexicon.singles('denials'),
      restartedThings: lexicon.singles('restarted_things'),
      restartWords: lexicon.singles('restart_words'),
      determiners: lexicon.singles('determiners'),
      yes: lexicon.singles('yes'),
      forSomeOnly: patterns('for_some_only'),
      updateAtATime: patterns('update_at_a_time'),
      beforeIt: phrasePattern(lexicon, 'before_it'),
      weekdays: lexicon.lists('weekdays'),
      timeWords: phrases('time_words'),
    };
  });
}

function says(typed: readonly string[], phrases: Phrases): boolean {
  return typed.some((word) => phrases.words.has(word)) || phrases.runs.some((run) => indexOfRun(typed, run) >= 0);
}

// A negation just before a figure denies it: "it's not 300 MB", "nowhere near 250 MB".
const DENIAL_REACH = 3;

/**
 * Whether the text holds back a "yes": doubt, intent or correction; for a restart since the
 * update (`restart`: the question's reader), also sleep or a shutdown, a time before the update,
 * or a restart of something else. Questions the employee adds are left out ("yes, I restarted.
 * what should I do now?").
 */
export function holdsBackYes(written: string, lexicon: Lexicon, restart: boolean): boolean {
  const w = certaintyWords(lexicon);
  // "shutdown /r" is the command that restarts.
  const text = written.replace(SHUTDOWN_RESTART, 'restart');
  const typed = words(statementsOf(text));
  if (says(typed, w.notYet)) return true;
  if (!restart) return false;
  if (says(typed, w.notARestart) || says(typed, w.beforeTheUpdate)) return true;
  // "Yes on Friday, the update failed on Monday though": two times, and no saying which came first.
  if (updateTimeUnclear(text, w) && !typed.includes('after') && !typed.includes('since')) return true;
  // Clause by clause: in "rebooted, windows update still fails" the update was not restarted;
  // in "I restarted this morning before it came in" the restart came first.
  return text.split(CLAUSE_BREAK).some((clause) => {
    const inClause = words(clause);
    if (w.beforeIt && saysPattern(w.beforeIt, clause) && inClause.some((word) => w.restartWords.has(word) || w.yes.has(word))) return true;
    return inClause.some((word, i) => w.restartWords.has(word) && restartsSomethingElse(inClause, i + 1, w));
  });
}

const SHUTDOWN_RESTART = /\bshutdown(?:\.exe)?\s+[/-]r\b/gi;

/**
 * Whether the text puts the update (or its error) at a time of its own and does not put the
 * restart at a later one: "I restarted Monday morning, the error popped up Monday afternoon" is
 * unclear, "the error showed up yesterday afternoon; I restarted this morning" is not.
 */
function updateTimeUnclear(text: string, w: CertaintyWords): boolean {
  for (const pattern of w.updateAtATime) {
    const m = pattern.exec(text);
    if (!m) continue;
    // The update's part runs to the end of its clause ("popped up Monday afternoon").
    const after = text.slice(m.index + m[0].length);
    const end = m.index + m[0].length + Math.max(0, after.search(CLAUSE_BREAK) >= 0 ? after.search(CLAUSE_BREAK) : after.length);
    const update = text.slice(m.index, end);
    const rest = text.slice(0, m.index) + ' ' + text.slice(end);
    // Told in order, the update and then the restart ("failed on Monday. Rebooted Tuesday"), a
    // later weekday or hour puts the restart after. Told the other way round, only times
    // relative to today do: "yes on Friday, the update failed on Monday" may be last Friday.
    const toldAfter = text.slice(end);
    if (saysWhen(toldAfter, w) && !saysWhen(text.slice(0, m.index), w)) return !restartNamedLater(toldAfter, update, w);
    return !relativelyLater(rest, update, w);
  }
  return false;
}

function saysPattern(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

function restartsSomethingElse(typed: readonly string[], from: number, w: CertaintyWords): boolean {
  let i = from;
  while (i < typed.length && w.determiners.has(typed[i])) i++;
  return i < typed.length && w.restartedThings.has(typed[i]);
}

/**
 * Whether a size is only mentioned: asked about, doubted, quoted as a requirement, remembered,
 * or denied. `clause` is the size's clause; `before` its words up to the figure; `question` says
 * whether its sentence asks something.
 */
export function sizeNotStated(clause: string, before: string, question: boolean, bounded: boolean, lexicon: Lexicon): SizeStatus {
  if (question) return 'mentioned';
  const w = certaintyWords(lexicon);
  const typed = words(clause);
  if (says(typed, w.sizeDoubted)) return 'doubted';
  if (says(typed, w.sizeNotStated)) return 'mentioned';
  // "not even 250 MB" is a bound, read as such; other negations deny the figure.
  if (bounded) return 'stated';
  return words(before).slice(-DENIAL_REACH).some((word) => w.denials.has(word)) ? 'mentioned' : 'stated';
}

/**
 * How a figure is said: `stated`; `doubted` ("or maybe 200 MB": a possible answer, which must
 * not be on the risky side of the one stated); `mentioned` (asked, quoted as a requirement,
 * remembered, denied: not an answer at all).
 */
export type SizeStatus = 'stated' | 'doubted' | 'mentioned';

// A time written in figures: "7:58", "9 am", "at 10", "4/8/2025", "2025-04-09".
const CLOCK_OR_DATE = /\b(?:\d{1,2}:\d{2}|\d{1,2}\s?(?:am|pm)|at \d{1,2}|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d{4}-\d{2}-\d{2})\b/i;

/** Whether the text says when something happened: a weekday, a time word ("this morning", "gestern"), or a time in figures. */
function saysWhen(text: string, w: CertaintyWords): boolean {
  if (CLOCK_OR_DATE.test(text)) return true;
  const typed = words(text);
  return weekdayOf(typed, w) !== undefined || says(typed, w.timeWords);
}

/** The first weekday the words name, as its place in the week (Monday 0), in any language. */
function weekdayOf(typed: readonly string[], w: CertaintyWords): number | undefined {
  for (const word of typed) {
    for (const week of w.weekdays) {
      const day = week.indexOf(word);
      if (day >= 0) return day;
    }
  }
  return undefined;
}
// Times relative to now, in order ("yesterday", then "overnight", then "this morning").
const RELATIVE_RANK: Record<string, number> = { 'last week': 0, yesterday: 1, 'last night': 2, overnight: 2, morning: 3, today: 3, afternoon: 4, evening: 5, tonight: 6 };
const RELATIVE = /\b(last week|yesterday|last night|overnight|morning|today|afternoon|evening|tonight)\b/i;

// A time of day: "at 9:15", "at 10", "2:30 PM".
const CLOCK = /\b(?:at\s+(\d{1,2})(?::(\d{2}))?|(\d{1,2}):(\d{2}))\s*(am|pm)?\b/i;

/** Minutes after midnight of the first time of day in the text, or null. */
function clockMinutes(text: string): number | null {
  const m = CLOCK.exec(text);
  if (!m) return null;
  let hours = Number(m[1] ?? m[3]);
  const minutes = Number(m[2] ?? m[4] ?? 0);
  if (m[5]?.toLowerCase() === 'pm' && hours < 12) hours += 12;
  return hours * 60 + minutes;
}

/** Whether the restart's day or time comes after the update's: "failed Tuesday", "rebooted Wednesday". */
/** Whether the restart's time relative to today comes after the update's, and no weekday or clock blurs it. */
function relativelyLater(restart: string, update: string, w: CertaintyWords): boolean {
  if (weekdayOf(words(restart), w) !== undefined || weekdayOf(words(update), w) !== undefined || clockMinutes(restart) !== null || clockMinutes(update) !== null) return false;
  const r = RELATIVE.exec(restart)?.[1].toLowerCase();
  const u = RELATIVE.exec(update)?.[1].toLowerCase();
  return r !== undefined && u !== undefined && RELATIVE_RANK[r] > RELATIVE_RANK[u];
}

function restartNamedLater(message: string, earlier: string, w: CertaintyWords): boolean {
  const restartDay = weekdayOf(words(message), w);
  const updateDay = weekdayOf(words(earlier), w);
  if (restartDay !== undefined && updateDay !== undefined) return restartDay > updateDay;
  const restartClock = clockMinutes(message);
  const updateClock = clockMinutes(earlier);
  if (restartClock !== null && updateClock !== null) return restartClock > updateClock;
  const restart = RELATIVE.exec(message)?.[1].toLowerCase();
  const update = RELATIVE.exec(earlier)?.[1].toLowerCase();
  return restart !== undefined && update !== undefined && RELATIVE_RANK[restart] > RELATIVE_RANK[update];
}

/**
 * Whether a restart cannot be put after the update: the update is said to have happened at a
 * time of its own, in this message or an earlier one, the restart has a time too ("yes,
 * restarted this morning" after "it failed this afternoon"; a pasted System Boot Time), and
 * nothing says which came first ("after", "since").
 */
export function restartOrderUnclear(message: string, earlier: string, lexicon: Lexicon): boolean {
  if (/\b(?:after|since)\b/i.test(message)) return false;
  const w = certaintyWords(lexicon);
  if (updateTimeUnclear(message, w)) return true;
  return saysWhen(message, w) && saysWhen(earlier, w) && !restartNamedLater(message, earlier, w);
}

/** Whether the text gives figures for only some of several machines ("I checked two of them"). */
export function forSomeOnly(text: string, lexicon: Lexicon): boolean {
  return certaintyWords(lexicon).forSomeOnly.some((pattern) => pattern.test(text));
}

/**
 * Whether the clause at `index` asks something: it ends with a question mark. In "600 MB free,
 * is it safe to ignore?" the size is stated; in "does it have 250 MB free?" it is asked.
 */
export function inQuestion(text: string, index: number): boolean {
  const rest = text.slice(index);
  const end = rest.search(CLAUSE_BREAK);
  return end >= 0 && rest[end] === '?';
}

/** The text without its questions: each clause a question mark ends is dropped. */
function statementsOf(text: string): string {
  if (!text.includes('?')) return text;
  return text
    .split(/(?<=\?)/)
    .map((part) => (part.endsWith('?') ? part.slice(0, Math.max(0, lastBreak(part))) : part))
    .join(' ');
}

function lastBreak(part: string): number {
  let at = 0;
  for (const m of part.slice(0, -1).matchAll(CLAUSE_BREAK)) at = m.index + m[0].length;
  return at;
}
