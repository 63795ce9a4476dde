// natural's index pulls database clients and prints to stdout, so only single modules are
// loaded; these declarations describe the few that are used.
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(word: string): string };
  export = PorterStemmer;
}

declare module 'natural/lib/natural/distance/levenshtein_distance' {
  export function DamerauLevenshteinDistance(a: string, b: string, options?: { restricted?: boolean }): number;
  export function LevenshteinDistance(a: string, b: string): number;
}

declare module 'natural/lib/natural/tokenizers/regexp_tokenizer' {
  export class WordTokenizer {
    tokenize(text: string): string[];
  }
}

declare module 'natural/lib/natural/tfidf/tfidf' {
  class TfIdf {
    addDocument(document: string | string[], key?: unknown): void;
    tfidf(terms: string | string[], index: number): number;
    listTerms(index: number): Array<{ term: string; tfidf: number }>;
  }
  export = TfIdf;
}

// Stop words of the other languages natural ships, for the accounting reader's function words.
declare module 'natural/lib/natural/util/stopwords_es' {
  export const words: string[];
}
declare module 'natural/lib/natural/util/stopwords_fr' {
  export const words: string[];
}
declare module 'natural/lib/natural/util/stopwords_it' {
  export const words: string[];
}
declare module 'natural/lib/natural/util/stopwords_nl' {
  export const words: string[];
}
declare module 'natural/lib/natural/util/stopwords_pl' {
  export const words: string[];
}
declare module 'natural/lib/natural/util/stopwords_pt' {
  export const words: string[];
}
