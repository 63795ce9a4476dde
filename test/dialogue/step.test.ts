import { step, type StepResult } from '../../src/dialogue/step';
import type { ConversationState } from '../../src/dialogue/state';
import { compileEntry, KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { EntryDefinition } from '../../src/knowledge/schema';
import { shippedKnowledge } from '../helpers/knowledge';

// Small made-up entries, read with the shipped lexicon: the dialogue must hold for any entry,
// not only the update entries it was first written for.
const lexicon = shippedKnowledge().lexicon;

/** A mailbox over its quota fails for real; under it, the warning banner is cosmetic. */
const mailbox: EntryDefinition = {
  id: 'mailbox-quota-banner',
  title: 'Outlook shows a quota banner with error 0x8004060C',
  label: 'Outlook quota banner',
  match: { errors: ['0x8004060C'] },
  // Its own symptom: the error, the banner, the warning.
  symptom: { phrases: ['error', 'banner', 'warning'] },
  questions: {
    mailbox_mb: { type: 'size', unit: 'MB', ask: 'How big is your mailbox?', context: ['mailbox'], help: 'Outlook shows it under File › Info. How big is your mailbox?' },
    restarted_outlook: { type: 'yes_no', ask: 'Have you restarted Outlook?', yes_when: ['restarted outlook'] },
  },
  flow: [
    { when: { mailbox_mb: { at_least: 1024 } }, escalate: 'over_quota' },
    { when: { restarted_outlook: 'no' }, escalate: 'restart_first' },
    { when: { mailbox_mb: { below: 1024 }, restarted_outlook: 'yes' }, resolve: 'cosmetic' },
  ],
  replies: { over_quota: 'Over quota.', restart_first: 'Restart Outlook.', cosmetic: 'Cosmetic: {mailbox_mb}.' },
};

const kb = new KnowledgeBase([compileEntry(mailbox, 'mailbox.yaml')], lexicon);

/** Plays the turns through `step` as one conversation and returns the last result. */
function converse(...turns: string[]): StepResult {
  let state: ConversationState | null = null;
  let result: StepResult | undefined;
  let n = 0;
  for (const text of turns) {
    result = step(state, { conversationId: 'c1', channel: 'terminal', user: { id: 'U1' }, text }, kb, { now: new Date(Date.UTC(2026, 0, 1, 9, n++)), newId: () => `id${n}` });
    state = result.state;
  }
  return result!;
}

/** Plays the turns through `step` with the shipped knowledge and returns every turn's result. */
function playShipped(...turns: string[]): StepResult[] {
  const shipped = shippedKnowledge();
  let state: ConversationState | null = null;
  const results: StepResult[] = [];
  for (const text of turns) {
    const result = step(state, { conversationId: 'shipped', channel: 'terminal', user: { id: 'U1' }, text }, shipped, { now: new Date(Date.UTC(2026, 0, 1, 9)), newId: () => 'id' });
    results.push(result);
    state = result.state;
  }
  return results;
}

describe('step with an entry whose risky side is "more"', () => {
  it('resolves on a stated figure under the threshold, and hands over on one over it', () => {
    expect(converse('Outlook error 0x8004060C', 'yes, restarted outlook', '800 MB')).toMatchObject({ outcome: 'resolved', entryId: 'mailbox-quota-banner' });
    expect(converse('Outlook error 0x8004060C', 'yes, restarted outlook', '1.5 GB').outcome).toBe('escalated');
  });

  it('trusts the larger of two readings, since too much is what escalates here, and asks again when the larger is only a guess', () => {
    const both = converse('Outlook error 0x8004060C', 'yes, restarted outlook', 'Outlook says 800 MB, the web view 1.2 GB');
    expect(both.outcome).toBe('escalated');
    expect(both.escalation?.answers.mailbox_mb).toBe('1.2 GB');
    expect(converse('Outlook error 0x8004060C', 'yes, restarted outlook', 'it says 800 MB, or maybe 1.2 GB in the other view').outcome).toBe('pending');
  });

  it('never resolves on a figure without its unit, but asks for the unit', () => {
    const result = converse('Outlook error 0x8004060C', 'yes, restarted outlook', '900');
    expect(result.outcome).toBe('pending');
    expect(result.replies[0].text).toContain('the unit');
  });

  it('hands over as soon as trouble the entry does not account for is said, and quotes it', () => {
    // (The mailbox size is not asked: once the all-clear cannot come, asking on wastes the employee's time.)
    const result = converse('Outlook error 0x8004060C, the banner again', 'yes, restarted outlook, but my calendar is gone');
    expect(result).toMatchObject({ outcome: 'escalated', escalation: { reason: 'unaccounted_trouble', heldBack: { clause: 'my calendar is gone' } } });
    expect(result.replies[0].text).toContain('the known issue I was checking (Outlook quota banner)');
  });

  it("accounts for the entry's own symptom and harmless talk", () => {
    expect(converse('Outlook error 0x8004060C, that warning banner again, sorry for the trouble', 'yes, restarted outlook, thanks', '800 MB').outcome).toBe('resolved');
  });
});

describe('step with the shipped KB5057589 entry, whose risky side is "less"', () => {
  const play = (...turns: string[]) => playShipped(...turns).at(-1)!;

  it('asks again when a guessed figure would decide otherwise, and not when it would decide alike', () => {
    expect(play('KB5057589 failed with 0x80070643', 'yes', '400 MB, or maybe 200 MB, not sure').outcome).toBe('pending');
    expect(play('KB5057589 failed with 0x80070643', 'yes', '2 GB I think, let me check... yes 2.04 GB').outcome).toBe('resolved');
  });
});

describe('the restart reader in the languages of the lexicon', () => {
  const play = (...turns: string[]) => playShipped(...turns).at(-1)!;

  it('puts weekdays in order in German as in English', () => {
    expect(play('KB5057589 ist gestern (Dienstag) mit 0x80070643 fehlgeschlagen', 'ja, Montag früh neu gestartet', '500 MB frei').outcome).not.toBe('resolved');
    expect(play('KB5057589 ist am Dienstag mit 0x80070643 fehlgeschlagen', 'ja, Mittwoch neu gestartet', '500 MB frei').outcome).toBe('resolved');
  });
});

describe('a message close to one known issue but short of it', () => {
  const play = playShipped;

  it('gets a one-click confirmation naming the issue, not silence', () => {
    const [first] = play('the WinRE thing failed to install again');
    expect(first).toMatchObject({ outcome: 'pending', entryId: 'kb5057589-winre-false-error' });
    expect(first.replies[0].text).toContain('KB5057589');
    expect(first.replies[0].options.map((o) => o.label)).toEqual(['Yes', 'No', 'Talk to a person']);
  });

  it('on a yes follows the issue, and still asks for the update the confirmation did not name', () => {
    const results = play('the WinRE thing failed to install again', 'yes', 'yes', '400 MB');
    expect(results.at(-1)!.outcome).toBe('pending');
    expect(results.at(-1)!.replies[0].text).toContain('is the failed update KB5057589?');
    expect(play('the WinRE thing failed to install again', 'yes', 'yes', '400 MB', 'yes').at(-1)!.outcome).toBe('resolved');
  });

  it('on a no says it does not know the issue and offers a person; without a failure or with only a common word, asks nothing', () => {
    expect(play('the WinRE thing failed to install again', 'no').at(-1)).toMatchObject({ outcome: 'no_match', replies: [{ kind: 'notice' }] });
    expect(play('the WinRE thing is great')[0].outcome).toBe('no_match');
    expect(play("Disk Cleanup wants to delete 'Windows Update Cleanup' 1.2 GB, is that safe?")[0].outcome).toBe('no_match');
  });
});
