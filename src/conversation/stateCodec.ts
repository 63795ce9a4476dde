/** Conversation state as persistent stores write it: JSON, checked for its version on the way back. */
import { STATE_VERSION, type ConversationState } from '../dialogue/state';

export function encodeState(state: ConversationState): string {
  return JSON.stringify(state);
}

/**
 * The state, or undefined when it was written in another shape (an older or newer bot): the
 * conversation then starts afresh instead of running on a misread record.
 */
export function decodeState(text: string | null | undefined): ConversationState | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<ConversationState> | null;
    return value && value.version === STATE_VERSION ? (value as ConversationState) : undefined;
  } catch {
    return undefined;
  }
}
