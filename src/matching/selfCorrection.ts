/**
 * Where a message corrects itself: "kb5057859, sorry typo, I mean KB5057589", "150 MB - no
 * sorry, I misread the column, it's 1.5 GB". What the employee wrote before the correction is
 * what they took back; the figure or update id after it is the one they mean.
 */

// Words that take back what came before. A bare "sorry" ("sorry for the long message"), "oops"
// or "wait, no" does so only when a figure or an id follows at once ("90 MB, sorry, 900 MB").
// Either way, nothing changes unless a figure or an id stands after it.
const CORRECTION =
  /\b(?:no,? sorry|sorry,? (?:typo|wrong|i misread|my mistake)|i mean|i meant|i misread|misread|correction|scratch that|my bad|typo|my mistake|wrong number|i mixed (?:it|them) up)\b|\b(?:sorry|oops|no,? wait|wait,? no)\b[\s,;:.!*~-]*(?=(?:kb\s*)?\d)/gi;

/** The index just after the message's last correction, or -1 when it has none. */
export function afterLastCorrection(text: string): number {
  let end = -1;
  for (const m of text.matchAll(CORRECTION)) end = m.index + m[0].length;
  return end;
}
