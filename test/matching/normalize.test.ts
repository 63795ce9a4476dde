import { normalizeText } from '../../src/matching/normalize';

describe('normalizeText', () => {
  it.each([
    ['Slack link markup keeps its text and URL', 'on <https://support.microsoft.com/help/5057589|KB5057589> :confused:', 'on KB5057589 (https://support.microsoft.com/help/5057589)'],
    ['Slack user mentions vanish', '<@U0123ABC> KB5057589 failed', 'KB5057589 failed'],
    ['Slack special mentions vanish', '<!here> help', 'help'],
    ['Slack channel links keep the name', 'see <#C0123|it-help>', 'see it-help'],
    ['Teams mentions vanish whole', '<at>Helpdesk</at> KB5057589 failed', 'KB5057589 failed'],
    ['Teams HTML is flattened and entities decoded', '<p>KB5057589&nbsp;failed &amp; <b>0x80070643</b></p>', 'KB5057589 failed & 0x80070643'],
    ['backticks and bold markers go', 'Getting `0x80070643` on *KB5057589*', 'Getting 0x80070643 on KB5057589'],
    ['typographic dashes become plain', 'Environment (KB5057589) – Install error', 'Environment (KB5057589) - Install error'],
    ['snake_case codes survive underscore stripping', 'ERROR_INSTALL_FAILURE _now_', 'ERROR_INSTALL_FAILURE now'],
    ['emoji shortcodes go, also back to back', ':sob::sob: KB5057589 :+1:', 'KB5057589'],
    ['a code between colons is kept', 'failed with error:0x80070643: again', 'failed with error:0x80070643: again'],
    ['a code set apart by colons is kept', 'code :0x80070643: and :kb5057589:', 'code 0x80070643 and kb5057589'],
    ['log timestamps are not shortcodes', '2025-04-20 13:42:35:540 Agent', '2025-04-20 13:42:35:540 Agent'],
    ['full-width letters and digits read as plain ones', '\uFF2B\uFF22\uFF15\uFF10\uFF15\uFF17\uFF15\uFF18\uFF19 failed', 'KB5057589 failed'],
    ['invisible characters inside an id go', 'KB505\u200B7589 and 0x8007\u00AD0643\uFEFF', 'KB5057589 and 0x80070643'],
    ['a minus sign before digits is a minus', 'code \u22122147023293', 'code -2147023293'],
    ['a Slack user group mention keeps its handle', '<!subteam^S04ABCD12|@desktop-support> can one of you take over?', '@desktop-support can one of you take over?'],
    ['table cells stay apart', '<tr><td>Recovery Partition</td><td>990 MB</td></tr>', 'Recovery Partition 990 MB'],
    ['tabs and newlines become single spaces', 'Agent\tWARNING:\r\n  Install failed', 'Agent WARNING: Install failed'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});
