/**
 * Whether a text says one of a lexicon key's phrases, as written (no typos, no other forms):
 * for the short lists that steer a conversation ("actually", "not sure", "maybe").
 */
import type { Lexicon } from '../knowledge/lexicon';

/** A key's phrases as one pattern, words apart by spaces or commas ("no, sorry"); null for none. */
export function phrasePattern(lexicon: Lexicon, key: string): RegExp | null {
  const byKey = lexicon.derive(phrasePattern, () => new Map<string, RegExp | null>());
  if (!byKey.has(key)) {
    const phrases = lexicon
      .detectors(key)
      .filter((d) => d.words && d.words.length > 0)
      .map((d) => d.words!.map(escape).join('[\\s,]*'))
      .sort((a, b) => b.length - a.length);
    byKey.set(key, phrases.length > 0 ? new RegExp(`\\b(?:${phrases.join('|')})\\b`, 'gi') : null);
  }
  return byKey.get(key)!;
}

/** Whether the text says any phrase of the key. */
export function saysAny(lexicon: Lexicon, key: string, text: string): boolean {
  const pattern = phrasePattern(lexicon, key);
  if (!pattern) return false;
  pattern.lastIndex = 0;
  return pattern.test(text);
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
