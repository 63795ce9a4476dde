/**
 * A knowledge YAML file read and parsed with positions: entries, the lexicon and the shared
 * questions all go through here, so their syntax errors read alike (file:line:column, the
 * offending line, a hint).
 */
import { readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { KnowledgeProblem } from './problems';

/** A file's text, or the problem that kept it unread (too large, unreadable). */
export function readBounded(file: string, maxBytes: number): { text: string } | { problem: KnowledgeProblem } {
  try {
    const size = statSync(file).size;
    if (size > maxBytes) return { problem: wholeFileProblem(file, 'file-too-large', `the file is ${size} bytes; the limit is ${maxBytes}`) };
    return { text: readFileSync(file, 'utf8') };
  } catch (err) {
    return { problem: wholeFileProblem(file, 'unreadable-file', `cannot read the file: ${err instanceof Error ? err.message : String(err)}`) };
  }
}

/** The careful parse: duplicate keys refused, every node's position kept. */
export function parseWithPositions(text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true }), lines };
}

/** The document's syntax errors as problems, each placed where a person would look. */
export function yamlSyntaxProblems(file: string, text: string, doc: Document, lines: LineCounter): KnowledgeProblem[] {
  return doc.errors.map((err) => {
    const pos = lines.linePos(errorOffset(doc, err.code, err.pos[0]));
    return {
      code: 'yaml-syntax',
      severity: 'error',
      file,
      line: pos.line,
      column: pos.col,
      path: '',
      message: firstLine(err.message),
      hint: err.code === 'DUPLICATE_KEY' ? 'each key may appear once; merge the two' : 'check indentation and quoting near this point',
      sourceLine: text.split(/\r?\n/)[pos.line - 1] ?? '',
    };
  });
}

export function wholeFileProblem(file: string, code: string, message: string, hint?: string): KnowledgeProblem {
  return { code, severity: 'error', file, line: 1, column: 1, path: '', message, hint };
}

export function firstLine(message: string): string {
  return message.split('\n')[0];
}

// An unclosed quote is reported where the file ends; the person needs the quote that opened it.
function errorOffset(doc: Document, code: string, offset: number): number {
  if (code !== 'MISSING_CHAR') return offset;
  let start = offset;
  visit(doc, {
    Scalar(_key, node) {
      const range = node.range;
      if (range && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && range[0] < offset && range[1] >= offset) start = range[0];
    },
  });
  return start;
}
