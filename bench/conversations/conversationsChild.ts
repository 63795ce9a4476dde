/**
 * Conversations at scale, in a fresh process: the 10,000-entry knowledge base loaded, then
 * N conversations opened and each taken one answer further, so all N are in progress at once
 * (each waits for its next answer). Reports per-turn latency (one turn at a time, awaited: the
 * service time of `HelpdeskBot.handle` with the store's round trip) and resident memory with
 * every conversation held.
 *
 * usage: node conversationsChild.js KB_DIR SIZE SEED COUNT STORE [STORE_ARG]
 *   STORE: memory | sqlite (STORE_ARG: data folder) | redis (STORE_ARG: redis:// URL)
 */
import { core, requireDist, type ConversationStore } from '../core';
import { generateKnowledge } from '../generate/knowledgeGenerator';
import { runAsChild } from '../lib/childProcess';
import { memoryAfterGc, msSince, summarize } from '../lib/stats';

/** The part of the persistent-store factory (src/conversation/openStore.ts) the suite uses. */
interface OpenStoreModule {
  openStore(
    config: { dataDir: string; redisUrl: string | null; ticketWebhook: null },
    options?: { cwd?: string },
  ): Promise<ConversationStore & { kind?: string }>;
}

async function openStore(kind: string, arg: string | undefined): Promise<ConversationStore> {
  if (kind === 'memory') return new (core.MemoryConversationStore())();
  const { openStore: open } = requireDist<OpenStoreModule>('conversation/openStore');
  if (kind === 'sqlite') return open({ dataDir: arg!, redisUrl: null, ticketWebhook: null });
  if (kind === 'redis') return open({ dataDir: '.', redisUrl: arg!, ticketWebhook: null });
  throw new Error(`unknown store "${kind}" (memory, sqlite or redis)`);
}

async function main() {
  const [dir, sizeArg, seedArg, countArg, storeKind, storeArg] = process.argv.slice(2);
  const count = Number(countArg);
  const openers = generateKnowledge(Number(sizeArg), Number(seedArg))
    .filter((e) => e.kind === 'cosmetic')
    .map((e) => `${e.updates[0]} failed with ${e.errors[0] ?? 'an error'}`);

  const { knowledge } = core.loadKnowledge()(dir);
  const HelpdeskBot = core.HelpdeskBot();
  const store = await openStore(storeKind, storeArg);
  const bot = new HelpdeskBot({ knowledge, store, sink: new (core.CollectingSink())() });
  const afterLoad = memoryAfterGc();

  const turn = async (i: number, text: string) => {
    const t = process.hrtime.bigint();
    const r = await bot.handle({ conversationId: `bench:${storeKind}:${i}`, channel: 'bench', user: { id: `U${i}` }, text });
    return { ns: Number(process.hrtime.bigint() - t), outcome: r.outcome };
  };
  const run = async (label: string, text: (i: number) => string) => {
    const samples: number[] = [];
    let pending = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) {
      const r = await turn(i, text(i));
      samples.push(r.ns);
      if (r.outcome === 'pending') pending++;
    }
    const ms = msSince(start);
    return { label, turns: count, pending, turnsPerSecond: count / (ms / 1000), latency: summarize(samples) };
  };

  // First message: the update and its error; the bot matches the entry and asks about a restart.
  const opened = await run('open', (i) => openers[i % openers.length]);
  // Second: "yes"; the bot asks how much free space there is, and waits.
  const answered = await run('answer', () => 'yes, restarted');
  const held = memoryAfterGc();
  const inMemory = (store as { size?: number }).size;
  await bot.close();
  return {
    store: storeKind,
    entries: knowledge.size,
    conversations: count,
    inProgress: answered.pending,
    storeSize: typeof inMemory === 'number' ? inMemory : undefined,
    rssAfterLoadMb: afterLoad.rssMb,
    heapAfterLoadMb: afterLoad.heapUsedMb,
    rssWithConversationsMb: held.rssMb,
    heapWithConversationsMb: held.heapUsedMb,
    turns: [opened, answered],
  };
}

runAsChild(main);
