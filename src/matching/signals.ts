/**
 * Exact signals: update ids and error codes. Digits are never fuzzy (KB5057598 is another
 * update), so these are recognised by shape, then reduced to one canonical spelling each.
 */

/** Canonical update id, e.g. `KB5057589`. */
export type UpdateId = string;
/** Canonical error code, e.g. `0x80070643`. */
export type ErrorCode = string;

// KB ids: "KB5057589", "kb 5057589", "KB-5057589", "KB#5057589".
// Five to eight digits after "KB": a mistyped number ("KB50575890") is another update, never
// silently nothing, so an entry that excludes other updates stays excluded.
const KB_ID = /\bkb[\s\-_:#]*(\d{5,8})\b/gi;
// A bare 6–7 digit number is read as an update id: in a helpdesk message that is what it
// almost always is, and reading it so only ever makes the bot more careful (it counts as
// "another update" for entries that exclude other updates). A number with a size unit after it
// ("262144 KB", "300000 bytes") is a size.
// Nor is a number labelled as something else: "asset tag 482913", "ticket #123456".
const BARE_UPDATE =
  /(?<![\w.,\-])(?<!(?:\b(?:tag|asset|serial|ticket|order|phone|inc|req|case|po|no|number)\.?|#)[\s#:]*)(\d{6,7})(?![\w.,]\d|\w)(?!\s*(?:[kmgt]i?b|bytes?|kilobytes?|megabytes?|gigabytes?)\b)/gi;
// HRESULTs: 0x80070643, 0X80070643, or the 8 hex digits alone (with a digit in them, so words
// such as "deadbeef" are not codes), failures only (high bit set).
// (\b rather than a look-behind: it scans a pasted log faster; findErrorCodes skips a leading "-".)
const HRESULT = /\b(?:0x)?([89a-f][0-9a-f]{7})\b/gi;
// What follows the first group of a GUID ({8173989A-56EE-…}, as update logs print ids): that
// group is eight hex digits too, but not an error code.
const GUID_REST = /^-[0-9a-f]{4}-/i;
// Decimal forms of an HRESULT: unsigned (2147944003) and signed (-2147023293).
const DECIMAL_CODE = /(?<![\w.])(-?\d{10})(?![\w.]\d|\w)/g;

// Symbolic Win32 names that are spellings of one HRESULT. 1603 / 0x643 alone is a generic MSI
// error and is deliberately absent: it is not enough to identify anything.
const SYMBOLIC_CODES: Record<string, ErrorCode> = {
  ERROR_INSTALL_FAILURE: '0x80070643',
  ERRORINSTALLFAILURE: '0x80070643',
};
const SYMBOLIC = /\b(ERROR_?INSTALL_?FAILURE)\b/gi;

/** Reads every update id in the text, in order of appearance, without duplicates. */
export function findUpdateIds(text: string): UpdateId[] {
  const found = new Set<UpdateId>();
  for (const m of text.matchAll(KB_ID)) found.add(`KB${m[1]}`);
  for (const m of text.matchAll(BARE_UPDATE)) found.add(`KB${m[1]}`);
  return [...found];
}

/** Reads every error code in the text in canonical `0x%08x` form, without duplicates. */
export function findErrorCodes(text: string): ErrorCode[] {
  const found = new Set<ErrorCode>();
  for (const m of text.matchAll(HRESULT)) {
    if (!/\d/.test(m[1]) || text[m.index - 1] === '-' || GUID_REST.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))) continue;
    found.add(`0x${m[1].toLowerCase()}`);
  }
  for (const m of text.matchAll(DECIMAL_CODE)) {
    const code = decimalToHresult(m[1]);
    if (code) found.add(code);
  }
  for (const m of text.matchAll(SYMBOLIC)) {
    const code = SYMBOLIC_CODES[m[1].toUpperCase()];
    if (code) found.add(code);
  }
  return [...found];
}

function decimalToHresult(digits: string): ErrorCode | null {
  const n = Number(digits);
  // Only failure HRESULTs: unsigned 0x80000000..0xFFFFFFFF, or their signed 32-bit reading.
  if (n >= 0x80000000 && n <= 0xffffffff) return `0x${n.toString(16).padStart(8, '0')}`;
  if (n < 0 && n >= -0x80000000) return `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
  return null;
}

/**
 * Canonical form of an update id written in a knowledge file, or null when it is not one.
 * `*` stands for "an update that no entry lists".
 */
export function canonicalUpdateId(written: string): UpdateId | null {
  if (written.trim() === '*') return '*';
  const m = /^\s*(?:kb[\s\-_:#]*)?(\d{6,7})\s*$/i.exec(written);
  return m ? `KB${m[1]}` : null;
}

/** Canonical form of an error code written in a knowledge file, or null when it is not one. */
export function canonicalErrorCode(written: string): ErrorCode | null {
  const trimmed = written.trim();
  const symbolic = SYMBOLIC_CODES[trimmed.toUpperCase()];
  if (symbolic) return symbolic;
  if (/^(?:0x)?[0-9a-f]{8}$/i.test(trimmed)) return `0x${trimmed.replace(/^0x/i, '').toLowerCase()}`;
  if (/^-?\d{10}$/.test(trimmed)) return decimalToHresult(trimmed);
  return null;
}
