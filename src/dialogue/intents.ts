/** What an employee may ask for at any point, whatever the entry: a person. */
import type { Detector } from '../knowledge/knowledgeBase';
import { NEGATIONS, words } from '../matching/words';
import { raisedIn } from './detect';

// Asking for someone: a verb that reaches for a person, and who. One extra word may stand
// between the words ("talk to *the* service desk").
const REACH = [
  'talk to',
  'talk with',
  'speak to',
  'speak with',
  'chat with',
  'connect me to',
  'connect me with',
  'transfer me to',
  'put me through to',
  'pass me to',
  'give me to',
  'put me in contact with',
  'get me',
];
const WHO = ['a person', 'a human', 'a real person', 'a human being', 'support', 'it', 'it support', 'an agent', 'a technician', 'a tech', 'a real tech', 'service desk', 'help desk', 'helpdesk', 'it staff', 'it team', 'an admin', 'someone from it'];

/**
 * Requests for a person that stand on their own. A first message the bot cannot match is handed
 * over only on one of these: "how do I create a ticket in Jira?" or "trying to talk to someone
 * on Teams" are questions to pass by, not requests, and a wrong ticket costs IT a person's time.
 */
// Someone named by where they work: "speak to someone on the service desk".
const SOMEONE_IN = ['someone from it', 'someone in it', 'someone from support', 'someone from the service desk', 'someone on the service desk', 'someone at the service desk', 'someone from the helpdesk', 'someone on the helpdesk', 'someone at the helpdesk'];

const REQUESTS = [
  ...REACH.flatMap((verb) => [...WHO, ...SOMEONE_IN].map((who) => `${verb} ${who}`)),
  'human please',
  'person please',
  'get me a person',
  'i want a person',
  'i need a person',
  'need someone from it',
  'want someone from it',
  'open a ticket for me',
  'create a ticket for me',
  'raise a ticket for me',
  'log a ticket for me',
  'open an incident for me',
  'give me a call',
  'call me back',
];

// German, French, Spanish, Italian, Portuguese and Dutch: "with a technician", "talk to a person".
const OTHER_LANGUAGES = [
  'mit einem techniker',
  'mit einem mitarbeiter',
  'mit einem menschen',
  'mit jemandem sprechen',
  'techniker sprechen',
  'parler a un technicien',
  'parler a une personne',
  'parler a quelqu un',
  'hablar con un tecnico',
  'hablar con una persona',
  'hablar con alguien',
  'hablar con un agente',
  'parlare con un tecnico',
  'parlare con una persona',
  'parlare con un operatore',
  'falar com um tecnico',
  'falar com uma pessoa',
  'falar com alguem',
  'met een medewerker',
  'met een monteur',
  'met iemand spreken',
  'iemand van it',
  'jemanden vom',
  'jemand vom it',
  'on call for',
  'whoever is on call',
  'mich bitte jemand',
  'bir insanla',
  'insanla konusabilir',
  'iemand van de helpdesk',
  'iemand van de servicedesk',
  'me pasas con',
  'pasame con',
  'pasarme con',
  'me llame alguien',
  'alguien de sistemas',
  'alguien de soporte',
  'mit jemandem vom',
  'an einen techniker',
  'an einen mitarbeiter',
  'un technicien',
  'falar com um atendente',
  'atendente humano',
  // Polish: "talk to a consultant / technician / someone", "someone from IT", "a human".
  'porozmawiac z konsultantem',
  'porozmawiac z technikiem',
  'porozmawiac z kims',
  'kogos z it',
  'z czlowiekiem',
];

/**
 * More ways, heard once the employee is talking to the bot about an issue it knows (or asks a
 * person for one it does not): there, "can someone just fix it?" and "open a ticket" are meant
 * for the bot.
 */
const IN_CONVERSATION = [
  ...REQUESTS,
  ...REACH.flatMap((verb) => [`${verb} someone`, `${verb} somebody`, `${verb} human`]),
  'real person',
  'real human',
  'a human',
  'a person look',
  'a person check',
  'get a person',
  'need a person',
  'want a person',
  'can someone',
  'someone fix',
  'someone look',
  'someone check',
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
  'forward this to',
  'pass this to',
  'hand this to',
  'send this to',
  'open a ticket',
  'open ticket',
  'create a ticket',
  'raise a ticket',
  'log a ticket',
  'file a ticket',
  'submit a ticket',
  'new ticket',
  'open an incident',
  'create an incident',
  'raise an incident',
  'log an incident',
  'open a case',
  'escalate',
  'call me',
  'ticket please',
  'agent please',
  'tech please',
  'technician please',
  'have a tech',
  'a tech look',
  'loop in it',
  'let it handle',
  'it handle this',
  // "Can you remote in?", not "I remoted in" (a typo-tolerant "remote in" would hear that).
  'you remote in',
  'it remote in',
  'tech remote in',
  'technician remote in',
  'take over this',
  'take this over',
  'one of you take',
  'send somebody',
  'support remote in',
  'someone remote in',
  'somebody remote in',
  'remote session',
  'remote assistance',
  'remote support',
  'connect to helpdesk',
  'connect to support',
  'connect to it',
  'send someone',
  'someone from the service desk',
  'someone from service desk',
  'someone from desktop support',
  'from desktop support',
  'from the service desk',
  'give me a ring',
  'ring me',
  'phone me',
  'an actual technician',
  'actual person',
  'actual human',
  'real technician',
  'colleague from it',
  // The same asked in the languages of a multinational staff (accents are folded away).
  ...OTHER_LANGUAGES,
];

// A reply of a word or three that names who: "agent", "a human pls", "technician".
const SHORT_REPLY_WORDS = new Set(['agent', 'human', 'person', 'technician', 'tech', 'someone', 'somebody', 'ticket', 'escalate', 'support']);
const SHORT_REPLY = 3;

const detectors = (phrases: readonly string[]): Detector[] => phrases.map((text) => ({ text, words: words(text) }));
const REQUEST_DETECTORS = detectors(REQUESTS);
const CONVERSATION_DETECTORS = detectors(IN_CONVERSATION);

/**
 * Whether the message asks for a person or a ticket (and does not say it does not).
 * `unprompted`: a first message that matched nothing, where only a plain request counts.
 */
export function wantsPerson(text: string, where: 'conversation' | 'unprompted' = 'conversation'): boolean {
  if (CJK_REQUEST.test(text)) return true;
  if (where === 'unprompted') return raisedIn(REQUEST_DETECTORS, text) !== null;
  if (raisedIn(CONVERSATION_DETECTORS, text) !== null) return true;
  const typed = words(text);
  return typed.length <= SHORT_REPLY && typed.some((w) => SHORT_REPLY_WORDS.has(w)) && !typed.some((w) => NEGATIONS.has(w));
}

// Chinese and Japanese have no spaces to find words by: "转人工" (transfer to a human), "人工客服"
// (a human agent), "担当者と話したい" (talk to the person in charge), "オペレーター" (an operator).
const CJK_REQUEST = /转人工|轉人工|人工客服|人工服务|人工服務|找人工|担当者|オペレーター|人と話|サポートの方/;

/** The option value every question carries; typed or clicked, it reads as a handoff. */
export const TALK_TO_PERSON = 'Talk to a person';
