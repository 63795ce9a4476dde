/** Block Kit rendering of replies, answered questions and escalations, within Slack's limits. */
import { conversationOfBlock, OPTION_ACTION_ID, renderAnswered, renderReply } from '../../../src/channels/slack/blocks';
import { renderEscalation } from '../../../src/channels/slack/escalationMessage';
import { defuseSlackText } from '../../../src/channels/slack/mrkdwn';
import type { EscalationRecord, Reply } from '../../../src/messages';

const CONVERSATION = 'slack:T0HELPDESK:D0EMPLOY01:1714040000.000100';

const question: Reply = {
  kind: 'question',
  text: 'How much free space does the recovery partition have?',
  options: [
    { label: 'Less than 250 MB', value: 'less than 250 MB' },
    { label: '250 MB or more', value: 'at least 250 MB' },
    { label: 'Talk to a person', value: 'Talk to a person' },
  ],
  questionId: 'kb5057589-winre-false-error/recovery_free_mb',
  acceptsText: true,
};

test('a question becomes a section and one button per option, each with its own action id and the option value', () => {
  const message = renderReply(question, CONVERSATION);
  expect(message.text).toBe(question.text);
  expect(message.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: question.text } });
  const actions = message.blocks[1] as { type: string; block_id: string; elements: Array<{ action_id: string; value: string; text: { text: string } }> };
  expect(actions.type).toBe('actions');
  expect(conversationOfBlock(actions.block_id)).toBe(CONVERSATION);
  expect(actions.elements.map((e) => [e.text.text, e.value])).toEqual(question.options.map((o) => [o.label, o.value]));
  const ids = actions.elements.map((e) => e.action_id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(OPTION_ACTION_ID);
});

test('plain text is escaped for mrkdwn, keeps `commands`, and long text is split into sections of at most 3000 characters', () => {
  const long = `Run \`reagentc /info\` & check <Windows RE status>.\n\n${'x'.repeat(2990)}\n\n${'y'.repeat(100)}`;
  const message = renderReply({ kind: 'resolution', text: long, options: [] }, CONVERSATION);
  const texts = message.blocks.map((b) => (b as { text: { text: string } }).text.text);
  expect(texts[0]).toBe('Run `reagentc /info` &amp; check &lt;Windows RE status&gt;.');
  expect(texts).toHaveLength(3);
  for (const t of texts) expect(t.length).toBeLessThanOrEqual(3000);
  expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
});

test('an answered question keeps its text, loses its buttons and shows the answer', () => {
  const answered = renderAnswered(renderReply(question, CONVERSATION), '  400   MB <free>  ');
  expect(answered.blocks.map((b) => b.type)).toEqual(['section', 'context']);
  expect(JSON.stringify(answered.blocks[1])).toContain('Answered: *400 MB &lt;free&gt;*');
});

const record: EscalationRecord = {
  id: `${CONVERSATION}#2025-04-25T10:00:00.000Z`,
  conversationId: CONVERSATION,
  channel: 'slack',
  user: { id: 'U0EMPLOY01' },
  entryId: 'kb5057589-winre-false-error',
  entryTitle: 'KB5057589 (April 2025 WinRE update) shows 0x80070643 although it installs',
  reason: 'recovery_partition_too_small',
  answers: { rebooted: 'yes', recovery_free_mb: '120 MB' },
  transcript: [
    { from: 'employee', text: '<@U0HDBOT01> KB5057589 failed with 0x80070643 <!here>', at: '2025-04-25T09:59:00.000Z' },
    { from: 'bot', text: 'Has the PC restarted since the update was installed?', at: '2025-04-25T09:59:01.000Z' },
    { from: 'employee', text: '120 MB', at: '2025-04-25T10:00:00.000Z' },
  ],
  link: 'https://acme.slack.com/archives/D0EMPLOY01/p1714040000000100',
  createdAt: '2025-04-25T10:00:00.000Z',
};

test('an escalation names the employee, the entry, the reason, the answers and the thread, and quotes the transcript', () => {
  const message = renderEscalation(record);
  const all = JSON.stringify(message.blocks);
  expect(all).toContain('<@U0EMPLOY01>');
  expect(all).toContain('`kb5057589-winre-false-error`');
  expect(all).toContain('`recovery_partition_too_small`');
  expect(all).toContain('recovery_free_mb: 120 MB');
  expect(all).toContain(`<${record.link}|Open the conversation>`);
  expect(all).toContain('*Employee:* @U0HDBOT01 KB5057589 failed with 0x80070643 @here');
  // Quoting the employee never pings anyone in the support channel.
  expect(all).not.toContain('<!here>');
  expect(all).not.toContain('<@U0HDBOT01>');
  expect(message.text).toContain('recovery_partition_too_small');
  expect(message.blocks.length).toBeLessThanOrEqual(50);
});

test('an escalation says what held "safe to ignore" back, with the employee\'s words defused', () => {
  const held = renderEscalation({ ...record, reason: 'unaccounted_trouble', heldBack: { clause: 'my files are gone <!channel>', why: '"gone" is trouble this issue does not account for' } });
  const all = JSON.stringify(held.blocks);
  expect(all).toContain('Held back \\"safe to ignore\\"');
  expect(all).toContain('my files are gone');
  expect(all).not.toContain('<!channel>');
  expect(JSON.stringify(renderEscalation(record).blocks)).not.toContain('Held back');
});

test('an escalation from another channel names the person in plain text, and a huge transcript stays within Slack limits', () => {
  const teams: EscalationRecord = {
    ...record,
    channel: 'teams',
    user: { id: '29:1abc', name: 'Dana <IT>' },
    entryId: null,
    entryTitle: null,
    link: undefined,
    transcript: Array.from({ length: 400 }, (_, i) => ({ from: 'employee' as const, text: `line ${i} ${'z'.repeat(500)}`, at: record.createdAt })),
  };
  const message = renderEscalation(teams);
  const all = JSON.stringify(message.blocks);
  expect(all).toContain('Dana &lt;IT&gt; (teams)');
  expect(all).toContain('No known issue matched');
  expect(all).toContain('No link');
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  for (const block of message.blocks) {
    const text = (block as { text?: { text: string } }).text?.text ?? '';
    expect(text.length).toBeLessThanOrEqual(3000);
  }
});

test('defusing Slack text turns pings into plain text', () => {
  expect(defuseSlackText('<!channel> <!subteam^S0ITSUP|@it-support> <@U0EMPLOY01|dana> <https://example.com|link>')).toBe('@channel @it-support @dana <https://example.com|link>');
});
