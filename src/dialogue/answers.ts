/** Reads short answers: yes/no, sizes with units, and "I don't know". */
import type { Token } from '../matching/words';

export type YesNo = 'yes' | 'no';

// "ok" and "have" are left out on purpose: after "please restart first", "ok" means "I will",
// and "I have 300 MB" is no yes.
const YES = new Set(['yes', 'y', 'yep', 'yup', 'yeah', 'yea', 'ya', 'yah', 'sure', 'correct', 'affirmative', 'indeed', 'absolutely', 'done', 'did', 'already', 'true', 'certainly', 'definitely']);
const NO = new Set(['no', 'n', 'nope', 'nah', 'negative', 'not', 'never', 'false']);

const DONT_KNOW: ReadonlyArray<readonly string[]> = [
  ['do', 'not', 'know'],
  ['not', 'sure'],
  ['no', 'idea'],
  ['no', 'clue'],
  ['unsure'],
  ['not', 'certain'],
  ['can', 'not', 'tell'],
  ['how', 'do', 'i', 'check'],
  ['how', 'to', 'check'],
  ['how', 'can', 'i', 'check'],
  ['where', 'do', 'i', 'find'],
  ['how', 'do', 'i', 'find'],
  ['no', 'way', 'to', 'check'],
  ['unknown'],
];

/** Whether the message says the employee does not know ("not sure", "no idea how to check"). */
export function saysDontKnow(tokens: readonly Token[]): boolean {
  const words = tokens.map((t) => t.word);
  return DONT_KNOW.some((phrase) => indexOfRun(words, phrase) >= 0);
}

/** A plain yes or no ("yup", "no not yet", "done"), or null when it is neither or both. */
export function parseYesNo(tokens: readonly Token[]): YesNo | null {
  let yes = false;
  let no = false;
  for (const t of tokens) {
    if (YES.has(t.word)) yes = true;
    if (NO.has(t.word)) no = true;
  }
  // "no, not yet" and "nope" are no; "yes" with a "not" elsewhere ("yes, not a problem") is
  // unclear, and unclear is asked again rather than guessed.
  if (no && !yes) return 'no';
  if (yes && !no) return 'yes';
  return null;
}

export interface SizeReading {
  /** The size in MB (1 GB = 1024 MB, as Windows reports). */
  mb: number;
  /** Character position in the text, to judge which words stand near it. */
  index: number;
}

const UNIT_MB: Record<string, number> = {
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
  g: 1024,
  gb: 1024,
  gib: 1024,
  gig: 1024,
  gigs: 1024,
  gigabyte: 1024,
  gigabytes: 1024,
  t: 1024 * 1024,
  tb: 1024 * 1024,
  tib: 1024 * 1024,
  terabyte: 1024 * 1024,
  terabytes: 1024 * 1024,
};

// A number (decimal point or comma) and an optional unit: "0,4 GB", "1.2G", "300 megs", "250MB".
// Only unit words count as units, so "200 and 300 MB" keeps 200 as a number.
const UNITS = Object.keys(UNIT_MB)
  .sort((a, b) => b.length - a.length)
  .join('|');
const SIZE = new RegExp(`(?<![\\w.,])(\\d{1,9}(?:[.,]\\d{1,3})?)(?:\\s*(${UNITS})(?![a-z]))?(?!\\w)`, 'gi');
// "less than 250 MB": the true value is under the number.
const BELOW = /(?:less than|under|below|lower than|smaller than|fewer than|<)\s*$/i;
const RANGE_JOIN = /^\s*(?:-|to|and|or)\s*$/i;

interface RawNumber {
  value: number;
  unitMb: number | null;
  index: number;
  end: number;
}

/**
 * Every size in the text, in MB. A bare number counts only when `defaultUnitMb` is given (a
 * direct answer to a size question) and no size in the text has a unit. `less than 250 MB`
 * reads just under 250, and a range (`200-300 MB`, `between 200 and 300 MB`) reads as its
 * lower end: the lower end is what a threshold can trust.
 */
export function findSizes(text: string, defaultUnitMb: number | null): SizeReading[] {
  const raw: RawNumber[] = [];
  for (const m of text.matchAll(SIZE)) {
    const unitMb = m[2] === undefined ? null : UNIT_MB[m[2].toLowerCase()];
    const value = readNumber(m[1]);
    if (value === null) continue;
    raw.push({ value, unitMb, index: m.index, end: m.index + m[0].length });
  }
  const readings: SizeReading[] = [];
  const withUnit = raw.some((r) => r.unitMb !== null);
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    const next = raw[i + 1];
    let unitMb = r.unitMb;
    if (unitMb === null && next?.unitMb != null && RANGE_JOIN.test(text.slice(r.end, next.index))) {
      unitMb = next.unitMb;
      i++; // the upper end of the range is not trusted
    }
    if (unitMb === null && (withUnit || defaultUnitMb === null)) continue;
    let mb = r.value * (unitMb ?? defaultUnitMb ?? 1);
    if (BELOW.test(text.slice(Math.max(0, r.index - 20), r.index))) mb = Math.max(0, mb - 0.001);
    readings.push({ mb, index: r.index });
  }
  return readings;
}

/** "0,4" is 0.4 (decimal comma); "1,024" is 1024 (thousands). */
function readNumber(written: string): number | null {
  const comma = /^(\d+),(\d+)$/.exec(written);
  let normalized = written;
  if (comma) normalized = comma[2].length === 3 && comma[1] !== '0' ? comma[1] + comma[2] : `${comma[1]}.${comma[2]}`;
  const n = Number(normalized);
  return Number.isFinite(n) ? n : null;
}

function indexOfRun(words: readonly string[], run: readonly string[]): number {
  outer: for (let i = 0; i + run.length <= words.length; i++) {
    for (let j = 0; j < run.length; j++) if (words[i + j] !== run[j]) continue outer;
    return i;
  }
  return -1;
}
