/** Loads a knowledge folder for serving: all of it valid, or a KnowledgeError listing every problem. */
import { compileKnowledge, type KnowledgeBase } from './knowledgeBase';
import { loadKnowledgeDir } from './load';
import { KnowledgeError, type KnowledgeProblem } from './problems';

export function loadKnowledge(dir: string): { knowledge: KnowledgeBase; warnings: KnowledgeProblem[] } {
  const result = loadKnowledgeDir(dir);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new KnowledgeError(result.problems);
  return { knowledge: compileKnowledge(result.entries, result.lexicon, result.sharedQuestions), warnings: result.problems };
}
