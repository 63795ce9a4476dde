// The baseline loads natural's Bayes classifier by its module path (the package index pulls
// database clients and prints to stdout); this describes the part the suite uses.
declare module 'natural/lib/natural/classifiers/bayes_classifier' {
  class BayesClassifier {
    constructor(stemmer?: unknown, smoothing?: number);
    docs: Array<{ label: string; text: string[] }>;
    features: Record<string, number>;
    addDocument(text: string | string[], classification: string): void;
    train(): void;
    classify(observation: string | string[]): string;
    getClassifications(observation: string | string[]): Array<{ label: string; value: number }>;
  }
  export = BayesClassifier;
}
