/**
 * A real bot process killed with SIGKILL between two turns continues the conversation when it
 * starts again (SQLite in DATA_DIR), and an escalation its ticket webhook refused before the kill
 * is delivered exactly once by the next process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import ts from 'typescript';
import { FakeTicketWebhook, waitUntil } from '../fakes/ticketWebhook';
import { FALSE_ERROR } from '../helpers/knowledge';

const ROOT = resolve(__dirname, '..', '..');
const SECRET = 'restart-test-secret-0123456789';
let build: string;
let work: string;
let webhook: FakeTicketWebhook;
const children: ChildProcess[] = [];

/** Transpiles src/ and the driver into a temporary folder: no type check, no dist/ shared with others. */
function transpile(out: string): void {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(path);
    }
  };
  walk(join(ROOT, 'src'));
  files.push(join(ROOT, 'test', 'server', 'botProcess.ts'));
  for (const file of files) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    const target = join(out, relative(ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
}

beforeAll(() => {
  build = mkdtempSync(join(tmpdir(), 'helpdesk-build-'));
  transpile(build);
});

afterAll(() => rmSync(build, { recursive: true, force: true }));

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'helpdesk-restart-'));
  webhook = await FakeTicketWebhook.start();
});

afterEach(async () => {
  for (const child of children.splice(0)) await kill(child);
  await webhook.close();
  rmSync(work, { recursive: true, force: true });
});

interface BotProcess {
  child: ChildProcess;
  say(conversationId: string, text: string): Promise<{ outcome: string; questionId: string | null; escalationId: string | null; escalationDelivered: boolean | null }>;
}

async function startBot(): Promise<BotProcess> {
  const child = spawn(process.execPath, [join(build, 'test', 'server', 'botProcess.js')], {
    cwd: work,
    env: {
      PATH: process.env.PATH,
      NODE_PATH: join(ROOT, 'node_modules'),
      DATA_DIR: 'data',
      KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
      TICKET_WEBHOOK_URL: webhook.url,
      TICKET_WEBHOOK_SECRET: SECRET,
      CONVERSATION_IDLE_MINUTES: '60',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => {
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([
      lines.next(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from the bot process within 10 s; stderr:\n${stderr}`)), 10_000);
      }),
    ]).finally(() => clearTimeout(timer));
    if (result.done) throw new Error(`the bot process ended; stderr:\n${stderr}`);
    return JSON.parse(result.value);
  };
  expect(await next()).toMatchObject({ ready: true });
  return {
    child,
    async say(conversationId, text) {
      child.stdin!.write(`${JSON.stringify({ conversationId, channel: 'slack', user: { id: 'U1', name: 'Ana' }, text })}\n`);
      return next();
    },
  };
}

async function kill(child: ChildProcess): Promise<NodeJS.Signals | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.signalCode;
  return new Promise((resolve) => {
    child.once('exit', (_code, signal) => resolve(signal));
    child.kill('SIGKILL');
  });
}

test('a conversation continues after the bot process is killed with SIGKILL between two turns', async () => {
  const first = await startBot();
  expect(await first.say('slack:T1:C1:1.1', 'KB5057589 failed with 0x80070643')).toMatchObject({ outcome: 'pending', questionId: `${FALSE_ERROR}/rebooted` });
  expect(await kill(first.child)).toBe('SIGKILL');

  const second = await startBot();
  expect(await second.say('slack:T1:C1:1.1', 'yes')).toMatchObject({ outcome: 'pending', questionId: `${FALSE_ERROR}/recovery_free_mb` });
  expect(await second.say('slack:T1:C1:1.1', '400 MB')).toMatchObject({ outcome: 'resolved' });
}, 30_000);

test('an escalation the ticket system refused before the kill is delivered exactly once after the restart', async () => {
  webhook.status = 500;
  const first = await startBot();
  const turn = await first.say('slack:T1:C1:2.2', 'talk to a human pls, KB5057589 keeps failing');
  expect(turn).toMatchObject({ outcome: 'escalated', escalationDelivered: true });
  await waitUntil(() => webhook.requests.length >= 2, 'failed attempts before the kill');
  expect(await kill(first.child)).toBe('SIGKILL');
  const attemptsBefore = webhook.requests.length;

  webhook.status = 200;
  await startBot();
  await waitUntil(() => webhook.accepted.length >= 1, 'the delivery from the new process', 10_000);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(webhook.requests.length).toBeGreaterThan(attemptsBefore);
  expect(webhook.accepted.map((r) => r.headers['idempotency-key'])).toEqual([turn.escalationId]);
  expect(webhook.accepted[0].headers['x-helpdesk-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
}, 30_000);
