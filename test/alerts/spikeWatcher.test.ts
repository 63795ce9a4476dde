import { HelpdeskBot } from '../../src/bot';
import { SpikeWatcher } from '../../src/alerts/spikeWatcher';
import { MemoryConversationStore } from '../../src/conversation/store';
import { CollectingSink, type SupportNotice } from '../../src/escalation/sink';
import { shippedKnowledge } from '../helpers/knowledge';

const HOUR = 60 * 60 * 1000;

function setUp(threshold = 5) {
  let now = Date.parse('2026-11-10T18:05:00Z');
  const store = new MemoryConversationStore(() => now);
  const bot = new HelpdeskBot({ knowledge: shippedKnowledge(), store, events: store.events, sink: new CollectingSink(), now: () => new Date(now) });
  const notices: SupportNotice[] = [];
  const watcher = (name = 'a') =>
    new SpikeWatcher({ events: store.events, store, knowledge: shippedKnowledge, threshold, now: () => now, notify: async (n) => void notices.push({ ...n, title: `${name}: ${n.title}` }) });
  let n = 0;
  const ask = async (...turns: string[]) => {
    n += 1;
    for (const text of turns) await bot.handle({ conversationId: `slack:T1:C1:${n}`, channel: 'slack', user: { id: `U${n}` }, text });
  };
  return { store, notices, watcher, ask, advance: (ms: number) => (now += ms) };
}

describe('spike alerts', () => {
  it('alerts once per hour when one entry gets more conversations than the threshold', async () => {
    const { notices, watcher, ask, advance } = setUp(5);
    for (let i = 0; i < 6; i++) await ask('KB5057589 failed with 0x80070643', 'yes');
    const w = watcher();
    expect(await w.check()).toHaveLength(1);
    expect(notices[0].title).toBe('a: Spike: 6 conversations in the last hour about KB5057589 (April 2025 WinRE update) shows 0x80070643 although it installs');
    expect(notices[0].text).toContain('`kb5057589-winre-false-error`');
    expect(await w.check()).toEqual([]);
    advance(HOUR);
    for (let i = 0; i < 6; i++) await ask('KB5057589 failed again');
    expect(await w.check()).toHaveLength(1);
    expect(notices).toHaveLength(2);
  });

  it('stays quiet at the threshold', async () => {
    const { watcher, ask } = setUp(5);
    for (let i = 0; i < 5; i++) await ask('KB5057589 failed with 0x80070643');
    expect(await watcher().check()).toEqual([]);
  });

  it('counts only the last hour', async () => {
    const { watcher, ask, advance } = setUp(5);
    for (let i = 0; i < 3; i++) await ask('KB5057589 failed');
    advance(HOUR + 1);
    for (let i = 0; i < 3; i++) await ask('KB5057589 failed');
    expect(await watcher().check()).toEqual([]);
  });

  it('alerts on a group of similar unanswered messages', async () => {
    const { notices, watcher, ask } = setUp(3);
    for (const text of ['printer on 3rd floor is jammed', 'the 3rd floor printer jammed again', 'paper jam in the printer on floor 3', 'printer 3rd floor jammed, help', 'VPN keeps disconnecting']) await ask(text);
    const spikes = await watcher().check();
    expect(spikes.map((s) => [s.kind, s.conversations])).toEqual([['unanswered', 4]]);
    expect(notices[0].title).toMatch(/^a: Spike: 4 unanswered messages in the last hour like "/);
  });

  it('raises one alert between several replicas sharing a store', async () => {
    const { notices, watcher, ask } = setUp(2);
    for (let i = 0; i < 3; i++) await ask('KB5034441 failed with 0x80070643');
    const results = await Promise.all([watcher('a').check(), watcher('b').check()]);
    expect(results.flat()).toHaveLength(1);
    expect(notices).toHaveLength(1);
  });
});
