/**
 * What an employee may ask for at any point, whatever the entry: a person. The words are the
 * shared lexicon's (knowledge/shared/lexicon: reach_for, who, someone_in, person_request,
 * person_request_in_conversation, person_words); this file holds how they combine.
 */
import type { Detector } from '../knowledge/knowledgeBase';
import type { Lexicon } from '../knowledge/lexicon';
import { stem, words } from '../matching/words';
import { negationWords, raisedIn } from '../reading/detect';

/** A reply of this many words or fewer that names who ("agent", "a human pls") asks for them. */
const SHORT_REPLY = 3;

interface RequestLists {
  /** Requests that stand on their own: heard even in a first message the bot cannot match. */
  plain: Detector[];
  /** Those and more, heard once the employee is talking to the bot about an issue. */
  conversation: Detector[];
  personWords: ReadonlySet<string>;
  denials: ReadonlySet<string>;
}

/**
 * The lexicon's requests, combined once per lexicon: each way of reaching for someone with each
 * person ("talk to" × "a technician"). A first message the bot cannot match is handed over only
 * on a plain request: "how do I create a ticket in Jira?" or "trying to talk to someone on Teams"
 * are questions to pass by, and a wrong ticket costs IT a person's time.
 */
function requestLists(lexicon: Lexicon): RequestLists {
  return lexicon.derive(requestLists, () => {
    const reach = lexicon.detectors('reach_for').map((d) => d.text);
    const people = [...lexicon.detectors('who'), ...lexicon.detectors('someone_in')].map((d) => d.text);
    const combined = (whom: readonly string[]) => reach.flatMap((verb) => whom.map((who) => phrase(`${verb} ${who}`)));
    const plain = [...combined(people), ...lexicon.detectors('person_request')];
    return {
      plain,
      // There, "can someone just fix it?" and "open a ticket" are meant for the bot.
      conversation: [...plain, ...combined(SOMEONE), ...lexicon.detectors('person_request_in_conversation')],
      personWords: lexicon.words('person_words'),
      denials: lexicon.words('denials'),
    };
  });
}

// Whom "talk to" reaches in a conversation, beyond the lexicon's people: anyone at all.
const SOMEONE = ['someone', 'somebody', 'human'];

function phrase(text: string): Detector {
  return { text, words: words(text), stems: words(text).map(stem) };
}

/**
 * Whether the message asks for a person or a ticket (and does not say it does not).
 * `unprompted`: a first message that matched nothing, where only a plain request counts.
 */
export function wantsPerson(text: string, lexicon: Lexicon, where: 'conversation' | 'unprompted' = 'conversation'): boolean {
  const lists = requestLists(lexicon);
  const options = { negation: negationWords(lexicon) };
  if (where === 'unprompted') return raisedIn(lists.plain, text, options) !== null;
  if (raisedIn(lists.conversation, text, options) !== null) return true;
  const typed = words(text);
  return typed.length <= SHORT_REPLY && typed.some((w) => lists.personWords.has(w)) && !typed.some((w) => lists.denials.has(w));
}

/** The option value every question carries; typed or clicked, it reads as a handoff. */
export const TALK_TO_PERSON = 'Talk to a person';
