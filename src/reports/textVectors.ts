/**
 * Unmatched messages as TF-IDF vectors, so that differently worded reports of one problem can
 * be grouped. Only natural's tokenizer, stop words and TF-IDF modules are loaded: the package
 * index pulls database clients and prints to stdout (see ENVIRONMENT.md).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
import TfIdf = require('natural/lib/natural/tfidf/tfidf');
import { WordTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer';
import { words as STOP_WORDS } from 'natural/lib/natural/util/stopwords';
import { stem } from '../matching/words';

/** A sparse vector of unit length: stem → weight. Empty when a message has no meaningful word. */
export type TermVector = ReadonlyMap<string, number>;

// Chat filler that every kind of request carries ("still not working every morning"): left in,
// it would pull unrelated messages together. The tokenizer splits "don't" into "don" and "t",
// hence the stumps.
const CHAT_FILLER = [
  'hi', 'hello', 'hey', 'please', 'pls', 'thanks', 'thank', 'help', 'anyone', 'someone', 'ok', 'okay',
  'not', 'no', 'will', 'just', 'keep', 'keeps', 'every', 'always', 'anymore', 'today',
  'don', 'doesn', 'didn', 'isn', 'won', 've', 'll', 're',
];
const IGNORED = new Set([...STOP_WORDS, ...CHAT_FILLER]);
const tokenizer = new WordTokenizer();

/** The stems a message is compared by: lowercased words without stop words and chat filler, Porter-stemmed. */
export function messageTerms(text: string): string[] {
  // natural's TF-IDF documents are plain objects with a `__key` field: underscores go, so no
  // word can collide with it or with `__proto__`.
  const words = tokenizer.tokenize(text.toLowerCase().replace(/_/g, ' '));
  return words.filter((w) => w.length > 1 && !IGNORED.has(w)).map(stem);
}

/** One unit-length TF-IDF vector per document (a message's terms); the IDF is computed over these documents. */
export function tfidfVectors(documents: ReadonlyArray<readonly string[]>): TermVector[] {
  const tfidf = new TfIdf();
  for (const terms of documents) tfidf.addDocument([...terms]);
  return documents.map((_, i) => {
    const weights = new Map<string, number>();
    for (const { term, tfidf: weight } of tfidf.listTerms(i)) if (weight > 0) weights.set(term, weight);
    return normalize(weights);
  });
}

/** Cosine similarity of two unit vectors (their dot product): 0 unrelated … 1 the same words. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}

function normalize(weights: Map<string, number>): TermVector {
  let norm = 0;
  for (const w of weights.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [term, w] of weights) weights.set(term, w / norm);
  return weights;
}
