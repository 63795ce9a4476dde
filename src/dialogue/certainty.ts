/**
 * Whether an answer is stated or only mentioned. "Restarted" in "does it need to be restarted?"
 * or "I'll get it restarted tonight", and "250 MB" in "it needs 250 MB, right?" or "should be
 * 500 MB, didn't check", are not answers. Such readings are dropped and the bot asks: the one
 * thing it must never do is say "safe to ignore" on an answer nobody gave.
 */
import { words } from '../matching/words';
import { CLAUSE_BREAK, indexOfRun } from './answers';

// Doubt, intent and self-correction: a "yes" next to these is not yet a yes.
const NOT_YET = new Set([
  'think',
  'guess',
  'maybe',
  'perhaps',
  'probably',
  'might',
  'may',
  'unsure',
  'remember',
  'whether',
  'assume',
  'suppose',
  'believe',
  'hopefully',
  'if',
  'will',
  'gonna',
  'going',
  'later',
  'tonight',
  'tomorrow',
  'soon',
  'postpone',
  'postponed',
  'need',
  'needs',
  'required',
  'requires',
  'asked',
  'wants',
  'pending',
  'should',
  // ("Actually" alone is emphasis: "yes I did, twice actually". A correction says more: "wait",
  // "meant", or a no.)
  'wait',
  'meant',
  'correction',
  // Not a restart: sleep, hibernation, a closed lid, a shutdown (Fast Startup resumes it).
  'sleep',
  'asleep',
  'hibernate',
  'hibernated',
  'lid',
  'shutdown',
]);
const NOT_YET_RUNS: ReadonlyArray<readonly string[]> = [
  ['not', 'sure'],
  ['no', 'idea'],
  ['have', 'to'],
  ['has', 'to'],
  ['do', 'not', 'know'],
  ['before', 'the', 'update'],
  ['before', 'the', 'install'],
  ['before', 'installing'],
  ['before', 'it', 'installed'],
  ['update', 'came'],
  ['update', 'only', 'came'],
  ['update', 'arrived'],
  ['was', 'before'],
  ['shut', 'down'],
  ['logged', 'off'],
  ['logged', 'out'],
  ['signed', 'out'],
  ['log', 'off'],
  ['shut', 'it', 'down'],
  ['turned', 'it', 'off'],
  ['does', 'that', 'count'],
  ['does', 'it', 'count'],
  ['is', 'that', 'enough'],
  ['is', 'that', 'the', 'same'],
];

// The same for a size, which may also be quoted ("it needs 250 MB") or remembered ("before").
const SIZE_NOT_YET = new Set(['think', 'guess', 'maybe', 'perhaps', 'probably', 'might', 'should', 'unsure', 'need', 'needs', 'needed', 'required', 'requires', 'minimum', 'before', 'if', 'whether', 'expect', 'supposed']);
const SIZE_NOT_YET_RUNS: ReadonlyArray<readonly string[]> = [
  ['not', 'sure'],
  ['no', 'idea'],
  ['did', 'not', 'check'],
  ['have', 'not', 'checked'],
  ['not', 'checked'],
];

// A figure for some of several machines.
const SOME_OF_THEM = /\b(?:one|two|three|four|five|six|some|a few|few|most|several|half|\d+) of (?:them|those|these|the (?:\w+ )?(?:laptops|pcs|machines|computers|devices|desktops))\b/i;

// A negation just before a figure denies it: "it's not 300 MB", "nowhere near 250 MB".
const DENIALS = new Set(['not', 'no', 'nowhere', 'never', 'nor']);
const DENIAL_REACH = 3;

// Something other than the PC restarted: "restarted the windows update service".
const RESTARTED_THINGS = new Set(['service', 'services', 'installation', 'install', 'installer', 'download', 'router', 'app', 'application', 'program', 'outlook', 'teams', 'browser', 'explorer', 'process', 'wifi', 'vpn', 'modem', 'update', 'updates']);
const RESTART_WORDS = new Set(['restart', 'restarted', 'restarting', 'reboot', 'rebooted', 'rebooting']);
const ARTICLES = new Set(['the', 'a', 'my', 'windows', 'that', 'this']);

/**
 * Whether the text holds back a "yes": doubt, intent, correction, or a restart of something else.
 * Questions the employee adds are left out ("yes, I restarted. what should I do now?").
 */
export function holdsBackYes(written: string): boolean {
  // "shutdown /r" is the command that restarts.
  const text = written.replace(SHUTDOWN_RESTART, 'restart');
  const typed = words(statementsOf(text));
  if (typed.some((w) => NOT_YET.has(w)) || NOT_YET_RUNS.some((run) => indexOfRun(typed, run) >= 0)) return true;
  // "Yes on Friday, the update failed on Monday though": two times, and no saying which came first.
  if (UPDATE_AT_A_TIME.test(text) && !typed.includes('after') && !typed.includes('since')) return true;
  // Clause by clause: in "rebooted, windows update still fails" the update was not restarted;
  // in "I restarted this morning before it came in" the restart came first.
  return text.split(CLAUSE_BREAK).some((clause) => {
    const inClause = words(clause);
    if (BEFORE_IT.test(clause) && inClause.some((w) => RESTART_WORDS.has(w) || ANSWER_WORDS.has(w))) return true;
    return inClause.some((w, i) => RESTART_WORDS.has(w) && restartsSomethingElse(inClause, i + 1));
  });
}

// Before the update, said without naming it: "before it came in", "before that". ("Before my
// 9 o'clock" says nothing about the update.)
const BEFORE_IT = /\bbefore (?:it|that|this|then|the (?:update|install\w*|error|message|failure|problem|patch))\b/i;
const SHUTDOWN_RESTART = /\bshutdown(?:\.exe)?\s+[/-]r\b/gi;
const ANSWER_WORDS = new Set(['yes', 'yep', 'yeah', 'yup', 'did', 'done']);
// The update said to have happened at a time of its own.
const UPDATE_AT_A_TIME =
  /\b(?:update|it)\b[^.;!?]{0,30}?\b(?:failed|came|arrived|installed|appeared|showed up|popped up)\b[^.;!?]{0,20}?\b(?:on|at|yesterday|today|tonight|this|last|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

function restartsSomethingElse(typed: readonly string[], from: number): boolean {
  let i = from;
  while (i < typed.length && ARTICLES.has(typed[i])) i++;
  return i < typed.length && RESTARTED_THINGS.has(typed[i]);
}

/**
 * Whether a size is only mentioned: asked about, doubted, quoted as a requirement, remembered,
 * or denied. `clause` is the size's clause; `before` its words up to the figure; `question` says
 * whether its sentence asks something.
 */
export function sizeNotStated(clause: string, before: string, question: boolean, bounded: boolean): boolean {
  if (question) return true;
  const typed = words(clause);
  if (typed.some((w) => SIZE_NOT_YET.has(w)) || SIZE_NOT_YET_RUNS.some((run) => indexOfRun(typed, run) >= 0)) return true;
  // "not even 250 MB" is a bound, read as such; other negations deny the figure.
  if (bounded) return false;
  return words(before).slice(-DENIAL_REACH).some((w) => DENIALS.has(w));
}

// A time or a day something happened: "this morning", "on Monday", "7:58", "4/8/2025".
const WHEN =
  /\b(?:this (?:morning|afternoon|evening)|tonight|overnight|last night|yesterday|today|earlier|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|last week|over the weekend|\d{1,2}:\d{2}|\d{1,2}\s?(?:am|pm)|at \d{1,2}|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d{4}-\d{2}-\d{2})\b/i;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
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
function restartNamedLater(message: string, earlier: string): boolean {
  const restartDay = WEEKDAY.exec(message)?.[1].toLowerCase();
  const updateDay = WEEKDAY.exec(earlier)?.[1].toLowerCase();
  if (restartDay && updateDay) return WEEKDAYS.indexOf(restartDay) > WEEKDAYS.indexOf(updateDay);
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
export function restartOrderUnclear(message: string, earlier: string): boolean {
  if (/\b(?:after|since)\b/i.test(message)) return false;
  if (UPDATE_AT_A_TIME.test(message)) return true;
  return WHEN.test(message) && WHEN.test(earlier) && !restartNamedLater(message, earlier);
}

/** Whether the text gives figures for only some of several machines ("I checked two of them"). */
export function forSomeOnly(text: string): boolean {
  return SOME_OF_THEM.test(text);
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
