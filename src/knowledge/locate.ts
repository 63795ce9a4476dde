/** Maps key paths inside a parsed YAML document back to line and column. */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export interface SourcePosition {
  line: number;
  column: number;
  sourceLine: string;
}

/**
 * Position of the node at `path`; with `key` set, of that key inside the map at `path` (used
 * for unknown keys). A path that does not exist points at its deepest existing parent.
 */
export function locate(
  doc: Document,
  lines: LineCounter,
  text: string,
  path: ReadonlyArray<PropertyKey>,
  key?: string,
): SourcePosition {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  const steps = key === undefined ? path : [...path, key];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      const isLast = i === steps.length - 1;
      // For an unknown key, point at the key itself; otherwise at the value when it has one.
      const target = isLast && key !== undefined ? pair.key : (pair.value ?? pair.key);
      offset = rangeStart(target) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col, sourceLine: text.split(/\r?\n/)[pos.line - 1] ?? '' };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return Array.isArray(range) ? range[0] : undefined;
}
