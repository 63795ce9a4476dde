/**
 * The bot in a process of its own, for restart tests: `serve`'s wiring from the environment
 * (store in DATA_DIR or REDIS_URL, outbox worker, ticket webhook, live knowledge) without a chat
 * platform. Reads one JSON message per stdin line and writes each turn as one JSON line.
 * Run compiled (test/server/restart.test.ts transpiles it with src/).
 */
import { createInterface } from 'node:readline';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge';
import { readAllConfig, startConfigured } from '../../src/server/runServer';

async function main(): Promise<void> {
  const config = readAllConfig(process.env);
  if (config.problems.length > 0) throw new Error(config.problems.map((p) => `${p.variable} ${p.message}`).join('; '));
  const dir = process.env.KNOWLEDGE_DIR ?? 'knowledge';
  const running = await startConfigured(
    { ...config, server: { ...config.server, host: '127.0.0.1', port: 0 } },
    {
      knowledgeDir: dir,
      knowledge: loadKnowledge(dir).knowledge,
      cwd: process.cwd(),
      // Short waits, so that a test sees retries and lease take-overs in well under a second.
      outbox: { backoff: { baseMs: 20, maxMs: 200 }, pollMs: 20, attemptTimeoutMs: 1000, leaseMs: 1500 },
    },
  );
  process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid })}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    const turn = await running.bot.handle(JSON.parse(line));
    const out = {
      conversationId: turn.conversationId,
      outcome: turn.outcome,
      questionId: turn.replies[0]?.questionId ?? null,
      escalationId: turn.escalation?.id ?? null,
      escalationDelivered: turn.escalationDelivered ?? null,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  await running.close();
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exitCode = 1;
});
