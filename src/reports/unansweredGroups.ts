/**
 * Unmatched messages grouped by similarity, so a lead sees which questions come back and which
 * knowledge entry to write next. Greedy and order-stable: each message (oldest first) joins the
 * group whose centroid it is most similar to, if that similarity reaches the threshold, and
 * otherwise starts a group of its own.
 */
import { cosine, messageTerms, tfidfVectors, type TermVector } from './textVectors';

export interface UnmatchedMessage {
  text: string;
  /** ISO 8601 time it was handled. */
  at: string;
}

export interface UnansweredGroup {
  /** How many unmatched messages the group holds. */
  count: number;
  /** The member closest to the group's centroid: what the group is about. */
  representative: string;
  /** Up to EXAMPLES_PER_GROUP other wordings, closest to the centroid first; repeats of one wording are shown once. */
  examples: string[];
  firstAt: string;
  lastAt: string;
}

/**
 * A message joins a group when the cosine similarity of its TF-IDF vector to the group's
 * centroid is at least this. Chosen on helpdesk wording: rewordings of one problem ("printer on
 * floor 3 jams every morning", "The 3rd floor printer keeps jamming with paper") share one or
 * two telling stems and score 0.34–0.7; different problems sharing one word ("printer shows
 * offline") stay below 0.2.
 */
export const SIMILARITY_THRESHOLD = 0.3;

export const EXAMPLES_PER_GROUP = 3;

export interface UnansweredGrouping {
  /** The biggest groups first, then the most recent. */
  groups: UnansweredGroup[];
  /** Messages without a meaningful word ("hi", "???", "thanks"): counted, not grouped, since no entry can answer them. */
  withoutWords: number;
}

interface Group {
  members: number[];
  centroid: Map<string, number>;
  normSq: number;
}

/** Groups messages (oldest first) by the similarity of their words. */
export function groupUnanswered(messages: readonly UnmatchedMessage[], threshold = SIMILARITY_THRESHOLD): UnansweredGrouping {
  const terms = messages.map((m) => messageTerms(m.text));
  const worded = messages.filter((_, i) => terms[i].length > 0);
  const vectors = tfidfVectors(terms.filter((t) => t.length > 0));
  const groups: Group[] = [];
  // Only groups that share a term with a message can reach a positive similarity: look up those.
  const groupsByTerm = new Map<string, Set<number>>();

  vectors.forEach((vector, i) => {
    // Dot products with every group sharing a term, summed term by term over the index.
    const dots = new Map<number, number>();
    for (const [term, weight] of vector) {
      for (const g of groupsByTerm.get(term) ?? []) dots.set(g, (dots.get(g) ?? 0) + weight * groups[g].centroid.get(term)!);
    }
    let best = -1;
    let bestSimilarity = 0;
    for (const [g, dot] of dots) {
      const similarity = dot / Math.sqrt(groups[g].normSq);
      if (similarity > bestSimilarity || (similarity === bestSimilarity && g < best)) [best, bestSimilarity] = [g, similarity];
    }
    if (best < 0 || bestSimilarity < threshold) {
      best = groups.length;
      groups.push({ members: [], centroid: new Map(), normSq: 0 });
    }
    join(groups[best], i, vector);
    for (const term of vector.keys()) {
      let set = groupsByTerm.get(term);
      if (!set) groupsByTerm.set(term, (set = new Set()));
      set.add(best);
    }
  });

  const summaries = groups
    .map((group, order) => ({ order, summary: summarize(group, vectors, worded) }))
    .sort((a, b) => b.summary.count - a.summary.count || b.summary.lastAt.localeCompare(a.summary.lastAt) || a.order - b.order)
    .map((g) => g.summary);
  return { groups: summaries, withoutWords: messages.length - worded.length };
}

function toCentroid(vector: TermVector, group: Group): number {
  return group.normSq > 0 ? cosine(vector, group.centroid) / Math.sqrt(group.normSq) : 0;
}

function join(group: Group, index: number, vector: TermVector): void {
  group.members.push(index);
  for (const [term, weight] of vector) {
    const before = group.centroid.get(term) ?? 0;
    group.centroid.set(term, before + weight);
    group.normSq += 2 * before * weight + weight * weight;
  }
}

function summarize(group: Group, vectors: readonly TermVector[], messages: readonly UnmatchedMessage[]): UnansweredGroup {
  const ranked = group.members
    .map((i) => ({ i, similarity: toCentroid(vectors[i], group) }))
    .sort((a, b) => b.similarity - a.similarity || a.i - b.i)
    .map((m) => messages[m.i].text);
  const [representative] = ranked;
  const shown = new Set([sameWords(representative)]);
  const examples: string[] = [];
  for (const text of ranked) {
    if (examples.length >= EXAMPLES_PER_GROUP) break;
    if (shown.has(sameWords(text))) continue;
    shown.add(sameWords(text));
    examples.push(text);
  }
  const times = group.members.map((i) => messages[i].at).sort();
  return { count: group.members.length, representative, examples, firstAt: times[0], lastAt: times[times.length - 1] };
}

/** Case and spacing do not make another wording. */
function sameWords(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
