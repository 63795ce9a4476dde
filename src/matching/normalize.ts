/**
 * Turns what chat platforms deliver into plain text a person would read: Slack mrkdwn and link
 * markup, Teams HTML and `<at>` mentions, Markdown emphasis, emoji shortcodes.
 *
 * Link markup keeps its visible text (and its URL, which often carries the KB number), so
 * `<https://support.microsoft.com/help/5057589|KB5057589>` still names the update.
 */
export function normalizeText(input: string): string {
  let text = input;
  // Teams mentions name the bot itself: drop them whole so the bot's name is never matched.
  text = text.replace(/<at\b[^>]*>[\s\S]*?<\/at>/gi, ' ');
  // Slack user, group and special mentions: <@U123>, <!here>, <!subteam^S1|@it>.
  text = text.replace(/<[@!][^<>]*>/g, ' ');
  // Slack channel links keep their name: <#C123|help-it>.
  text = text.replace(/<#[A-Z0-9]+\|([^<>]*)>/g, ' $1 ');
  // Slack links: <url|text> and <url>.
  text = text.replace(/<((?:https?|mailto):[^<>|]*)\|([^<>]*)>/gi, ' $2 ($1) ');
  text = text.replace(/<((?:https?|mailto):[^<>]*)>/gi, ' $1 ');
  // Teams sends HTML: break tags become spaces, other tags vanish.
  text = text.replace(/<(?:br|p|div|li|tr)\b[^>]*\/?>/gi, ' ');
  text = text.replace(/<\/?[a-z][a-z0-9]*\b[^<>]*>/gi, '');
  text = decodeEntities(text);
  // Code and emphasis markers, emoji shortcodes such as :sob: or :+1:.
  text = text.replace(/[`*~]+/g, ' ');
  text = text.replace(/(^|\s)_+|_+(?=\s|$)/g, '$1 ');
  text = text.replace(/:[a-z0-9_+-]{1,40}:/gi, ' ');
  // Typographic quotes and dashes that people paste from Windows dialogs.
  text = text.replace(/[\u2018\u2019\u02BC]/g, "'").replace(/[\u201C\u201D]/g, '"');
  text = text.replace(/[\u2013\u2014\u2212]/g, ' - ');
  return text.replace(/\s+/g, ' ').trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}
