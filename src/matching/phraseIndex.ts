/**
 * Finds which knowledge phrases a message contains, at a cost that follows the message rather
 * than the number of phrases.
 *
 * A phrase sits under its rarest stem (its anchor), and under that by its second-rarest stem.
 * A real vocabulary is finite, so at thousands of entries even an anchor carries hundreds of
 * phrases ("update", "preview"); the second level means only phrases with two of their words in
 * the message are checked word by word. A log paste names hundreds of words, and is where this
 * matters most.
 */
import type { CompiledEntry, SignalPhrase } from '../knowledge/knowledgeBase';

/** A phrase with the entry it belongs to, so a hit needs no look-up by id. */
export interface IndexedPhrase {
  phrase: SignalPhrase;
  entry: CompiledEntry;
}

/** How many extra words may stand between the words of a phrase. */
export const PHRASE_SLACK = 2;

/**
 * Phrases that fit a message exactly when each other does: the same stems, the same length.
 * Entries repeat each other's phrases ("outlook keeps crashing"), so each shape is checked once.
 */
interface Shape {
  uniqueStems: readonly string[];
  length: number;
  /**
   * A phrase of numbers only ("2025 09", a month) is found only as written, word after word:
   * digits are exact, and in any order and with words between, "2025-04-09 10:14" would hold it.
   */
  inOrder?: readonly string[];
  phrases: IndexedPhrase[];
}

interface AnchorGroup {
  /** Shapes of one distinct stem: the anchor is the whole check. */
  alone: Shape[];
  /** Second-rarest stem → shapes. */
  bySecond: Map<string, Shape[]>;
}

export class PhraseIndex {
  private readonly anchors = new Map<string, AnchorGroup>();
  /** Position in the knowledge base, so that hits come out in a stable order. */
  private readonly order = new Map<IndexedPhrase, number>();
  /** Every stem of every phrase: a message word outside this set cannot be part of a phrase. */
  readonly stems = new Set<string>();

  constructor(phrases: readonly IndexedPhrase[]) {
    const counts = new Map<string, number>();
    for (const { phrase } of phrases) for (const s of phrase.uniqueStems) counts.set(s, (counts.get(s) ?? 0) + 1);
    // Rarer first; on a tie the longer stem (more specific), then the alphabet, so the index
    // does not depend on file order.
    const rarer = (a: string, b: string) => counts.get(a)! - counts.get(b)! || b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
    const shapes = new Map<string, Shape>();
    phrases.forEach((indexed, i) => {
      const { phrase } = indexed;
      this.order.set(indexed, i);
      for (const s of phrase.uniqueStems) this.stems.add(s);
      const sorted = [...phrase.uniqueStems].sort(rarer);
      const [anchor, second] = sorted;
      if (anchor === undefined) return;
      const numeric = phrase.stems.every((stem) => HAS_DIGIT.test(stem));
      const key = numeric ? `= ${phrase.stems.join(' ')}` : `${phrase.stems.length} ${sorted.join(' ')}`;
      const known = shapes.get(key);
      if (known) {
        known.phrases.push(indexed);
        return;
      }
      const shape: Shape = { uniqueStems: sorted, length: phrase.stems.length, phrases: [indexed], ...(numeric && { inOrder: phrase.stems }) };
      shapes.set(key, shape);
      let group = this.anchors.get(anchor);
      if (!group) {
        group = { alone: [], bySecond: new Map() };
        this.anchors.set(anchor, group);
      }
      if (second === undefined) group.alone.push(shape);
      else push(group.bySecond, second, shape);
    });
  }

  /**
   * The phrases whose stems all stand within a short window of `stems` (one per word, null for
   * words no phrase uses), in any order: by the
   * message's first use of their anchor, then by their place in the knowledge base.
   */
  find(stems: ReadonlyArray<string | null>): IndexedPhrase[] {
    const positions = new Map<string, number[]>();
    stems.forEach((s, i) => {
      // A word no phrase uses still takes its place in the window, but is not looked up.
      if (s === null) return;
      const list = positions.get(s);
      if (list) list.push(i);
      else positions.set(s, [i]);
    });
    const found: IndexedPhrase[] = [];
    for (const s of positions.keys()) {
      const group = this.anchors.get(s);
      if (!group) continue;
      const hits: Shape[] = [];
      collect(group.alone, positions, hits);
      // Walk whichever side is shorter: the anchor's second stems or the message's words.
      if (group.bySecond.size <= positions.size) {
        for (const [second, list] of group.bySecond) if (positions.has(second)) collect(list, positions, hits);
      } else {
        for (const second of positions.keys()) {
          const list = group.bySecond.get(second);
          if (list) collect(list, positions, hits);
        }
      }
      if (hits.length === 1) {
        for (const phrase of hits[0].phrases) found.push(phrase);
      } else if (hits.length > 1) {
        const phrases = hits.flatMap((shape) => shape.phrases);
        phrases.sort((a, b) => this.order.get(a)! - this.order.get(b)!);
        for (const phrase of phrases) found.push(phrase);
      }
    }
    return found;
  }
}

function collect(shapes: readonly Shape[], positions: ReadonlyMap<string, number[]>, hits: Shape[]): void {
  for (const shape of shapes) if (fits(shape, positions)) hits.push(shape);
}

/**
 * Whether one occurrence of each of the shape's stems fits in a window of the phrase's length
 * plus the slack. Its rarest stems come first, so a miss is
 * usually found on the first look-up. The position lists are ascending; sweeping them together finds the tightest
 * such set in one pass, however often a pasted log repeats a word.
 */
function fits(shape: Shape, positions: ReadonlyMap<string, number[]>): boolean {
  if (shape.inOrder) return writtenInOrder(shape.inOrder, positions);
  const lists: number[][] = [];
  for (const s of shape.uniqueStems) {
    const list = positions.get(s);
    if (!list) return false;
    lists.push(list);
  }
  const span = shape.length + PHRASE_SLACK - 1;
  const at = new Array<number>(lists.length).fill(0);
  for (;;) {
    let low = 0;
    let high = -Infinity;
    for (let i = 0; i < lists.length; i++) {
      const p = lists[i][at[i]];
      if (p < lists[low][at[low]]) low = i;
      if (p > high) high = p;
    }
    if (high - lists[low][at[low]] <= span) return true;
    // The earliest occurrence cannot be in any tighter set: move past it.
    if (++at[low] >= lists[low].length) return false;
  }
}

/** Whether the stems stand in the message one right after another, in this order. */
function writtenInOrder(stems: readonly string[], positions: ReadonlyMap<string, number[]>): boolean {
  const starts = positions.get(stems[0]);
  if (!starts) return false;
  return starts.some((start) => stems.every((stem, k) => positions.get(stem)?.includes(start + k) ?? false));
}

const HAS_DIGIT = /\d/;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
