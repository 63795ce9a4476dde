/** Reads short answers: yes/no, sizes with units, and "I don't know". */
import type { Lexicon } from '../knowledge/lexicon';
import { tokenize, type Token } from '../matching/words';
import { CLAUSE_BREAK } from '../reading/segment';

export type YesNo = 'yes' | 'no';

/**
 * The words of short answers, from the shared lexicon (knowledge/shared/lexicon: yes, no,
 * dont_know, no_space, filler, denials), built once per lexicon.
 */
interface AnswerWords {
  yes: ReadonlySet<string>;
  yesRuns: ReadonlyArray<readonly string[]>;
  no: ReadonlySet<string>;
  dontKnow: ReadonlyArray<readonly string[]>;
  noSpace: ReadonlyArray<readonly string[]>;
  filler: ReadonlySet<string>;
  /** Words that say there is none: "yes I restarted, and no, nothing else is acting up". */
  none: ReadonlySet<string>;
}

function answerWords(lexicon: Lexicon): AnswerWords {
  return lexicon.derive(answerWords, () => {
    const no = lexicon.singles('no');
    return {
      yes: lexicon.singles('yes'),
      yesRuns: lexicon.runs('yes').filter((run) => run.length > 1),
      no,
      dontKnow: lexicon.runs('dont_know'),
      noSpace: lexicon.runs('no_space'),
      filler: lexicon.singles('filler'),
      none: new Set([...lexicon.singles('denials'), ...no]),
    };
  });
}

/**
 * The unit of an answer that is only a unit ("MB, sorry!", "it's GB"), for a figure given
 * without one just before; null for anything else.
 */
export function unitOnly(tokens: readonly Token[], lexicon: Lexicon): { word: string; mb: number } | null {
  const filler = answerWords(lexicon).filler;
  const units = tokens.filter((t) => UNIT_MB[t.word] !== undefined && t.word.length > 1);
  if (units.length !== 1 || !tokens.every((t) => units.includes(t) || filler.has(t.word) || t.word === 'in')) return null;
  return { word: units[0].word, mb: UNIT_MB[units[0].word] };
}

/** Whether an answer to "how much space" says there is none ("no free space at all", "it's full"). */
export function saysNoSpace(tokens: readonly Token[], lexicon: Lexicon): boolean {
  const words = tokens.map((t) => t.word);
  return answerWords(lexicon).noSpace.some((phrase) => indexOfRun(words, phrase) >= 0);
}

/** Whether the message says the employee does not know ("not sure", "no idea how to check"). */
export function saysDontKnow(tokens: readonly Token[], lexicon: Lexicon): boolean {
  const words = tokens.map((t) => t.word);
  return answerWords(lexicon).dontKnow.some((phrase) => indexOfRun(words, phrase) >= 0);
}

export { CLAUSE_BREAK } from '../reading/segment';

/**
 * A plain yes or no ("yup", "no not yet", "done"), or null when it is neither or both. The first
 * clause that says yes or no answers: in "yes, no problems since" the "no" belongs to the
 * problems. A later clause that is only a yes or a no and says the opposite ("yes and no",
 * "yes I did, no wait, not yet") leaves it unclear.
 */
export function parseYesNo(text: string, lexicon: Lexicon): YesNo | null {
  const w = answerWords(lexicon);
  let answer: YesNo | null | undefined;
  const clauses = text.split(CLAUSE_BREAK).map((clause) => tokenize(clause).map((t) => t.word));
  for (let i = 0; i < clauses.length; i++) {
    const words = clauses[i];
    const reading = yesOrNo(words, w);
    if (reading === undefined) continue;
    if (answer === undefined) answer = reading;
    else if (reading !== answer && words.every((word) => w.yes.has(word) || w.no.has(word) || w.filler.has(word))) {
      // "Yes I restarted, and no, nothing else is acting up": that "no" answers what follows it.
      if (reading === 'no' && (clauses[i + 1] ?? []).some((word) => w.none.has(word))) continue;
      return null;
    }
  }
  return answer ?? null;
}

/** Whether some clause is only a "no" ("No.", "nope, not yet"): it contradicts a "yes" said elsewhere. */
export function saysBareNo(text: string, lexicon: Lexicon): boolean {
  const w = answerWords(lexicon);
  return text.split(CLAUSE_BREAK).some((clause) => {
    const words = tokenize(clause).map((t) => t.word);
    return words.some((word) => w.no.has(word)) && words.every((word) => w.no.has(word) || w.filler.has(word));
  });
}

/** One clause's yes or no; null when it says both, undefined when it says neither. */
function yesOrNo(words: readonly string[], w: AnswerWords): YesNo | null | undefined {
  // "did not" and "done not" say no: a yes word right before "not" is not a yes.
  const yes = words.some((word, i) => w.yes.has(word) && words[i + 1] !== 'not') || w.yesRuns.some((run) => indexOfRun(words, run) >= 0);
  const no = words.some((word) => w.no.has(word));
  // "no, not yet" and "nope" are no; "of course not" is unclear, and unclear is asked again
  // rather than guessed.
  if (no && !yes) return 'no';
  if (yes && !no) return 'yes';
  return yes && no ? null : undefined;
}

/**
 * How a written size relates to the true one: `below` "less than 300 MB", `at_most` "300 MB at
 * most", `above` "more than 300 MB", `at_least` "300 MB or more", `about` "about 300 MB" (taken
 * as within APPROXIMATE of it), `between` "200-300 MB" (`mb` the lower end, `upToMb` the upper),
 * `unitless` "350" (read in the question's unit: enough to hand over on, never to say "safe to
 * ignore" on). Absent: the size itself ("300 MB").
 */
export type SizeBound = 'below' | 'at_most' | 'above' | 'at_least' | 'about' | 'between' | 'unitless';

/** How far "about 300 MB" may be from 300 MB, as a share: near a threshold, an estimate cannot decide. */
export const APPROXIMATE = 0.1;

export interface SizeReading {
  /** The size in MB (1 GB = 1024 MB, as Windows reports). */
  mb: number;
  /** The figure as written, unit included when there was one ("0.4 GB", "300 megs"). */
  said?: string;
  /** The upper end of a range ("200-300 MB"). */
  upToMb?: number;
  bound?: SizeBound;
  /** Character position in the text, to judge which words stand near it. */
  index: number;
}

export const UNIT_MB: Record<string, number> = {
  b: 1 / (1024 * 1024),
  byte: 1 / (1024 * 1024),
  bytes: 1 / (1024 * 1024),
  k: 1 / 1024,
  kb: 1 / 1024,
  kib: 1 / 1024,
  kilobyte: 1 / 1024,
  kilobytes: 1 / 1024,
  m: 1,
  mb: 1,
  mib: 1,
  meg: 1,
  megs: 1,
  mega: 1,
  megabyte: 1,
  megabytes: 1,
  megas: 1,
  mbs: 1,
  g: 1024,
  gb: 1024,
  gib: 1024,
  gig: 1024,
  gigs: 1024,
  gigabyte: 1024,
  gigabytes: 1024,
  gigas: 1024,
  gbs: 1024,
  t: 1024 * 1024,
  tb: 1024 * 1024,
  tib: 1024 * 1024,
  terabyte: 1024 * 1024,
  terabytes: 1024 * 1024,
  // French: octets.
  ko: 1 / 1024,
  mo: 1,
  go: 1024,
};

// A number (decimal point or comma) and an optional unit: "0,4 GB", "1.2G", ".5 GB", "300 megs", "250MB".
// Only unit words count as units, so "200 and 300 MB" keeps 200 as a number.
export const UNITS = Object.keys(UNIT_MB)
  .sort((a, b) => b.length - a.length)
  .join('|');
// A figure inside a fraction or a path ("1/8 GB") is not a size: it would read as 8 GB.
// "209,715,200 bytes": two or more thousands groups are one number.
// PowerShell's unit constants after a division sign are divisors, not sizes ("SizeRemaining /
// 1MB"); what such a division prints has many decimals ("371.8046875").
const SIZE = new RegExp(`(?<![\\w.,/])(?!(?<=/\\s*)1[kmgt]b\\b)(\\d{1,3}(?:,\\d{3}){2,}|\\d{1,9}(?:\\.\\d{4,12}|[.,]\\d{1,3})?|\\.\\d{1,3})(?:\\s*(${UNITS})(?![a-z]))?(?![\\w/%])`, 'gi');
// Words before or after a size that make it a bound, from the lexicon (size_at_least,
// size_at_most, size_below, size_above, size_about; the same with _after for words after the
// figure), tried in this order ("not less than" before "less than"). "almost 250 MB" and "not
// even 250 MB" are under 250: for a threshold of 250, reading them as 250 would be wrong advice.
// The signs (>=, ≤, ~, a trailing +) are the same in every language, and stay here.
const BOUND_ORDER: readonly SizeBound[] = ['at_least', 'at_most', 'below', 'above', 'about'];
const SIGNS_BEFORE: Partial<Record<SizeBound, string>> = { at_least: '>=|\\u2265', at_most: '<=|\\u2264', below: '<', above: '>', about: '~|\\u2248' };
const SIGNS_AFTER: Partial<Record<SizeBound, string>> = { at_least: '\\+' };

interface BoundPatterns {
  before: ReadonlyArray<[SizeBound, RegExp]>;
  after: ReadonlyArray<[SizeBound, RegExp]>;
}

function boundPatterns(lexicon: Lexicon): BoundPatterns {
  return lexicon.derive(boundPatterns, () => {
    // A phrase's words apart by spaces, an abbreviation's point optional ("min.", "approx.").
    const alternatives = (key: string, signs: string | undefined) =>
      [...lexicon.detectors(key).flatMap((d) => (d.words && d.words.length > 0 ? [`${d.words.join('\\s+')}\\.?`] : [])), ...(signs ? [signs] : [])].join('|');
    const before: Array<[SizeBound, RegExp]> = [];
    const after: Array<[SizeBound, RegExp]> = [];
    for (const bound of BOUND_ORDER) {
      const b = alternatives(`size_${bound}`, SIGNS_BEFORE[bound]);
      if (b) before.push([bound, new RegExp(`(?<![a-z])(?:${b})\\s*$`, 'i')]);
      const a = alternatives(`size_${bound}_after`, SIGNS_AFTER[bound]);
      if (a) after.push([bound, new RegExp(`^\\s*-?(?:${a})(?![a-z])`, 'i')]);
    }
    return { before, after };
  });
}
// PowerShell's division by a unit constant: "(Get-Volume ...).SizeRemaining / 1MB".
const POWERSHELL_DIVISOR = /\/\s*1([kmgt]b)\b/i;
/** 64 GB: no recovery partition is this big, and no one types its size in megabytes this long. */
const IMPLAUSIBLE_BARE_MB = 64 * 1024;
const RANGE_JOIN = /^\s*(?:-|to|and|or)\s*$/i;

// "1/2 GB", "1/8 GB": a fraction of a unit. Of its readings (half a GB, or 1 or 2 GB) a proper
// fraction is the least, so the safe one.
const FRACTION = new RegExp(`(?<![\\w.,/])(\\d{1,2})/(\\d{1,2})\\s*(${UNITS})(?![a-z])(?![\\w/%])`, 'gi');
// "262 144 KB", "268 435 456 bytes": thousands set apart by spaces, as many locales and tools
// write them. Read so only in kilobytes and bytes, where the last group alone would be too small
// to be anyone's answer; "partition 1 200 MB" stays 200 MB.
const SMALL_UNITS = Object.keys(UNIT_MB)
  .filter((unit) => UNIT_MB[unit] < 1)
  .sort((a, b) => b.length - a.length)
  .join('|');
const SPACED_THOUSANDS = new RegExp(`(?<![\\w.,/])(\\d{1,3}(?: \\d{3})+)\\s*(${SMALL_UNITS})(?![a-z])(?![\\w/%])`, 'gi');

/** Adds the figures that SIZE reads in pieces or not at all (fractions, spaced thousands), in text order. */
function addWrittenApart(text: string, raw: RawNumber[]): void {
  const found: RawNumber[] = [];
  for (const m of text.matchAll(FRACTION)) {
    const numerator = Number(m[1]);
    const denominator = Number(m[2]);
    // Proper fractions only: "12/06 GB" is no share of a gigabyte.
    if (numerator === 0 || numerator >= denominator) continue;
    found.push({ value: numerator / denominator, unitMb: UNIT_MB[m[3].toLowerCase()], index: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(SPACED_THOUSANDS)) {
    found.push({ value: Number(m[1].replace(/ /g, '')), unitMb: UNIT_MB[m[2].toLowerCase()], index: m.index, end: m.index + m[0].length });
  }
  if (found.length === 0) return;
  const kept = raw.filter((r) => !found.some((f) => r.index < f.end && f.index < r.end));
  raw.splice(0, raw.length, ...[...kept, ...found].sort((a, b) => a.index - b.index));
}

interface RawNumber {
  value: number;
  unitMb: number | null;
  index: number;
  end: number;
}

/**
 * Every size in the text, in MB. A bare number counts only when `defaultUnitMb` is given (a
 * direct answer to a size question) and no size in the text has a unit. `less than 250 MB` is
 * 250 with the bound `below`, and a range (`200-300 MB`, `between 200 and 300 MB`) is `between`.
 */
export function findSizes(written: string, defaultUnitMb: number | null, lexicon: Lexicon): SizeReading[] {
  const text = spellOutNumbers(written);
  const raw: RawNumber[] = [];
  for (const m of text.matchAll(SIZE)) {
    const unitMb = m[2] === undefined ? null : UNIT_MB[m[2].toLowerCase()];
    const value = readNumber(m[1]);
    if (value === null) continue;
    raw.push({ value, unitMb, index: m.index, end: m.index + m[0].length });
  }
  addWrittenApart(text, raw);
  const divisor = POWERSHELL_DIVISOR.exec(text);
  const divisorMb = divisor ? UNIT_MB[divisor[1].toLowerCase()] : null;
  const readings: SizeReading[] = [];
  const withUnit = raw.some((r) => r.unitMb !== null);
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    const next = raw[i + 1];
    let unitMb = r.unitMb;
    let upper: RawNumber | undefined;
    if (unitMb === null && next?.unitMb != null && RANGE_JOIN.test(text.slice(r.end, next.index))) {
      unitMb = next.unitMb;
      upper = next;
      i++;
    }
    if (unitMb === null && (withUnit || defaultUnitMb === null)) continue;
    // "... / 1MB" divided the figures that follow into that unit.
    if (unitMb === null && divisorMb !== null) unitMb = divisorMb;
    let mb = r.value * (unitMb ?? defaultUnitMb ?? 1);
    // A bare figure far too big for a partition in the default unit is what tools print: bytes
    // ("SizeRemaining : 104857600"). Read so, it can only come out smaller than in the default.
    const toolBytes = unitMb === null && mb > IMPLAUSIBLE_BARE_MB;
    if (toolBytes) mb = r.value * UNIT_MB.bytes;
    const end = upper?.end ?? r.end;
    const said = unitMb === null ? undefined : written.slice(r.index, end).replace(/\s+/g, ' ').replace(/(\d)([a-z])/gi, '$1 $2');
    if (upper) {
      // "200-300 MB" is somewhere in between: below 250 only if all of it is, enough only if all of it is.
      readings.push({ mb, bound: 'between', upToMb: upper.value * unitMb!, ...(said && { said }), index: r.index });
      continue;
    }
    // A figure without its unit is read in the question's unit, but only so far: "350" may be
    // 350 MB, and a figure too small in that unit is too small, but it does not show enough.
    const worded = boundOf(text.slice(Math.max(0, r.index - 20), r.index), text.slice(r.end, r.end + 20), lexicon);
    // ("Less than 250" is too little in any unit it is likely to be in.)
    const bound = unitMb !== null || toolBytes || worded === 'below' || worded === 'at_most' ? worded : 'unitless';
    readings.push({ mb, ...(bound && { bound }), ...(said && { said }), index: r.index });
  }
  return readings;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALE_WORDS: Record<string, number> = { hundred: 100, thousand: 1000 };
const NUMBER_WORD = `(?:${[...Object.keys(NUMBER_WORDS), ...Object.keys(SCALE_WORDS)].join('|')})`;
// Spelled-out figures right before a unit: "three hundred MB", "two hundred and fifty megs",
// "half a gig", "a quarter of a GB". Elsewhere words stay words ("one sec" is no size).
const SPELLED_SIZE = new RegExp(`\\b(?:(half|a quarter|quarter)(?: of)? an?|(${NUMBER_WORD}(?:[\\s-]+(?:and[\\s-]+)?${NUMBER_WORD})*))(?=\\s*(?:${UNITS})\\b)`, 'gi');

/**
 * Text with spelled-out sizes written in digits ("three hundred MB" → "300           MB"), padded
 * to the same length so that positions in it are positions in the text as written.
 */
function spellOutNumbers(text: string): string {
  if (!/[a-z]\s*(?:[kmgt]i?b|megs?|gigs?|mo|go|bytes?)\b/i.test(text)) return text;
  return text.replace(SPELLED_SIZE, (whole: string, fraction: string | undefined, spelled: string | undefined) => {
    const value = fraction ? (fraction.toLowerCase() === 'half' ? 0.5 : 0.25) : wordsToNumber(spelled!.toLowerCase().split(/[\s-]+/).filter((w) => w !== 'and'));
    return value === null ? whole : String(value).padEnd(whole.length, ' ');
  });
}

function wordsToNumber(words: readonly string[]): number | null {
  let total = 0;
  let current = 0;
  for (const w of words) {
    if (w in NUMBER_WORDS) current += NUMBER_WORDS[w];
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else return null;
  }
  return total + current;
}

export function boundOf(before: string, after: string, lexicon: Lexicon): SizeBound | undefined {
  const p = boundPatterns(lexicon);
  for (const [bound, re] of p.before) if (re.test(before)) return bound;
  for (const [bound, re] of p.after) if (re.test(after)) return bound;
  return undefined;
}

/** "0,4" is 0.4 (decimal comma); "1,024" is 1024 (thousands). */
export function readNumber(written: string): number | null {
  if (/^\d{1,3}(?:,\d{3}){2,}$/.test(written)) return Number(written.replace(/,/g, ''));
  const comma = /^(\d+),(\d+)$/.exec(written);
  let normalized = written;
  if (comma) normalized = comma[2].length === 3 && comma[1] !== '0' ? comma[1] + comma[2] : `${comma[1]}.${comma[2]}`;
  const n = Number(normalized);
  return Number.isFinite(n) ? n : null;
}

/** A size for replies: "300 MB", "1.5 GB" (hundredths at most). */
export function megabytes(mb: number): string {
  return mb >= 1024 ? `${round(mb / 1024)} GB` : `${round(mb)} MB`;
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Where a run of words starts in a list of words, or -1. */
export function indexOfRun(words: readonly string[], run: readonly string[]): number {
  outer: for (let i = 0; i + run.length <= words.length; i++) {
    for (let j = 0; j < run.length; j++) if (words[i + j] !== run[j]) continue outer;
    return i;
  }
  return -1;
}
