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
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});
