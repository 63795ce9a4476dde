/**
 * The first stage of reading: a message cut into sentences and clauses, each with its place in
 * the text. Later stages read these pieces and never split the text again.
 */

// Where a clause ends: sentence punctuation or a comma before a space ("0.3 GB" and "0,3 GB"
// stay whole), a line break, a dash set apart by spaces ("300 MB - is that enough?"; typographic
// dashes arrive as " - "; "200 - 300 MB" is a range), or a conjunction that starts another statement.
// "with" only before a figure called free: "is 750 MB with 320 MB free" is two statements,
// "the EFI partition with 300 MB" one.
export const CLAUSE_BREAK = /[.!?;,](?=\s|$)|\n|(?<!\d)\s-\s|\s-\s(?!\d)|\s\/\s|\s(?:and|but|while|whereas|though|although|however)\s|\swith\s(?=[\d.,]+\s?[a-z]*\s(?:free|left|available|remaining)\b)/gi;

// After sentence punctuation and a space ("1.5 GB" stays whole), or at a line break.
const SENTENCE_END = /(?<=[.!?])\s+|\n+/g;

export interface Clause {
  /** The clause as written (already normalized: markup stripped). */
  text: string;
  /** Where it starts in the text. */
  start: number;
  /** Which sentence of the text it belongs to (0-based). */
  sentence: number;
  /** Its sentence ends with a question mark, and this is the clause the mark ends. */
  question: boolean;
}

/** The clauses of a text, in order, without empty ones. */
export function segment(text: string): Clause[] {
  const out: Clause[] = [];
  let sentence = 0;
  for (const { text: sentenceText, start } of piecesOf(text, SENTENCE_END, 0)) {
    const pieces = piecesOf(sentenceText, CLAUSE_BREAK, start).filter((p) => p.text.trim() !== '');
    const asks = sentenceText.trimEnd().endsWith('?');
    pieces.forEach((p, i) => out.push({ text: p.text, start: p.start, sentence, question: asks && i === pieces.length - 1 }));
    if (pieces.length > 0) sentence++;
  }
  return out;
}

function piecesOf(text: string, breaks: RegExp, offset: number): Array<{ text: string; start: number }> {
  const pieces: Array<{ text: string; start: number }> = [];
  let from = 0;
  for (const m of text.matchAll(new RegExp(breaks.source, breaks.flags.includes('g') ? breaks.flags : `${breaks.flags}g`))) {
    pieces.push({ text: text.slice(from, m.index), start: offset + from });
    from = m.index + m[0].length;
  }
  pieces.push({ text: text.slice(from), start: offset + from });
  return pieces;
}
