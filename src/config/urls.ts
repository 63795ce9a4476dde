/** URL checks shared by the configuration readers. */

/** Whether `text` parses as a URL whose scheme is one of `protocols` (e.g. `['https:', 'http:']`). */
export function isUrlWith(text: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
