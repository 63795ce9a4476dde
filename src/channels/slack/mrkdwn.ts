/** Text for Slack's mrkdwn: escaping, defusing pings, and Slack's length limits. */

/** Escapes the three characters Slack treats as markup in any text field. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Text an employee typed in Slack (already Slack markup) made safe to quote elsewhere:
 * @here/@channel and user or group mentions become plain text, so quoting never pings anyone.
 */
export function defuseSlackText(text: string): string {
  return text
    .replace(/<!(here|channel|everyone)(?:\|[^<>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+\|([^<>]*)>/g, '$1')
    .replace(/<!subteam\^([A-Z0-9]+)>/g, '@$1')
    .replace(/<!date\^[^<>|]*\|([^<>]*)>/g, '$1')
    .replace(/<!([^<>]*)>/g, '@$1')
    .replace(/<@([UW][A-Z0-9]+)\|([^<>]*)>/g, '@$2')
    .replace(/<@([UW][A-Z0-9]+)>/g, '@$1');
}

/** Cuts text to at most `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Splits text into pieces of at most `max` characters, at paragraph breaks where possible,
 * because a section block holds 3000 characters.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const paragraph of text.split(/\n{2,}/)) {
    const candidate = current === '' ? paragraph : `${current}\n\n${paragraph}`;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current !== '') pieces.push(current);
    current = paragraph;
    while (current.length > max) {
      pieces.push(current.slice(0, max));
      current = current.slice(max);
    }
  }
  if (current !== '') pieces.push(current);
  return pieces.length > 0 ? pieces : [''];
}
