import { negationWords } from '../../src/reading/detect';
import { negatedAt, tokenize } from '../../src/matching/words';
import { shippedKnowledge } from '../helpers/knowledge';

const negation = negationWords(shippedKnowledge().lexicon);

const words = (text: string) => tokenize(text).map((t) => t.word).join(' ');

describe('tokenize', () => {
  it.each([
    ["laptop won't boot", 'laptop will not boot'],
    ['laptop wont boot', 'laptop will not boot'],
    ["I can't check", 'i can not check'],
    ['cannot start', 'can not start'],
    ["I haven't restarted", 'i have not restarted'],
    ['it doesnt boot', 'it does not boot'],
    ["I'm not sure, it's fine", 'i am not sure it is fine'],
    ["we've rebooted, I'll check", 'we have rebooted i will check'],
    ['idk', 'i do not know'],
    ['dunno', 'do not know'],
    ['Don’t know (typographic apostrophe)', 'do not know typographic apostrophe'],
    ['hablar con un técnico', 'hablar con un tecnico'],
    ['ich möchte mit einem Techniker sprechen', 'ich mochte mit einem techniker sprechen'],
    ['Wiederherstellungspartition voll, Größe 500 MB', 'wiederherstellungspartition voll grosse 500 mb'],
    ['chcę rozmawiać z człowiekiem, błąd', 'chce rozmawiac z czlowiekiem blad'],
    ['Øst, Đorđe, Cæsar', 'ost dorde caesar'],
  ])('expands %j', (text, expected) => {
    expect(words(text)).toBe(expected);
  });

  it('keeps words with digits whole and unstemmed', () => {
    expect(tokenize('KB5057589 updates').map((t) => [t.word, t.stem])).toEqual([
      ['kb5057589', 'kb5057589'],
      ['updates', 'updat'],
    ]);
  });

  it('finds a negation a few words before a phrase', () => {
    const tokens = tokenize("I haven't really restarted");
    expect(negatedAt(tokens, tokens.findIndex((t) => t.word === 'restarted'), negation)).toBe(true);
    expect(negatedAt(tokenize('restarted fine'), 0, negation)).toBe(false);
    // Other languages' negations come from their lexicon files: "nicht neu gestartet".
    const german = tokenize('nicht neu gestartet');
    expect(negatedAt(german, 2, negation)).toBe(true);
  });
});
