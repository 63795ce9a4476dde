import { wantsPerson } from '../../src/dialogue/intents';
import { Lexicon } from '../../src/knowledge/lexicon';
import { shippedKnowledge } from '../helpers/knowledge';

const lexicon = shippedKnowledge().lexicon;

describe('wantsPerson in a conversation about a known issue', () => {
  it.each([
    'can I get a real person',
    'talk to a human pls',
    'get me a support agent pls',
    'just connect me to IT staff',
    'can a person look at this?',
    'no idea. can a person check it for me?',
    'please open an incident for me',
    'I need someone from IT',
    'forward this to support',
    "I'd like to talk to the service desk",
    'can i chat with a real tech?',
    'just open a ticket please',
    'please give me to a person, I do not understand',
    'can you pass me to IT?',
    'I want speak with human',
    'can you put me in contact with IT?',
    'no idea, can someone just fix it for me?',
    'agent',
    'a human pls',
    'ich möchte bitte mit einem Techniker sprechen',
    'je voudrais parler à un technicien',
    '¿Puedo hablar con un técnico?',
    'posso parlare con un operatore?',
    'quero falar com alguém do suporte',
    'kan ik met een medewerker praten?',
    'Could someone from the service desk give me a ring? ext 4471',
    'can Priya from desktop support have a look at my laptop?',
    "ok but I'd still like an actual technician to double-check",
    '¿Me pasas con un técnico?',
    'kan ik iemand van IT spreken?',
    'Czy mogę porozmawiać z konsultantem?',
    'poproszę kogoś z IT, nie bota',
    'posso falar com um atendente humano?',
    'Ich möchte bitte mit jemandem vom IT-Support sprechen',
    'Bitte an einen Techniker weiterleiten',
    'prefiero que me llame alguien de sistemas',
    '请转人工',
    '担当者と話したいです',
    'can you remote in and fix it?',
    'could someone remote in',
    'can a tech remote in and have a look?',
    '@desktop-support can one of you take over this one?',
    'not restarted — can you just send somebody over?',
    'Ich hätte gern jemanden vom IT-Support am Telefon, bitte.',
    'Bir insanla konuşabilir miyim?',
    'kann mich bitte jemand vom IT anrufen?',
    "can you just ping whoever's on call for desktop support",
  ])('hears %j', (text) => {
    expect(wantsPerson(text, lexicon, 'conversation')).toBe(true);
  });

  it.each(["no, I don't need to talk to a person", 'no agent', 'yes', '400 MB', 'the person who set it up left', 'the técnico installed it', 'I met a colleague at the con', 'ok I remoted in, Disk Management shows 412 MB free'])('does not hear %j', (text) => {
    expect(wantsPerson(text, lexicon, 'conversation')).toBe(false);
  });
});

describe('wantsPerson in a first message the bot could not match', () => {
  it.each(['can I talk to a person?', 'connect me to the service desk please', 'I need a person', 'Talk to a person', 'I need to speak to someone on the service desk', "monitor won't wake from sleep, can someone give me a call?"])('hears the plain request %j', (text) => {
    expect(wantsPerson(text, lexicon, 'unprompted')).toBe(true);
  });

  it.each([
    "How do I escalate a ticket's priority in ServiceNow?",
    "Can you show me how to create a ticket in Jira for my team's sprint?",
    'our live agent chat widget on the website is broken',
    "I'm trying to talk to someone on Teams but my mic doesn't work",
    'where do I log a ticket for facilities? the AC is broken',
    'the real person behind the shared mailbox left, who owns it now?',
    'our support agent license expired in Zendesk, who renews it?',
    'can someone look at this?',
    'I forgot my password, can you reset it?',
  ])('passes by %j', (text) => {
    expect(wantsPerson(text, lexicon, 'unprompted')).toBe(false);
  });
});

describe('asking for a person, with words a support lead adds to the lexicon', () => {
  const at = () => ({ line: 1, column: 1, sourceLine: '' });
  const small = new Lexicon([
    { file: 'en.yaml', language: 'en', at, keys: { reach_for: ['talk to'], who: ['the duty officer'], person_words: ['officer'], denials: ['no'] } },
    { file: 'zh.yaml', language: 'zh', at, keys: { person_request: [{ regex: '转人工' }] } },
  ]);

  it('combines each way of reaching with each person, and hears patterns where there are no words', () => {
    expect(wantsPerson('can I talk to the duty officer', small, 'unprompted')).toBe(true);
    expect(wantsPerson('请转人工', small, 'unprompted')).toBe(true);
    expect(wantsPerson('can I talk to someone', small, 'unprompted')).toBe(false);
    expect(wantsPerson('can I talk to someone', small, 'conversation')).toBe(true);
  });

  it('hears a short reply naming who, unless it is denied', () => {
    expect(wantsPerson('officer pls', small)).toBe(true);
    expect(wantsPerson('no officer', small)).toBe(false);
  });
});
