/** "Did you mean" for misspelt keys and names. */
import { editDistance } from '../matching/fuzzy';

/** The closest of `options` to `typed`, when it is close enough to be a likely typo. */
export function closest(typed: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const option of options) {
    const d = editDistance(typed.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(typed.length / 3)) ? best : undefined;
}
