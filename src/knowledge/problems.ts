/** Problems found in knowledge files, each pointing at a file, line, column and key path. */

export type ProblemSeverity = 'error' | 'warning';

export interface KnowledgeProblem {
  /** Stable machine-readable kind, e.g. `unknown-key`, `yaml-syntax`, `unknown-question`. */
  code: string;
  severity: ProblemSeverity;
  file: string;
  line: number;
  column: number;
  /** Key path inside the entry, e.g. `flow[2].when`; empty for the whole file. */
  path: string;
  message: string;
  /** How to fix it, when there is more to say than the message. */
  hint?: string;
  /** The offending source line, shown under the message. */
  sourceLine?: string;
}

/** Thrown when knowledge cannot be served; carries every problem, not just the first. */
export class KnowledgeError extends Error {
  readonly code = 'KNOWLEDGE_INVALID';

  constructor(readonly problems: KnowledgeProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(`The knowledge base has ${errors.length} problem${errors.length === 1 ? '' : 's'}:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

/** `file:line:column path: message`, then the source line with a caret and the hint. */
export function formatProblem(p: KnowledgeProblem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  const label = p.severity === 'warning' ? 'warning: ' : '';
  let out = `${where} ${p.path ? `${p.path}: ` : ''}${label}${p.message}`;
  if (p.sourceLine !== undefined) {
    out += `\n    ${p.sourceLine}\n    ${' '.repeat(Math.max(0, p.column - 1))}^`;
  }
  if (p.hint) out += `\n    hint: ${p.hint}`;
  return out;
}

/** `flow[2].when.rebooted` from `['flow', 2, 'when', 'rebooted']`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}
