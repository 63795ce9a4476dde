/**
 * Turns what chat platforms deliver into plain text a person would read: Slack mrkdwn and link
 * markup, Teams HTML and `<at>` mentions, Markdown emphasis, emoji shortcodes.
 *
 * Link markup keeps its visible text (and its URL, which often carries the KB number), so
 * `<https://support.microsoft.com/help/5057589|KB5057589>` still names the update.
 */
export function normalizeText(input: string): string {
  let text = input;
  // Full-width letters and digits (an IME left in that mode), ligatures and other compatibility
  // forms read as their plain letters; invisible characters copied out of web pages go, so that
  // "KB505\u200B7589" is KB5057589 and "\u22122147023293" a signed error code.
  if (NON_ASCII.test(text)) text = text.normalize('NFKC').replace(INVISIBLE, '').replace(/\u2212(?=\d)/g, '-');
  // Markup needs a '<' or an '&'; a pasted log usually has neither, and skips these passes.
  if (text.includes('<')) text = stripMarkup(text);
  if (text.includes('&')) text = decodeEntities(text);
  // Code and emphasis markers.
  text = text.replace(/[`*~]+/g, ' ');
  text = text.replace(/(^|\s)_+|_+(?=\s|$)/g, '$1 ');
  // Emoji shortcodes such as :sob: or :+1:, standing apart from words: "14:59:13" is a time
  // and "error:0x80070643:" a code.
  text = text.replace(/(?<!\w):[a-z0-9_+-]{1,40}:(?!\w)/gi, (shortcode) => (CODE_LIKE.test(shortcode) ? ` ${shortcode.slice(1, -1)} ` : ' '));
  // Typographic quotes and dashes that people paste from Windows dialogs.
  text = text.replace(/[\u2018\u2019\u02BC]/g, "'").replace(/[\u201C\u201D]/g, '"');
  text = text.replace(/[\u2013\u2014\u2212]/g, ' - ');
  // Runs of whitespace, and single tabs and newlines, become one space.
  return text.replace(/\s\s+|[^\S ]/g, ' ').trim();
}

const NON_ASCII = /[^\x00-\x7f]/;
// Zero-width spaces and joiners, the word joiner, the byte-order mark, the soft hyphen.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** An update id or an error code between colons is a signal, never an emoji. */
const CODE_LIKE = /^:(?:(?:0x)?[0-9a-f]{8}|[a-z]*\d{6,}):$/i;

function stripMarkup(input: string): string {
  let text = input;
  // Teams mentions name the bot itself: drop them whole so the bot's name is never matched.
  text = text.replace(/<at\b[^>]*>[\s\S]*?<\/at>/gi, ' ');
  // Slack user group mentions keep their handle ("<!subteam^S1|@desktop-support>": a team is
  // being asked); user and special mentions go: <@U123>, <!here>.
  text = text.replace(/<!subteam\^[^<>|]*\|@?([^<>]*)>/g, ' @$1 ');
  text = text.replace(/<[@!][^<>]*>/g, ' ');
  // Slack channel links keep their name: <#C123|help-it>.
  text = text.replace(/<#[A-Z0-9]+\|([^<>]*)>/g, ' $1 ');
  // Slack links: <url|text> and <url>.
  text = text.replace(/<((?:https?|mailto):[^<>|]*)\|([^<>]*)>/gi, ' $2 ($1) ');
  text = text.replace(/<((?:https?|mailto):[^<>]*)>/gi, ' $1 ');
  // Teams sends HTML: break tags become spaces, other tags vanish.
  text = text.replace(/<\/?(?:br|p|div|li|tr|td|th)\b[^>]*\/?>/gi, ' ');
  return text.replace(/<\/?[a-z][a-z0-9]*\b[^<>]*>/gi, '');
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  // Typography Teams and Outlook put in pasted text.
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '...',
  lsquo: "'",
  rsquo: "'",
  ldquo: '"',
  rdquo: '"',
  middot: ' ',
  bull: ' ',
  rarr: '->',
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
