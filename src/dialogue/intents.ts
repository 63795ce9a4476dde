/** What an employee may ask for at any point, whatever the entry: a person. */
import type { Detector } from '../knowledge/knowledgeBase';
import type { Token } from '../matching/words';
import { words } from '../matching/words';
import { detect } from './detect';

const HANDOFF_PHRASES = [
  'talk to a person',
  'talk to someone',
  'talk to somebody',
  'talk to a human',
  'talk to support',
  'talk to it',
  'speak to a person',
  'speak to someone',
  'speak to a human',
  'speak with someone',
  'real person',
  'real human',
  'a human',
  'human please',
  'person please',
  'live agent',
  'an agent',
  'a technician',
  'open a ticket',
  'open ticket',
  'create a ticket',
  'raise a ticket',
  'log a ticket',
  'file a ticket',
  'submit a ticket',
  'new ticket',
  'ticket please',
  'escalate',
  'call me',
];

const HANDOFF: Detector[] = HANDOFF_PHRASES.map((text) => ({ text, words: words(text) }));

/** Whether the message asks for a person or a ticket (and does not say it does not). */
export function wantsPerson(tokens: readonly Token[], lowerText: string): boolean {
  const found = detect(HANDOFF, tokens, lowerText);
  return found !== null && !found.negated;
}

/** The option value every question carries; typed or clicked, it reads as a handoff. */
export const TALK_TO_PERSON = 'Talk to a person';
