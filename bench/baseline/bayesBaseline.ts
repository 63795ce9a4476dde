/**
 * The baseline a plain classifier bot would be: natural's naive Bayes classifier, one class per
 * knowledge entry, trained on what the entry says about itself (title, phrases, update ids and
 * error codes, example messages), plus a `none` class trained on small talk.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
import BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier');
import type { EntryDefinition } from '../../src/knowledge/schema';
import { TRAINING_CHATTER } from '../generate/vocabulary';

/** The class for "no entry applies". */
export const NONE_CLASS = 'none';

/** The training documents of one entry (its class is its id). */
export function trainingDocuments(def: EntryDefinition): string[] {
  const m = def.match;
  const signals = [...(m.updates ?? []).filter((u) => u !== '*'), ...(m.errors ?? [])].join(' ');
  return [def.title, ...(m.phrases ?? []), ...(signals ? [signals] : []), ...(def.examples?.match ?? [])].filter((d) => d.trim() !== '');
}

export interface Baseline {
  classify(text: string): string;
  classes: number;
  documents: number;
  features: number;
}

/** Trains the classifier on `entries` and the small-talk class. */
export function trainBaseline(entries: readonly EntryDefinition[]): Baseline {
  const classifier = new BayesClassifier();
  let documents = 0;
  for (const def of entries) {
    for (const doc of trainingDocuments(def)) {
      classifier.addDocument(doc, def.id);
      documents += 1;
    }
  }
  for (const line of TRAINING_CHATTER) {
    classifier.addDocument(line, NONE_CLASS);
    documents += 1;
  }
  classifier.train();
  return {
    classify: (text) => classifier.classify(text),
    classes: entries.length + 1,
    documents,
    features: Object.keys(classifier.features).length,
  };
}
