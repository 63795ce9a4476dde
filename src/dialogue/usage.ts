/**
 * Free space worked out from how a partition's space is used, for answers that give no figure
 * called free: "only 50 MB used of 500", "it uses 480 MB of 529 MB", "529 MB, 95% full", a
 * Disk Management row ("Healthy (Recovery Partition)  1.00 GB  612 MB  60 %"), and the recovery
 * row of a pasted Get-Volume table (its SizeRemaining column).
 *
 * Where the figures could be read in more than one way, the reading with the least free space
 * is taken: too little space is what must not be missed. A figure near a bound ("about", "less
 * than") is not worked with: the difference of two estimates can land on either side of a
 * threshold.
 */
import type { Lexicon } from '../knowledge/lexicon';
import { boundOf, megabytes, readNumber, UNIT_MB, UNITS } from './answers';

export interface DerivedFree {
  mb: number;
  /** For replies: the free space as worked out ("450 MB"). */
  said: string;
  /** Where the figures it comes from stand, the first one first (to judge the words near them). */
  at: number[];
  /** `about` when worked out from a rounded percentage: near a threshold it cannot decide. */
  bound?: 'about';
  /**
   * Read from a tool's table, on the row of the recovery partition: its label says what the
   * figure is about, whatever the other rows (C:, EFI) say.
   */
  table?: true;
}

const NUMBER = String.raw`(\d{1,9}(?:[.,]\d{1,3})?)`;
const UNIT = `(?:\\s*(${UNITS})(?![a-z]))?`;
const START = String.raw`(?<![\w.,/])`;
const END = String.raw`(?![\w.,/%]\d|\w)`;
const USED = String.raw`(?:used|in use|taken|occupied)`;

// "50 MB used of 500", "50 MB in use out of 500 MB"
const USED_OF = new RegExp(`${START}${NUMBER}${UNIT}\\s+${USED}\\s+(?:of|out of)\\s+(?:the\\s+|a\\s+)?(?:total\\s+(?:of\\s+)?)?${NUMBER}${UNIT}${END}`, 'gi');
// "it uses 480 MB of 529 MB", "using 480 of 529 MB"
const USES_OF = new RegExp(`\\b(?:uses|using|used|takes up|taking up|occupies)\\s+${NUMBER}${UNIT}\\s+(?:of|out of)\\s+(?:the\\s+|its\\s+)?${NUMBER}${UNIT}${END}`, 'gi');
// "480 of 529 MB used", "480 MB out of 529 MB full"
const OF_USED = new RegExp(`${START}${NUMBER}${UNIT}\\s+(?:of|out of)\\s+${NUMBER}${UNIT}\\s+(?:${USED}|full)\\b`, 'gi');
// The total first, said to be: "it is 600 MB and 450 MB of it is used", "600 MB, 450 MB of that
// used" ("529 MB, 480 MB used" could be free and used: that is asked again).
const TOTAL_THEN_USED = new RegExp(`${START}${NUMBER}${UNIT}\\s*(?:,|and|with|but|,\\s*and)\\s+${NUMBER}${UNIT}\\s+of (?:it|that|this)\\s+(?:is\\s+)?${USED}\\b`, 'gi');
// A figure with a unit, for the one a percentage is of.
const FIGURE = new RegExp(`${START}${NUMBER}\\s*(${UNITS})(?![a-z])${END}`, 'gi');
// Disk Management's columns: Status, Capacity, Free Space, % Free (set apart by spaces, or by
// the bars of a table pasted from it).
const CELL = String.raw`\s*\|?\s*`;
const ROW = new RegExp(`${START}${NUMBER}\\s*(${UNITS})(?![a-z])${CELL}${NUMBER}\\s*(${UNITS})(?![a-z])${CELL}(\\d{1,3})\\s?%`, 'gi');
// A row of PowerShell's Get-Volume: FriendlyName ... HealthStatus OperationalStatus
// SizeRemaining Size, for the recovery partition ("Recovery", "Windows RE tools").
const GET_VOLUME_ROW = new RegExp(
  `\\b(?:recovery|windows re tools|winre|windows re)\\b(?:\\s+[a-z0-9]+){0,4}?\\s+(?:healthy|warning|unhealthy|unknown)\\s+[a-z]+\\s+${NUMBER}\\s*(${UNITS})(?![a-z])\\s+${NUMBER}\\s*(${UNITS})(?![a-z])`,
  'gi',
);
const GET_VOLUME = /\bsizeremaining\b/i;
const HAS_DIGIT = /\d/;
// The row's status or name: "Healthy (Recovery Partition)", or a table cell "Recovery Partition".
const RECOVERY_STATUS = /\(?recovery partition\)?[\s|]*$/i;
// fsutil volume diskfree: "Total free bytes : 524,288,000 (500.0 MB)" (the least, if several).
const FSUTIL_FREE = /\btotal free bytes\s*:\s*(\d{1,3}(?:[,.\s]\d{3})+|\d{4,15})\b/gi;
// PowerShell's Format-List of a volume: "SizeRemaining   : 377487360" (bytes).
const FORMAT_LIST = /\bsizeremaining\s*:\s*(\d{4,15})\b/gi;
// How far a row's percentage may be from its two figures' ratio (Windows rounds it).
const ROUNDING_POINTS = 1.5;

/**
 * The patterns that depend on the words calling a figure free (the shared lexicon's
 * `free_words`, in every language), built once per list.
 */
interface FreePatterns {
  // "95% full", "95 % used", "5% free"
  percent: RegExp;
  free: RegExp;
  calledFreeAfter: RegExp;
  calledFreeBefore: RegExp;
}

const patternsByWords = new Map<string, FreePatterns>();

function freePatterns(freeWords: string): FreePatterns {
  let p = patternsByWords.get(freeWords);
  if (!p) {
    p = {
      percent: new RegExp(`(?<![\\w.,])(\\d{1,3}(?:[.,]\\d)?)\\s?%\\s*(?:of it\\s+(?:is\\s+)?)?(full|used|in use|occupied|${freeWords})\\b`, 'gi'),
      free: new RegExp(`^(?:${freeWords})$`, 'i'),
      calledFreeAfter: new RegExp(`^\\s*(?:of\\s+)?(?:${freeWords})\\b`, 'i'),
      calledFreeBefore: new RegExp(`\\b(?:${freeWords})(?:\\s+space)?\\s*(?:is|of|:|=)?\\s*$`, 'i'),
    };
    patternsByWords.set(freeWords, p);
  }
  return p;
}

/**
 * The free space the text works out to, or null when it states none that way. `freeWords`: the
 * alternatives of a pattern for the words that call a figure free ("free|left|frei").
 */
export function freeFromUsage(text: string, defaultUnitMb: number | null, freeWords: string, lexicon: Lexicon): DerivedFree | null {
  // Most messages a size question reads have no figure at all.
  if (!HAS_DIGIT.test(text)) return null;
  return fsutilFree(text) ?? getVolumeRow(text) ?? usedOfTotal(text, defaultUnitMb, lexicon) ?? diskManagementRow(text) ?? percentOfFigure(text, freePatterns(freeWords), lexicon);
}

/** The free bytes fsutil printed for a volume (asked about the recovery partition). */
function fsutilFree(text: string): DerivedFree | null {
  return leastBytes(text, FSUTIL_FREE);
}

/** The least of the byte counts a tool's labelled field holds (its first group), read as free space. */
function leastBytes(text: string, field: RegExp): DerivedFree | null {
  let least: DerivedFree | null = null;
  for (const m of text.matchAll(field)) {
    const mb = Number(m[1].replace(/[,.\s]/g, '')) * UNIT_MB.bytes;
    if (!least || mb < least.mb) least = { mb: hundredths(mb), said: megabytes(mb), at: [m.index + m[0].length - m[1].length], table: true };
  }
  return least;
}

/**
 * The recovery partition's SizeRemaining in a pasted Get-Volume table or Format-List (the
 * least, if several).
 */
function getVolumeRow(text: string): DerivedFree | null {
  if (!GET_VOLUME.test(text)) return null;
  // A list of one volume's properties, asked about the recovery partition: its bytes remaining.
  const listed = /label\s*:\s*recovery\b/i.test(text) ? leastBytes(text, FORMAT_LIST) : null;
  if (listed) return listed;
  let least: DerivedFree | null = null;
  for (const m of text.matchAll(GET_VOLUME_ROW)) {
    const remaining = readNumber(m[1]);
    const size = readNumber(m[3]);
    if (remaining === null || size === null) continue;
    const remainingMb = remaining * UNIT_MB[m[2].toLowerCase()];
    if (remainingMb > size * UNIT_MB[m[4].toLowerCase()]) continue;
    const at = m.index + m[0].lastIndexOf(m[1], m[0].length - m[3].length - 1);
    if (!least || remainingMb < least.mb) least = { mb: hundredths(remainingMb), said: `${m[1]} ${m[2]}`, at: [at], table: true };
  }
  return least;
}

function usedOfTotal(text: string, defaultUnitMb: number | null, lexicon: Lexicon): DerivedFree | null {
  for (const [pattern, totalFirst] of [
    [USED_OF, false],
    [USES_OF, false],
    [OF_USED, false],
    [TOTAL_THEN_USED, true],
  ] as const) {
    for (const m of text.matchAll(pattern)) {
      // Groups 1-2 are the first figure and its unit, 3-4 the second.
      const [u, uUnit, t, tUnit] = totalFirst ? [3, 4, 1, 2] : [1, 2, 3, 4];
      // The unit said for one figure stands for both ("480 of 529 MB").
      const usedUnit = unitOf(m[uUnit]) ?? unitOf(m[tUnit]) ?? defaultUnitMb;
      const totalUnit = unitOf(m[tUnit]) ?? unitOf(m[uUnit]) ?? defaultUnitMb;
      const used = readNumber(m[u]);
      const total = readNumber(m[t]);
      if (usedUnit === null || totalUnit === null || used === null || total === null) continue;
      const second = m.index + m[0].indexOf(m[3], m[0].indexOf(m[1]) + m[1].length);
      if (bounded(text, m.index, m.index + m[0].length, lexicon) || bounded(text, second, second, lexicon)) return null;
      const free = total * totalUnit - used * usedUnit;
      // More used than there is: a misreading somewhere, so nothing is worked out.
      if (free < 0) return null;
      return { mb: hundredths(free), said: megabytes(free), at: [m.index, second] };
    }
  }
  return null;
}

function diskManagementRow(text: string): DerivedFree | null {
  // Of a whole table, the recovery partition's row ("Healthy (Recovery Partition)").
  const rows = [...text.matchAll(ROW)];
  const recovery = rows.filter((m) => RECOVERY_STATUS.test(text.slice(Math.max(0, m.index - 40), m.index)));
  for (const m of recovery) {
    const capacity = readNumber(m[1]);
    const free = readNumber(m[3]);
    if (capacity === null || free === null) continue;
    const freeMb = free * UNIT_MB[m[4].toLowerCase()];
    if (freeMb > capacity * UNIT_MB[m[2].toLowerCase()]) continue;
    return { mb: freeMb, said: m[3] + ' ' + m[4], at: [m.index + m[0].indexOf(m[3], m[1].length)], table: true };
  }
  for (const m of rows) {
    const capacity = readNumber(m[1]);
    const second = readNumber(m[3]);
    if (capacity === null || second === null) continue;
    const capacityMb = capacity * UNIT_MB[m[2].toLowerCase()];
    const secondMb = second * UNIT_MB[m[4].toLowerCase()];
    if (capacityMb <= 0 || secondMb > capacityMb) continue;
    if (Math.abs((secondMb / capacityMb) * 100 - Number(m[5])) > ROUNDING_POINTS) continue;
    // Disk Management shows Status, Capacity, Free Space and % Free; a row that shows its status
    // ("Healthy (Recovery Partition)") is one of its rows. Elsewhere the second figure and its
    // share may be what is used.
    const diskManagement = /\bhealthy\s*\(/i.test(text.slice(Math.max(0, m.index - 80), m.index));
    const at = [m.index, m.index + m[0].indexOf(m[3], m[1].length)];
    if (diskManagement || secondMb <= capacityMb - secondMb) return { mb: secondMb, said: m[3] + ' ' + m[4], at };
    const free = capacityMb - secondMb;
    return { mb: hundredths(free), said: megabytes(Math.round(free)), at, bound: 'about' };
  }
  return null;
}

function percentOfFigure(text: string, p: FreePatterns, lexicon: Lexicon): DerivedFree | null {
  const percents = [...text.matchAll(p.percent)];
  const figures = [...text.matchAll(FIGURE)];
  // One figure and one share of it: with more of either, which is of which is a guess.
  if (percents.length !== 1 || figures.length !== 1) return null;
  const [pc] = percents;
  const [f] = figures;
  const share = readNumber(pc[1]);
  const figure = readNumber(f[1]);
  if (share === null || figure === null || share > 100) return null;
  if (bounded(text, f.index, f.index + f[0].length, lexicon)) return null;
  // A figure called free is the answer itself ("90% used, 300 MB free"), not a size to take a share of.
  if (p.calledFreeAfter.test(text.slice(f.index + f[0].length, f.index + f[0].length + 16)) || p.calledFreeBefore.test(text.slice(Math.max(0, f.index - 16), f.index))) return null;
  const figureMb = figure * UNIT_MB[f[2].toLowerCase()];
  // The figure read as the partition's size gives the least free space of any reading: as the
  // used part it would mean more, and as the free part more still.
  const freeShare = p.free.test(pc[2]) ? share / 100 : 1 - share / 100;
  const free = figureMb * freeShare;
  return { mb: hundredths(free), said: megabytes(Math.round(free)), at: [f.index, pc.index], bound: 'about' };
}

/** Hundredths of a MB, never rounded up (beyond float noise): near a threshold, less is safer. */
function hundredths(mb: number): number {
  return Math.floor(mb * 100 + 1e-6) / 100;
}

function unitOf(written: string | undefined): number | null {
  return written === undefined ? null : UNIT_MB[written.toLowerCase()];
}

function bounded(text: string, start: number, end: number, lexicon: Lexicon): boolean {
  return boundOf(text.slice(Math.max(0, start - 20), start), text.slice(end, end + 20), lexicon) !== undefined;
}
