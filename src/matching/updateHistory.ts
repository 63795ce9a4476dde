/**
 * Pasted update histories (Settings › Update history, Get-WUHistory) list every recent update
 * with how it went. The ones that installed are not the problem: a history where only
 * KB5057589 failed is about KB5057589, not about the cumulative updates listed beside it.
 */
import { findUpdateIds } from './signals';

// How a line (or the status line under it, as Settings prints it) says an update went.
const INSTALLED = /\b(?:successfully installed|installed successfully|succeeded|installation successful|installed)\b/i;
const NOT_INSTALLED = /\b(?:fail\w*|error\w*|0x[0-9a-f]{8}|pending|cancel\w*|aborted|reverted|undoing|not installed)\b/i;
// Lines, and the items of a history pasted from Teams as HTML (<li>, <br>, <p>, <tr>).
const LINE_BREAK = /\n|<(?:li|br|p|div|tr)\b[^>]*>/i;

/**
 * The text without the lines of updates that installed, when it lists several updates and
 * at least one of them did not; otherwise the text as it is.
 */
export function withoutInstalledUpdates(text: string): string {
  // Most messages are one line, or say nothing of installs.
  if ((!text.includes('\n') && !text.includes('<')) || !INSTALLED.test(text)) return text;
  const lines = text.split(LINE_BREAK);
  const namesUpdate = lines.map((line) => findUpdateIds(line).length > 0);
  const drop = new Set<number>();
  let listed = 0;
  lines.forEach((line, i) => {
    if (!namesUpdate[i]) return;
    listed += 1;
    // The status is on the update's line, or on the next line when that names no update.
    const next = lines[i + 1];
    const statusLine = INSTALLED.test(line) || NOT_INSTALLED.test(line) || next === undefined || namesUpdate[i + 1] ? null : next;
    const status = statusLine ?? line;
    if (INSTALLED.test(status) && !NOT_INSTALLED.test(status)) {
      drop.add(i);
      if (statusLine !== null) drop.add(i + 1);
    }
  });
  // Only a history with something that did not install is read this way.
  const kept = [...Array(lines.length).keys()].filter((i) => !drop.has(i));
  const updatesKept = kept.filter((i) => namesUpdate[i]).length;
  if (listed < 2 || drop.size === 0 || updatesKept === 0) return text;
  return kept.map((i) => lines[i]).join('\n');
}
