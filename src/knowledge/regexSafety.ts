/** Regular expressions support leads write (in entries and the lexicon): checked before use. */
import safeRegex = require('safe-regex2');

/** What is wrong with a support lead's regular expression: it does not compile, or it can hang the bot. */
export function regexProblem(pattern: string): { code: string; message: string; hint?: string } | null {
  try {
    new RegExp(pattern);
  } catch (err) {
    return { code: 'bad-regex', message: `invalid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}` };
  }
  if (!safeRegex(pattern) || /\\[1-9]|\(\?<[=!]/.test(pattern)) {
    return {
      code: 'unsafe-regex',
      message: 'this pattern can backtrack catastrophically on long messages',
      hint: 'avoid nested repetition such as (a+)+, back-references and look-behind; a word phrase is usually enough',
    };
  }
  return null;
}
