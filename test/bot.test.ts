import { HelpdeskBot, type BotOptions, type BotTurn } from '../src/bot';
import { MemoryConversationStore } from '../src/conversation/store';
import { CollectingSink, type EscalationSink } from '../src/escalation/sink';
import { compileEntry, KnowledgeBase } from '../src/knowledge/knowledgeBase';
import type { Logger } from '../src/logger';
import { createLogger } from '../src/observability/logger';
import { FALSE_ERROR, REAL_FAILURE, UNLISTED, shippedKnowledge } from './helpers/knowledge';

function makeBot(overrides: Partial<BotOptions> = {}) {
  const sink = new CollectingSink();
  const bot = new HelpdeskBot({ knowledge: shippedKnowledge(), sink, ...overrides });
  let n = 0;
  const conversation = `test:${Math.random()}`;
  const say = (text: string) => bot.handle({ conversationId: conversation, channel: 'terminal', user: { id: 'U1', name: 'Ana' }, text });
  const converse = async (...turns: string[]) => {
    let last: BotTurn | undefined;
    for (const text of turns) {
      last = await say(text);
      n += 1;
    }
    return last!;
  };
  return { bot, sink, say, converse, turns: () => n };
}

const allText = (turn: BotTurn) => turn.replies.map((r) => r.text).join('\n');

describe('a KB5057589 conversation', () => {
  it('asks about the restart, then the space, then resolves with the reagentc check', async () => {
    const { say } = makeBot();
    const first = await say('KB5057589 failed with 0x80070643');
    expect(first).toMatchObject({ outcome: 'pending', entryId: FALSE_ERROR });
    expect(first.replies[0]).toMatchObject({ kind: 'question', questionId: `${FALSE_ERROR}/rebooted` });
    expect(first.replies[0].options.map((o) => o.label)).toEqual(['Yes', 'No', "I don't know", 'Talk to a person']);
    const second = await say('yup');
    expect(second.replies[0]).toMatchObject({ kind: 'question', questionId: `${FALSE_ERROR}/recovery_free_mb`, acceptsText: true });
    expect(second.replies[0].options.map((o) => o.label)).toEqual(['Less than 250 MB', '250 MB or more', "I don't know", 'Talk to a person']);
    const third = await say('0,4 GB');
    expect(third).toMatchObject({ outcome: 'resolved', entryId: FALSE_ERROR });
    expect(allText(third)).toContain('safe to ignore');
    expect(allText(third)).toContain('`reagentc /info`');
    expect(allText(third)).toContain('0,4 GB free');
  });

  it('resolves at once when the first message carries every answer', async () => {
    const { converse } = makeBot();
    const turn = await converse('KB5057589 failed with 0x80070643. I rebooted and the recovery partition has 600 MB free');
    expect(turn.outcome).toBe('resolved');
  });

  it('never asks again what the employee already said', async () => {
    const { say } = makeBot();
    const first = await say('KB5057589 error - recovery partition has 800MB free btw');
    expect(first.replies[0].questionId).toBe(`${FALSE_ERROR}/rebooted`);
    expect((await say('yes')).outcome).toBe('resolved');
  });

  it('sends the employee to restart and waits for them to come back', async () => {
    const { say } = makeBot();
    await say('KB5057589 says install error');
    const notYet = await say('no not yet');
    expect(notYet.outcome).toBe('pending');
    expect(allText(notYet)).toMatch(/restart the PC first/i);
    expect(notYet.replies[0].questionId).toBe(`${FALSE_ERROR}/rebooted`);
    const back = await say('ok restarted now');
    expect(back.replies[0].questionId).toBe(`${FALSE_ERROR}/recovery_free_mb`);
    expect((await say('around 80 MB')).outcome).toBe('escalated');
  });

  it('escalates under 250 MB with the answers in the record', async () => {
    const { converse, sink } = makeBot();
    const turn = await converse('KB5057589 failed with 0x80070643 again', 'yes', '249MB');
    expect(turn.outcome).toBe('escalated');
    expect(sink.records).toHaveLength(1);
    expect(sink.records[0]).toMatchObject({
      entryId: FALSE_ERROR,
      reason: 'recovery_partition_too_small',
      answers: { rebooted: 'yes', recovery_free_mb: '249 MB' },
      user: { id: 'U1', name: 'Ana' },
    });
    expect(sink.records[0].transcript.filter((t) => t.from === 'employee').map((t) => t.text)).toEqual(['KB5057589 failed with 0x80070643 again', 'yes', '249MB']);
    expect(allText(turn)).not.toMatch(/ignore/i);
  });

  it('asks for the figure itself when a hedged answer cannot settle the limit, and never resolves on it', async () => {
    const { say, sink } = makeBot();
    await say('KB5057589 failed with 0x80070643');
    await say('yes');
    const hedged = await say('less than 1 GB');
    expect(hedged.outcome).toBe('pending');
    expect(hedged.replies[0].questionId).toBe(`${FALSE_ERROR}/recovery_free_mb`);
    expect(allText(hedged)).toContain('"less than 1 GB" could be on either side of 250 MB');
    expect(allText(hedged)).toContain('reagentc /info');
    const again = await say('at most 300 MB');
    expect(again.outcome).toBe('escalated');
    expect(sink.records[0]).toMatchObject({ reason: 'answer_unknown', answers: { rebooted: 'yes' } });
  });

  it('resolves on a hedged answer that settles the limit, and says it as given', async () => {
    const { converse } = makeBot();
    const turn = await converse('KB5057589 failed with 0x80070643', 'yes', 'more than 300 MB');
    expect(turn.outcome).toBe('resolved');
    expect(allText(turn)).toContain('more than 300 MB free');
  });

  it('reads a size in KB as a size, not as an update id', async () => {
    const { converse } = makeBot();
    const turn = await converse('KB5057589 failed with 0x80070643', 'yes', '262144 KB');
    expect(turn).toMatchObject({ outcome: 'resolved', entryId: FALSE_ERROR });
    expect(allText(turn)).toContain('262144 KB free');
  });

  it('takes back a "yes" when the employee corrects it, and sends them to restart', async () => {
    const { converse } = makeBot();
    const turn = await converse('KB5057589 failed, I restarted', "actually no I didn't", '300 MB');
    expect(turn.outcome).toBe('pending');
    expect(turn.replies[0].questionId).toBe(`${FALSE_ERROR}/rebooted`);
  });

  it('shows where to find the update when the employee only guesses which one it is', async () => {
    const { converse } = makeBot();
    const turn = await converse('update failed, code 0x80070643', 'not sure, maybe KB5057589?');
    expect(turn).toMatchObject({ outcome: 'pending', entryId: null });
    expect(allText(turn)).toContain('Update history');
  });

  it('hands over as soon as the space is too small, even before the restart is answered', async () => {
    const { converse, sink } = makeBot();
    const turn = await converse('KB5057589 failed', 'recovery partition only has 100MB');
    expect(turn.outcome).toBe('escalated');
    expect(sink.records[0]).toMatchObject({ reason: 'recovery_partition_too_small', answers: { recovery_free_mb: '100 MB' } });
  });

  it('explains how to check the space when the employee does not know, then hands over if still unknown', async () => {
    const { say } = makeBot();
    await say('KB5057589 failed in windows update');
    await say('yes');
    const help = await say('no idea how to check that');
    expect(help.outcome).toBe('pending');
    expect(allText(help)).toContain('reagentc /info');
    expect(allText(help)).toContain('Disk Management');
    const again = await say("still don't know");
    expect(again.outcome).toBe('escalated');
  });

  it('asks again with an example, then offers a person, then hands over', async () => {
    const { say } = makeBot();
    await say('KB5057589 failed');
    const first = await say('purple');
    expect(first.outcome).toBe('pending');
    expect(allText(first)).toContain('For example: "yes" or "no"');
    const second = await say('banana');
    expect(allText(second)).toContain('Talk to a person');
    expect(second.outcome).toBe('pending');
    const third = await say('hmm');
    expect(third.outcome).toBe('escalated');
  });

  it.each([
    ['can I get a real person', 'asked_for_person'],
    ['Talk to a person', 'asked_for_person'],
    ['yes and since the reboot my pc keeps crashing', 'system_degraded'],
    ['rebooted, now i get a blue screen on startup', 'system_degraded'],
    ['reagentc /info says Windows RE status: Disabled', 'winre_disabled'],
  ])('hands over at any point: %j', async (text, reason) => {
    const { converse, sink } = makeBot();
    const turn = await converse('KB5057589 failed 0x80070643', text);
    expect(turn).toMatchObject({ outcome: 'escalated', entryId: FALSE_ERROR });
    expect(sink.records[0].reason).toBe(reason);
  });

  it('reads answers through Teams HTML and Slack markup, as matching does', async () => {
    expect((await makeBot().converse('<p>KB5057589 failed</p>', '<p>yes</p>', '<p>0,5&nbsp;GB</p>')).outcome).toBe('resolved');
    expect((await makeBot().converse('<p>KB5057589 failed, I rebooted and the recovery partition has 800&nbsp;MB free</p>')).outcome).toBe('resolved');
    expect((await makeBot().converse('<@U0BOT> KB5057589 failed', '<@U0BOT> *yes*', '`120 MB`')).outcome).toBe('escalated');
  });

  it('does not hear "no crashes" as a crash', async () => {
    const { converse } = makeBot();
    expect((await converse('KB5057589 failed, restarted, no crashes', '400 MB')).outcome).toBe('resolved');
  });

  it('switches to the real failure when another update comes up mid-conversation', async () => {
    const { converse, sink } = makeBot();
    const turn = await converse('winre update failed with 0x80070643', 'actually Update history says KB5034441', '1 GB');
    expect(sink.records[0]).toMatchObject({ entryId: REAL_FAILURE, reason: 'recovery_partition_too_small' });
    // The last turn started a new conversation: nothing in this exchange resolved anything.
    expect(turn.outcome).not.toBe('resolved');
  });
});

describe('an all-clear only when everything said is accounted for', () => {
  it('hands over on trouble mentioned in passing, quotes it, and records which clause held the answer back and why', async () => {
    const { converse, sink } = makeBot();
    // Handed over at once: the free space is not asked, since the all-clear can no longer come.
    const result = await converse('KB5057589 failed with 0x80070643', 'yes, restarted. the fan has been roaring nonstop since the update');
    expect(result).toMatchObject({ outcome: 'escalated', entryId: FALSE_ERROR });
    expect(result.replies[0].text).toContain('You also wrote “the fan has been roaring nonstop since the update”');
    expect(sink.records[0]).toMatchObject({
      reason: 'unaccounted_trouble',
      heldBack: { clause: 'the fan has been roaring nonstop since the update', why: expect.stringContaining('"roaring"') },
      answers: { rebooted: 'yes' },
    });
  });

  it('still resolves a chatty conversation whose talk is harmless', async () => {
    const { converse } = makeBot();
    const result = await converse(
      "Morning! I'm on the train, sorry for the typos. KB5057589 failed with 0x80070643 on my laptop",
      'yes, restarted after the update, no other problems, thanks',
      'about 600 MB free, no worries if this takes a while',
    );
    expect(result.outcome).toBe('resolved');
  });

  it('reopens a resolution for trouble reported after it, and records what held it back', async () => {
    const { converse, say, sink } = makeBot();
    expect((await converse('KB5057589 failed with 0x80070643', 'yes', '400 MB')).outcome).toBe('resolved');
    expect((await say("thanks! unrelated, but I can't find the Excel files I saved yesterday")).outcome).toBe('escalated');
    expect(sink.records[0]).toMatchObject({ reason: 'reopened_after_resolution', heldBack: { clause: "I can't find the Excel files I saved yesterday" } });
  });
});

describe('asking which update', () => {
  it('continues in the entry the answer names, keeping what was said before', async () => {
    const { say } = makeBot();
    const which = await say('windows update failed with 0x80070643, I already restarted');
    expect(which).toMatchObject({ outcome: 'pending', entryId: null });
    expect(which.replies[0].options.map((o) => o.label)).toEqual(expect.arrayContaining(['KB5057589', 'Another update', "I don't know"]));
    const named = await say("it's KB5057589");
    expect(named.replies[0].questionId).toBe(`${FALSE_ERROR}/recovery_free_mb`);
  });

  it('follows a clicked option', async () => {
    const { say } = makeBot();
    await say('update failed, code 0x80070643');
    expect(await say('Another update')).toMatchObject({ outcome: 'escalated', entryId: '0x80070643-unlisted-update' });
  });

  it('asks for the KB number without buttons when many known issues share the error', async () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      compileEntry({ id: `entry-${i}`, title: `Entry ${i}`, match: { updates: [`KB500000${i}`], errors: ['0x80070643'], require_any: ['updates'] }, flow: [{ escalate: 'x' }], replies: { x: 'x' } }, `e${i}.yaml`),
    );
    const { say } = makeBot({ knowledge: new KnowledgeBase(many) });
    const which = await say('0x80070643 again');
    expect(which.replies[0].options.map((o) => o.label)).toEqual(["I don't know", 'Talk to a person']);
    expect(await say('it is KB5000003')).toMatchObject({ outcome: 'escalated', entryId: 'entry-3' });
  });

  it('explains where to find the KB number, then hands over', async () => {
    const { say } = makeBot();
    await say('0x80070643 in windows update');
    const help = await say("I don't know");
    expect(allText(help)).toContain('Update history');
    expect((await say('no idea')).outcome).toBe('escalated');
  });
});

describe('conversation lifecycle', () => {
  it('stays resolved through a thank-you, and starts afresh on the next issue', async () => {
    const { converse, say } = makeBot();
    await converse('KB5057589 failed, I restarted, 600 MB free on the recovery partition');
    expect(await say('thanks!')).toMatchObject({ outcome: 'resolved', entryId: FALSE_ERROR, replies: [] });
    expect(await say('no worries, cheers')).toMatchObject({ outcome: 'resolved', replies: [] });
    const next = await say('KB5034441 failed with 0x80070643');
    expect(next).toMatchObject({ outcome: 'escalated', entryId: REAL_FAILURE });
  });

  it('starts afresh on an unrelated message after a resolution, even one with a number in it', async () => {
    const { converse, say } = makeBot();
    expect((await converse('KB5057589 failed with 0x80070643', 'yes', '400 MB')).outcome).toBe('resolved');
    expect((await say('also the printer on floor 3 is jammed')).outcome).toBe('no_match');
  });

  it('hands over when the size is corrected after a resolution', async () => {
    for (const correction of ['wait, actually it was 200 MB, sorry, I was looking at the wrong number', "hang on, it's 0.03 GB, I missed a zero", '120 MB'])  {
      const { converse, say, sink } = makeBot();
      expect((await converse('KB5057589 failed with 0x80070643', 'yes', '0.3 GB')).outcome).toBe('resolved');
      expect(await say(correction)).toMatchObject({ outcome: 'escalated', entryId: FALSE_ERROR });
      expect(sink.records[0].reason).toBe('reopened_after_resolution');
      expect(sink.records[0].answers.recovery_free_mb).not.toBe('0.3 GB');
    }
  });

  it('keeps the resolution when the size is only restated with its unit', async () => {
    const { converse, say } = makeBot();
    expect((await converse('KB5057589 failed with 0x80070643', 'yes', '800 MB')).outcome).toBe('resolved');
    expect((await say('800 MB yes')).outcome).toBe('resolved');
    expect((await say('MB, sorry!')).outcome).toBe('resolved');
  });

  it('asks for the unit of a figure given without one before saying "safe to ignore", and hands over on one too small', async () => {
    const { converse, say, sink } = makeBot();
    const asked = await converse('KB5057589 failed with 0x80070643', 'yes', '450');
    expect(asked).toMatchObject({ outcome: 'pending', replies: [{ text: expect.stringContaining('the unit as well') }] });
    expect((await say('MB, sorry!')).outcome).toBe('resolved');
    const small = makeBot();
    expect((await small.converse('KB5057589 failed with 0x80070643', 'yes', '100')).outcome).toBe('escalated');
    expect(small.sink.records[0].answers.recovery_free_mb).toBe('100 MB (no unit given)');
    expect(sink.records).toHaveLength(0);
  });

  it('hands a problem reported after a resolution to a person, with the whole conversation', async () => {
    const { converse, say, sink } = makeBot();
    expect((await converse('KB5057589 failed with 0x80070643', 'yes', '400 MB')).outcome).toBe('resolved');
    const reopened = await say('oh wait, it bluescreens now');
    expect(reopened).toMatchObject({ outcome: 'escalated', entryId: FALSE_ERROR });
    expect(sink.records[0]).toMatchObject({ reason: 'reopened_after_resolution', answers: { rebooted: 'yes', recovery_free_mb: '400 MB', system_degraded: 'yes' } });
    expect(sink.records[0].transcript.filter((l) => l.from === 'employee').map((l) => l.text)).toEqual([
      'KB5057589 failed with 0x80070643',
      'yes',
      '400 MB',
      'oh wait, it bluescreens now',
    ]);
  });

  it('hands over when asked for a person right after a resolution', async () => {
    const { converse, say, sink } = makeBot();
    await converse('KB5057589 failed, I restarted, 600 MB free on the recovery partition');
    expect((await say('thanks. can you get me someone to double-check?')).outcome).toBe('escalated');
    expect(sink.records[0]).toMatchObject({ reason: 'asked_for_person', entryId: FALSE_ERROR });
  });

  it('keeps what the employee adds after an escalation with it, and says once that support has it', async () => {
    const { converse, say, sink } = makeBot();
    expect((await converse('KB5057598 failed with 0x80070643')).outcome).toBe('escalated');
    const added = await say('yes I restarted');
    expect(added).toMatchObject({ outcome: 'escalated', entryId: UNLISTED, replies: [{ kind: 'notice', text: expect.stringContaining('already has this conversation') }] });
    expect(await say('500 MB')).toMatchObject({ outcome: 'escalated', replies: [] });
    expect((await say('can I talk to a person?')).replies).toHaveLength(1);
    // No second ticket for the same issue; another issue is a conversation (and an escalation) of its own.
    expect(sink.records).toHaveLength(1);
    expect(await say('also KB5034441 failed with 0x80070643')).toMatchObject({ outcome: 'escalated', entryId: REAL_FAILURE });
    expect(sink.records).toHaveLength(2);
  });

  it('takes an unrelated question long after a hand-off as a question of its own, and anything right after it as added', async () => {
    let now = Date.parse('2026-12-07T09:00:00Z');
    const { converse, say } = makeBot({ now: () => new Date(now) });
    expect((await converse('KB5034441 failed with 0x80070643')).outcome).toBe('escalated');
    expect((await say('ok cool, when will someone contact me?')).outcome).toBe('escalated');
    now += 2 * 60 * 60 * 1000;
    expect((await say('yes I restarted it again')).outcome).toBe('escalated');
    expect((await say('how do I reset my password')).outcome).toBe('no_match');
  });

  it('leaves a corrected answer after a hand-off to the person who has it', async () => {
    const { converse, say, sink } = makeBot();
    expect((await converse('kb5057589 install error 0x80070643', 'yes rebooted', '50 MB')).outcome).toBe('escalated');
    expect(await say('sorry typo!! 500 MB')).toMatchObject({ outcome: 'escalated', replies: [{ text: expect.stringContaining('already has this conversation') }] });
    expect((await say("no sorry, I don't know")).outcome).toBe('escalated');
    expect(sink.records).toHaveLength(1);
  });

  it('keeps a hand-off on trouble whatever is corrected after it', async () => {
    const { converse, say } = makeBot();
    expect((await converse('KB5057589 failed', 'yes, and it bluescreens since')).outcome).toBe('escalated');
    expect((await say('sorry, I meant 500 MB free')).outcome).toBe('escalated');
  });

  it('asks again when the employee doubts an answer the resolution rested on', async () => {
    const { converse, say } = makeBot();
    expect((await converse('KB5057589 failed', 'yes', '300mb')).outcome).toBe('resolved');
    const asked = await say("hmm actually I'm not sure that was free space, might have been the total size");
    expect(asked).toMatchObject({ outcome: 'pending', entryId: FALSE_ERROR });
    expect((await say('checked: 120 MB free')).outcome).toBe('escalated');
  });

  it('stays resolved when the employee only says nothing is wrong', async () => {
    const { converse, say } = makeBot();
    expect((await converse('KB5057589 failed', 'yes', '500 MB')).outcome).toBe('resolved');
    expect((await say("nothing's broken, no crashes, just wanted to be sure")).outcome).toBe('resolved');
  });

  it('carries an unmatched question to a person when asked', async () => {
    const { say, sink } = makeBot();
    expect((await say('printer on 3rd floor is not printing')).outcome).toBe('no_match');
    expect((await say('Talk to a person')).outcome).toBe('escalated');
    expect(sink.records[0].transcript[0].text).toBe('printer on 3rd floor is not printing');
    expect(sink.records[0].entryId).toBeNull();
  });

  it('forgets a conversation after the idle time', async () => {
    let now = 0;
    const { say } = makeBot({ store: new MemoryConversationStore(() => now), idleMs: 60_000 });
    await say('KB5057589 failed');
    now = 61_000;
    expect((await say('yes')).outcome).toBe('no_match');
  });

  it('hands over politely when the entry disappears mid-conversation', async () => {
    let knowledge = shippedKnowledge();
    const { say, sink } = makeBot({ knowledge: () => knowledge });
    await say('KB5057589 failed');
    knowledge = new KnowledgeBase([]);
    const turn = await say('yes');
    expect(turn.outcome).toBe('escalated');
    expect(sink.records[0].reason).toBe('entry_removed');
  });

  it('does not read an oversized message, and keeps the conversation as it was', async () => {
    const { say } = makeBot({ maxMessageChars: 100 });
    await say('KB5057589 failed');
    const long = await say(`yes ${'x'.repeat(200)}`);
    expect(long.outcome).toBe('pending');
    expect(long.replies[0].kind).toBe('notice');
    expect((await say('yes')).replies[0].questionId).toBe(`${FALSE_ERROR}/recovery_free_mb`);
  });

  it('handles messages of one conversation in order', async () => {
    const { say } = makeBot();
    const turns = await Promise.all([say('KB5057589 failed'), say('yes'), say('300 MB')]);
    expect(turns.map((t) => t.outcome)).toEqual(['pending', 'pending', 'resolved']);
  });

  it('asks the channel for a link back only when it escalates, and escalates without one if that fails', async () => {
    const { bot, say, sink } = makeBot();
    const asked: string[] = [];
    let fail = false;
    bot.useLinkResolver('terminal', async (id) => {
      asked.push(id);
      if (fail) throw new Error('permalink refused');
      return `https://chat.example/${id}`;
    });
    await say('KB5057589 failed');
    expect(asked).toEqual([]);
    await say('talk to a person');
    expect(asked).toHaveLength(1);
    expect(sink.records[0].link).toBe(`https://chat.example/${asked[0]}`);
    fail = true;
    expect((await say('KB5034441 failed with 0x80070643')).outcome).toBe('escalated');
    expect(sink.records[1].link).toBeUndefined();
  });

  it('gives two escalations in the same millisecond different ids', async () => {
    const frozen = new Date('2026-11-24T10:00:00Z');
    const { say, sink } = makeBot({ now: () => frozen });
    await say('KB5057589 failed, talk to a person');
    await say('KB5034441 failed with 0x80070643');
    expect(sink.records).toHaveLength(2);
    expect(sink.records[0].id).not.toBe(sink.records[1].id);
  });

  it('explains its match in the debug log: candidates and hits, not its internals', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', pretty: false, destination: { write: (line: string) => lines.push(line) } });
    const { say } = makeBot({ logger });
    await say('KB5057589 failed with 0x80070643');
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; match?: Record<string, unknown> }).find((l) => l.msg === 'match explanation');
    expect(logged?.match).toMatchObject({ signals: { updates: ['KB5057589'], errors: ['0x80070643'] }, decision: { kind: 'match', entryId: FALSE_ERROR } });
    expect((logged!.match!.candidates as unknown[])[0]).toMatchObject({ entryId: FALSE_ERROR, hits: ['update KB5057589', 'error 0x80070643'], qualified: true });
    expect(Object.keys(logged!.match!).sort()).toEqual(['candidates', 'decision', 'normalized', 'signals']);
  });

  it('logs the whole escalation when the sink fails, and says so', async () => {
    const failing: EscalationSink = { name: 'down', deliver: async () => Promise.reject(new Error('503')) };
    const errors: object[] = [];
    const logger: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (obj) => errors.push(obj) };
    const { converse } = makeBot({ sink: failing, logger });
    const turn = await converse('talk to a human pls, KB5057589 keeps failing');
    expect(turn.escalationDelivered).toBe(false);
    expect(errors[0]).toMatchObject({ escalation: { entryId: FALSE_ERROR, reason: 'asked_for_person' } });
  });
});
