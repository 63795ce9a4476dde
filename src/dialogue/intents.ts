/** What an employee may ask for at any point, whatever the entry: a person. */
import type { Detector } from '../knowledge/knowledgeBase';
import { words } from '../matching/words';
import { raisedIn } from './detect';

// Ways of asking for someone: a verb that reaches for a person, and who. One extra word may
// stand between the words ("talk to *the* service desk"). Deliberately absent: "can someone
// help", "need help", which open ordinary questions the bot should answer or pass by.
const REACH = ['talk to', 'talk with', 'speak to', 'speak with', 'chat with', 'connect me to', 'connect me with', 'transfer me to', 'put me through to', 'forward this to', 'pass this to', 'hand this to', 'send this to'];
const WHO = ['a person', 'someone', 'somebody', 'a human', 'support', 'it', 'an agent', 'a technician', 'a tech', 'service desk', 'help desk', 'helpdesk', 'it staff', 'it team', 'an admin'];

const HANDOFF_PHRASES = [
  ...REACH.flatMap((verb) => WHO.map((who) => `${verb} ${who}`)),
  'real person',
  'real human',
  'a human',
  'human please',
  'person please',
  'a person look',
  'a person check',
  'get me a person',
  'get a person',
  'need a person',
  'want a person',
  'someone from it',
  'somebody from it',
  'someone in it',
  'someone from support',
  'someone from the helpdesk',
  'live agent',
  'an agent',
  'support agent',
  'a technician',
  'real tech',
  'open a ticket',
  'open ticket',
  'create a ticket',
  'raise a ticket',
  'log a ticket',
  'file a ticket',
  'submit a ticket',
  'new ticket',
  'ticket please',
  'open an incident',
  'create an incident',
  'raise an incident',
  'log an incident',
  'open a case',
  'escalate',
  'call me',
];

const HANDOFF: Detector[] = HANDOFF_PHRASES.map((text) => ({ text, words: words(text) }));

/** Whether the message asks for a person or a ticket (and does not say it does not). */
export function wantsPerson(text: string): boolean {
  return raisedIn(HANDOFF, text) !== null;
}

/** The option value every question carries; typed or clicked, it reads as a handoff. */
export const TALK_TO_PERSON = 'Talk to a person';
