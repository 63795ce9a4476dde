/** Direct messages: always answered, in the thread of the employee's message. */
import { DM_CHANNEL, EMPLOYEE, SUPPORT_CHANNEL, buttonClick, messageEvent } from '../../fakes/slackPayloads';
import { buttonsOf, SlackHarness, textOf } from './harness';

let slack: SlackHarness;

beforeEach(async () => {
  slack = await SlackHarness.start();
});

afterEach(async () => {
  await slack.close();
});

const reactions = (op: 'add' | 'remove', ts: string) =>
  slack.api
    .ok(`reactions.${op}`)
    .filter((c) => c.args.timestamp === ts)
    .map((c) => c.args.name);

test('a typed DM conversation reaches the resolution in one thread, with status reactions', async () => {
  const first = messageEvent({ channel: DM_CHANNEL, text: 'KB5057589 failed with 0x80070643' });
  const ts = first.event.ts as string;
  expect((await slack.postEvent(first)).status).toBe(200);

  const rebooted = await slack.api.waitFor('the restart question', () => slack.api.posts(DM_CHANNEL)[0]);
  expect(rebooted.args.thread_ts).toBe(ts);
  expect(textOf(rebooted)).toContain('Has the PC restarted');
  // The options come from the knowledge file; every question ends with the way to a person.
  expect(buttonsOf(rebooted)).toEqual(expect.arrayContaining(['Yes', 'No']));
  expect(buttonsOf(rebooted).at(-1)).toBe('Talk to a person');
  // 👀 marks a conversation waiting for an answer.
  await slack.api.waitFor('the waiting reaction', () => reactions('add', ts).includes('eyes'));

  await slack.postEvent(messageEvent({ channel: DM_CHANNEL, text: 'yes', threadTs: ts }));
  const space = await slack.api.waitFor('the free space question', () => slack.api.posts(DM_CHANNEL)[1]);
  expect(space.args.thread_ts).toBe(ts);
  expect(buttonsOf(space)).toEqual(expect.arrayContaining(['Less than 250 MB', '250 MB or more', 'Talk to a person']));
  // The typed answer took the first question's buttons away and shows the answer.
  const redrawn = slack.api.ok('chat.update').find((c) => c.args.ts === rebooted.response.ts);
  expect(redrawn).toBeDefined();
  expect(buttonsOf(redrawn!)).toEqual([]);
  expect(JSON.stringify(redrawn!.args.blocks)).toContain('Answered: *yes*');

  await slack.postEvent(messageEvent({ channel: DM_CHANNEL, text: '400 MB', threadTs: ts }));
  const resolution = await slack.api.waitFor('the resolution', () => slack.api.posts(DM_CHANNEL)[2]);
  expect(resolution.args.thread_ts).toBe(ts);
  expect(textOf(resolution)).toContain('safe to ignore');
  expect(textOf(resolution)).toContain('400 MB free');
  expect(buttonsOf(resolution)).toEqual([]);

  await slack.api.waitFor('the resolved reaction', () => reactions('add', ts).includes('white_check_mark'));
  expect(reactions('remove', ts)).toEqual(['eyes']);
  expect(slack.sink.records).toHaveLength(0);
});

test('button clicks answer the question, redraw it without buttons and move the conversation on', async () => {
  const first = messageEvent({ channel: DM_CHANNEL, text: 'KB5057589 failed with 0x80070643' });
  await slack.postEvent(first);
  const rebooted = await slack.api.waitFor('the restart question', () => slack.api.posts(DM_CHANNEL)[0]);

  const click = await slack.postAction(buttonClick(rebooted, 'Yes'));
  expect(click.status).toBe(200);
  const redrawn = await slack.api.waitFor('the redrawn question', () => slack.api.ok('chat.update').find((c) => c.args.ts === rebooted.response.ts));
  expect(redrawn.args.channel).toBe(DM_CHANNEL);
  expect(buttonsOf(redrawn)).toEqual([]);
  expect(JSON.stringify(redrawn.args.blocks)).toContain('Answered: *Yes*');
  expect(JSON.stringify(redrawn.args.blocks)).toContain('Has the PC restarted');

  const space = await slack.api.waitFor('the free space question', () => slack.api.posts(DM_CHANNEL)[1]);
  expect(space.args.thread_ts).toBe(first.event.ts);
  await slack.postAction(buttonClick(space, '250 MB or more'));
  const resolution = await slack.api.waitFor('the resolution', () => slack.api.posts(DM_CHANNEL)[2]);
  expect(textOf(resolution)).toContain('safe to ignore');
  expect(resolution.args.thread_ts).toBe(first.event.ts);
});

test('a second click on an answered question is dropped', async () => {
  await slack.postEvent(messageEvent({ channel: DM_CHANNEL, text: 'KB5057589 failed with 0x80070643' }));
  const rebooted = await slack.api.waitFor('the restart question', () => slack.api.posts(DM_CHANNEL)[0]);

  await slack.postAction(buttonClick(rebooted, 'Yes'));
  await slack.postAction(buttonClick(rebooted, 'No'));
  await slack.api.waitFor('the free space question', () => slack.api.posts(DM_CHANNEL)[1]);
  await slack.close();
  // "No" would have brought the restart request; only "Yes" was taken.
  expect(slack.api.posts(DM_CHANNEL)).toHaveLength(2);
  expect(slack.api.ok('chat.update')).toHaveLength(1);
});

test('an unknown question gets the honest answer and a button that hands it to a person', async () => {
  const first = messageEvent({ channel: DM_CHANNEL, text: 'my printer prints everything twice' });
  await slack.postEvent(first);
  const notice = await slack.api.waitFor('the no-match answer', () => slack.api.posts(DM_CHANNEL)[0]);
  expect(textOf(notice)).toContain("I don't know this one yet");
  expect(buttonsOf(notice)).toEqual(['Talk to a person']);
  expect(notice.args.thread_ts).toBe(first.event.ts);

  await slack.postAction(buttonClick(notice, 'Talk to a person'));
  const handover = await slack.api.waitFor('the handover', () => slack.api.posts(DM_CHANNEL)[1]);
  expect(textOf(handover)).toContain('a person will take it from here');

  const support = await slack.api.waitFor('the support post', () => slack.api.posts(SUPPORT_CHANNEL)[0]);
  const blocks = JSON.stringify(support.args.blocks);
  expect(blocks).toContain(`<@${EMPLOYEE}>`);
  expect(blocks).toContain('asked_for_person');
  // The transcript carries the original question, not just the click.
  expect(blocks).toContain('my printer prints everything twice');
  expect(blocks).toContain(`https://acme.slack.com/archives/${DM_CHANNEL}/p`);
  await slack.api.waitFor('the escalated reaction', () => slack.api.ok('reactions.add').some((c) => c.args.name === 'raising_hand' && c.args.timestamp === first.event.ts));
});

test('each top-level message starts its own conversation; replies in a thread continue it', async () => {
  const a = messageEvent({ channel: DM_CHANNEL, text: 'KB5057589 failed with 0x80070643' });
  await slack.postEvent(a);
  await slack.api.waitFor('the first question', () => slack.api.posts(DM_CHANNEL)[0]);

  // A new top-level message is a new thread, so "yes" there is not an answer to the question above.
  const b = messageEvent({ channel: DM_CHANNEL, text: 'yes' });
  await slack.postEvent(b);
  const other = await slack.api.waitFor('the reply to the new thread', () => slack.api.posts(DM_CHANNEL)[1]);
  expect(other.args.thread_ts).toBe(b.event.ts);
  expect(textOf(other)).toContain("I don't know this one yet");

  await slack.postEvent(messageEvent({ channel: DM_CHANNEL, text: 'yes, restarted', threadTs: a.event.ts as string }));
  const continued = await slack.api.waitFor('the next question in the first thread', () => slack.api.posts(DM_CHANNEL)[2]);
  expect(continued.args.thread_ts).toBe(a.event.ts);
  expect(textOf(continued)).toContain('recovery partition');
});
