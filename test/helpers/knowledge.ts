/** The shipped knowledge, loaded once per test file. */
import { loadKnowledge } from '../../src/knowledge/loadKnowledge';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';

let shipped: KnowledgeBase | undefined;

export function shippedKnowledge(): KnowledgeBase {
  shipped ??= loadKnowledge('knowledge').knowledge;
  return shipped;
}

export const FALSE_ERROR = 'kb5057589-winre-false-error';
export const REAL_FAILURE = 'kb5034441-winre-partition-too-small';
export const UNLISTED = '0x80070643-unlisted-update';
