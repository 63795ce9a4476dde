/**
 * The core as the suite measures it: loaded from the repository's dist/ (what `npm run build`
 * ships), typed from src/. Every bench module reaches the core through here.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as BotModule from '../src/bot';
import type * as StoreModule from '../src/conversation/store';
import type * as SinkModule from '../src/escalation/sink';
import type * as KnowledgeBaseModule from '../src/knowledge/knowledgeBase';
import type * as LoadModule from '../src/knowledge/load';
import type * as LoadKnowledgeModule from '../src/knowledge/loadKnowledge';
import type * as MatcherModule from '../src/matching/matcher';
import type * as ReplayModule from '../src/cli/replay';
import { distDir } from './lib/repo';

/** Requires `dist/<rel>.js`; a missing build is an actionable error, not a stack trace. */
export function requireDist<T>(rel: string): T {
  const file = join(distDir(), `${rel}.js`);
  if (!existsSync(file)) throw new Error(`bench: ${file} is missing; run \`npm run build\` first (npm run bench does).`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as T;
}

/** Whether a compiled core module exists (stores and adapters other agents are building). */
export function distHas(rel: string): boolean {
  return existsSync(join(distDir(), `${rel}.js`));
}

export const core = {
  loadKnowledge: () => requireDist<typeof LoadKnowledgeModule>('knowledge/loadKnowledge').loadKnowledge,
  loadKnowledgeDir: () => requireDist<typeof LoadModule>('knowledge/load').loadKnowledgeDir,
  compileKnowledge: () => requireDist<typeof KnowledgeBaseModule>('knowledge/knowledgeBase').compileKnowledge,
  matchMessage: () => requireDist<typeof MatcherModule>('matching/matcher').matchMessage,
  HelpdeskBot: () => requireDist<typeof BotModule>('bot').HelpdeskBot,
  MemoryConversationStore: () => requireDist<typeof StoreModule>('conversation/store').MemoryConversationStore,
  CollectingSink: () => requireDist<typeof SinkModule>('escalation/sink').CollectingSink,
  runConversation: () => requireDist<typeof ReplayModule>('cli/replay').runConversation,
};

export type KnowledgeBase = KnowledgeBaseModule.KnowledgeBase;
export type HelpdeskBot = BotModule.HelpdeskBot;
export type ConversationStore = StoreModule.ConversationStore;
