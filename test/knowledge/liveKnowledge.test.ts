/**
 * Live knowledge on a real folder: edits, new files and deletions are served within two seconds,
 * a broken edit is refused with its problems while the last good knowledge keeps answering.
 */
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HelpdeskBot } from '../../src/bot';
import { CollectingSink } from '../../src/escalation/sink';
import { LiveKnowledge, type LiveKnowledgeOptions } from '../../src/knowledge/liveKnowledge';
import { KnowledgeError } from '../../src/knowledge/problems';
import type { Logger } from '../../src/logger';
import { TEXTS } from '../../src/dialogue/texts';
import { waitUntil } from '../fakes/ticketWebhook';
import { FALSE_ERROR } from '../helpers/knowledge';

const PRINTER = (reply: string) => `id: printer-floor-3-jams
title: "The floor 3 printer jams"
match:
  phrases: [printer jams, paper jam]
flow:
  - resolve: clear_jam
replies:
  clear_jam: |
    ${reply}
`;

let dir: string;
let live: LiveKnowledge | undefined;
const logs: Array<{ level: string; obj: Record<string, unknown>; msg?: string }> = [];
const logger: Logger = {
  debug: (obj, msg) => logs.push({ level: 'debug', obj: obj as Record<string, unknown>, msg }),
  info: (obj, msg) => logs.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
  warn: (obj, msg) => logs.push({ level: 'warn', obj: obj as Record<string, unknown>, msg }),
  error: (obj, msg) => logs.push({ level: 'error', obj: obj as Record<string, unknown>, msg }),
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'helpdesk-kb-'));
  cpSync('knowledge', dir, { recursive: true });
  writeFileSync(join(dir, 'printer.yaml'), PRINTER('Open tray 2 and pull the paper out gently.'));
  logs.length = 0;
});

afterEach(() => {
  live?.close();
  live = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function open(options: Partial<LiveKnowledgeOptions> = {}) {
  live = LiveKnowledge.open({ dir, logger, ...options });
  const knowledge = live;
  const sink = new CollectingSink();
  const bot = new HelpdeskBot({ knowledge: () => knowledge.current(), sink });
  let n = 0;
  const conversation = () => {
    const id = `c${++n}`;
    return (text: string) => bot.handle({ conversationId: id, channel: 'terminal', user: { id: 'U1' }, text });
  };
  return { live: knowledge, bot, sink, conversation };
}

/** Waits for the reload count to reach `count` and says how long it took. */
async function reloaded(knowledge: LiveKnowledge, count: number, since: number): Promise<number> {
  await waitUntil(() => knowledge.reloads >= count, `reload ${count}`, 2000);
  return Date.now() - since;
}

test.each([
  ['fs.watch and polling', {}],
  ['polling alone (filesystems without change events)', { watch: false }],
])('an edit is served within two seconds, without a restart: %s', async (_name, options) => {
  const { live: knowledge, conversation } = open(options);
  expect((await conversation()('the printer jams again')).replies[0].text).toContain('tray 2');
  const edited = Date.now();
  writeFileSync(join(dir, 'printer.yaml'), PRINTER('Call the facilities desk on extension 4455.'));
  expect(await reloaded(knowledge, 1, edited)).toBeLessThan(2000);
  expect((await conversation()('the printer jams again')).replies[0].text).toContain('extension 4455');
  expect(logs.find((l) => l.msg === 'knowledge reloaded')?.obj).toMatchObject({ entries: 4 });
});

test('a new file and a deleted file are served within two seconds', async () => {
  const { live: knowledge, conversation } = open();
  unlinkSync(join(dir, 'printer.yaml'));
  await reloaded(knowledge, 1, Date.now());
  expect(knowledge.current().get('printer-floor-3-jams')).toBeUndefined();
  expect((await conversation()('the printer jams again')).outcome).toBe('no_match');
  const added = Date.now();
  writeFileSync(join(dir, 'printer.yaml'), PRINTER('Open tray 2.'));
  expect(await reloaded(knowledge, 2, added)).toBeLessThan(2000);
  expect((await conversation()('paper jam on floor 3')).outcome).toBe('resolved');
});

test('a broken edit is refused with file:line:column problems, and the previous knowledge keeps answering', async () => {
  const { live: knowledge, conversation } = open();
  writeFileSync(join(dir, 'printer.yaml'), PRINTER('Open tray 2.').replace('flow:', 'flow:\n  - resolve: [unclosed'));
  await waitUntil(() => knowledge.lastError, 'the refusal', 2000);
  expect(knowledge.lastError).toBeInstanceOf(KnowledgeError);
  expect(knowledge.reloads).toBe(0);
  const refusal = logs.find((l) => l.level === 'error')!;
  expect(refusal.msg).toMatch(/refused.*previous knowledge stays/);
  const problems = refusal.obj.problems as string[];
  expect(problems.length).toBeGreaterThan(0);
  expect(problems[0]).toMatch(new RegExp(`printer\\.yaml:\\d+:\\d+ `));
  // Still served from the last good version.
  expect((await conversation()('the printer jams again')).replies[0].text).toContain('tray 2');
  expect((await conversation()('KB5057589 failed')).entryId).toBe(FALSE_ERROR);

  writeFileSync(join(dir, 'printer.yaml'), PRINTER('Fixed: use tray 3.'));
  await reloaded(knowledge, 1, Date.now());
  expect(knowledge.lastError).toBeNull();
  expect((await conversation()('the printer jams again')).replies[0].text).toContain('tray 3');
});

test('an entry deleted mid-conversation ends the conversation politely and hands it to a person', async () => {
  const { live: knowledge, conversation, sink } = open();
  const say = conversation();
  const first = await say('KB5057589 failed with 0x80070643');
  expect(first).toMatchObject({ outcome: 'pending', entryId: FALSE_ERROR });
  unlinkSync(join(dir, 'kb5057589-winre-false-error.yaml'));
  await reloaded(knowledge, 1, Date.now());
  const next = await say('yes');
  expect(next.outcome).toBe('escalated');
  expect(next.replies.map((r) => r.text).join('\n')).toContain(TEXTS.entryRemoved);
  expect(sink.records).toHaveLength(1);
  expect(sink.records[0]).toMatchObject({ reason: 'entry_removed', transcript: expect.arrayContaining([expect.objectContaining({ text: 'KB5057589 failed with 0x80070643' })]) });
});

test('the first load reports problems like kb lint (a KnowledgeError), and close() stops following the folder', async () => {
  writeFileSync(join(dir, 'broken.yaml'), 'id: [oops');
  expect(() => LiveKnowledge.open({ dir, logger })).toThrow(KnowledgeError);
  unlinkSync(join(dir, 'broken.yaml'));
  const { live: knowledge } = open({ pollMs: 50, debounceMs: 10 });
  knowledge.close();
  writeFileSync(join(dir, 'printer.yaml'), PRINTER('Changed after close.'));
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(knowledge.reloads).toBe(0);
});
