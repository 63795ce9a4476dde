/**
 * Recall without guessing: a message close to one entry but short of what it requires ("the
 * WinRE thing failed to install again": the phrase "winre update" without "update") names the
 * entry to confirm with one click, instead of no reply. Only when it reports a failure, lacks
 * nothing of the phrase but a word every update message has (the lexicon's known words), and
 * no exclusion of the entry stands; two entries equally near make it no near miss at all.
 */
import type { CompiledEntry, KnowledgeBase, SignalPhrase } from '../knowledge/knowledgeBase';
import { detectAll, negationWords } from '../reading/detect';
import { exclusionsFor, type MatchResult } from './matcher';
import { tokenize } from './words';

/** The one entry the message nearly names, or null. `match`: the message's own match (it found none). */
export function nearMiss(kb: KnowledgeBase, match: MatchResult): CompiledEntry | null {
  const tokens = tokenize(match.normalized);
  const stems = new Set(tokens.map((t) => t.stem));
  const generic = kb.lexicon.words('known_words');
  // Which phrases share a word with the message: each phrase once, by its own words.
  const near = new Map<string, number>();
  for (const stem of stems) {
    if (generic.has(stem)) continue;
    for (const phrase of kb.phrasesByStem.get(stem) ?? []) {
      if (phrase.role !== 'match' || !nearlySaid(phrase, stems, generic)) continue;
      near.set(phrase.entryId, Math.max(near.get(phrase.entryId) ?? 0, phrase.uniqueStems.length));
    }
  }
  if (near.size === 0 || !reportsFailure(kb, tokens, match.normalized.toLowerCase(), match.signals.errors.length > 0)) return null;
  const best = Math.max(...near.values());
  const top = [...near.entries()].filter(([, size]) => size === best).map(([id]) => kb.get(id)!);
  if (top.length !== 1 || exclusionsFor(top[0], match).length > 0) return null;
  return top[0];
}

/**
 * Every word of the phrase that is its own is in the message, and only one word every update
 * message has is missing ("the WinRE thing" for "winre update"; "Windows Update Cleanup, safe to
 * delete?" lacks "os" of "safe os update", which is no near miss).
 */
function nearlySaid(phrase: SignalPhrase, stems: ReadonlySet<string>, generic: ReadonlySet<string>): boolean {
  const missing = phrase.uniqueStems.filter((s) => !stems.has(s));
  return phrase.uniqueStems.length >= 2 && missing.length === 1 && generic.has(missing[0]);
}

/** Whether the message reports something failing: an error code, or the lexicon's trouble words. */
function reportsFailure(kb: KnowledgeBase, tokens: ReturnType<typeof tokenize>, lower: string, hasError: boolean): boolean {
  if (hasError) return true;
  // (Each list as the lexicon holds it: detect.ts indexes a list once.)
  return ['trouble', 'update_failure'].some((key) => detectAll(kb.lexicon.detectors(key), tokens, lower, { anyForm: true, exact: true, negation: negationWords(kb.lexicon) }).some((hit) => !hit.negated));
}
