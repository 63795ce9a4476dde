/**
 * The rules of `../shared/eval/score.py`, in TypeScript, so the suite reports agreement and
 * wrong "resolved" answers without Python; run.ts also runs score.py itself when it can, as a
 * cross-check.
 */

export interface EvalConversation {
  id: string;
  tags: string[];
  turns: string[];
  expect: { outcome: 'resolved' | 'escalated' | 'pending' | 'no_match' | 'not_resolved'; entry?: string | null };
}

export interface EvalOutcome {
  id: string;
  outcome: string;
  entry: string | null;
}

export interface Score {
  agreed: number;
  total: number;
  agreement: number;
  /** Outcome `resolved` where the expectation was anything else: a wrong "safe to ignore". */
  wrongResolved: number;
  missesByTag: Record<string, number>;
  misses: Array<{ id: string; want: EvalConversation['expect']; got: { outcome: string; entry: string | null } | null }>;
}

const NOT_TO_RESOLVE = new Set(['not_resolved', 'escalated', 'no_match', 'pending']);

export function score(expected: readonly EvalConversation[], actual: readonly EvalOutcome[]): Score {
  const byId = new Map(actual.map((a) => [a.id, a]));
  let agreed = 0;
  let wrongResolved = 0;
  const missesByTag: Record<string, number> = {};
  const misses: Score['misses'] = [];
  for (const e of expected) {
    const a = byId.get(e.id);
    const want = e.expect;
    let good = false;
    if (a) {
      good = want.outcome === 'not_resolved' ? a.outcome !== 'resolved' : a.outcome === want.outcome;
      if (good && 'entry' in want) good = a.entry === want.entry;
      if (a.outcome === 'resolved' && NOT_TO_RESOLVE.has(want.outcome)) wrongResolved++;
    }
    if (good) agreed++;
    else {
      for (const t of e.tags) missesByTag[t] = (missesByTag[t] ?? 0) + 1;
      misses.push({ id: e.id, want, got: a ? { outcome: a.outcome, entry: a.entry } : null });
    }
  }
  return { agreed, total: expected.length, agreement: expected.length ? agreed / expected.length : 0, wrongResolved, missesByTag, misses };
}
