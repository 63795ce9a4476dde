/** Entries that claim exactly the same update ids and error codes, with nothing to tell them apart. */
import type { CompiledEntry } from './knowledgeBase';

export interface Overlap {
  first: CompiledEntry;
  second: CompiledEntry;
  signature: string;
}

/** Pairs of entries with the same non-empty signature set and no exclusion on either side. */
export function findSignatureOverlaps(entries: readonly CompiledEntry[]): Overlap[] {
  const bySignature = new Map<string, CompiledEntry>();
  const overlaps: Overlap[] = [];
  for (const entry of entries) {
    const parts = [...[...entry.updates].sort(), ...(entry.anyUnlistedUpdate ? ['*'] : []), ...[...entry.errors].sort()];
    if (parts.length === 0 || hasExclusion(entry)) continue;
    const signature = parts.join(', ');
    const first = bySignature.get(signature);
    if (first) overlaps.push({ first, second: entry, signature });
    else bySignature.set(signature, entry);
  }
  return overlaps;
}

function hasExclusion(entry: CompiledEntry): boolean {
  const ex = entry.exclude;
  return ex.otherUpdates || ex.otherErrors || ex.updates.size > 0 || ex.errors.size > 0 || entry.phrases.some((p) => p.role === 'exclude');
}
